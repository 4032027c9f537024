// What the customer column table derives: every field's columns in the lists that write and read them,
// the merge columns inside the snapshot, one mapper from columns to a record's fields, the search values,
// and header matching from the synonyms each field declares.
import {
  CUSTOMER_FIELDS,
  CUSTOMER_TABLE,
  FIELD_COLUMNS,
  IMPORT_COLUMNS,
  RECORD_COLUMNS,
  SNAPSHOT_COLUMNS,
  STATUS_COLUMN,
  VALIDATED_FIELDS,
  fieldText,
  recordFields,
  searchValues,
  statusesOf,
  type FieldColumns,
} from '../../../shared/customer/columns';
import { FIELD_SPECS } from '../../../shared/customer/fields';
import { MERGE_FIELDS } from '../../../shared/duplicates';
import { fieldForHeader } from '../../../shared/mapping';
import { MERGE_COLUMNS } from '../../../electron/core/duplicates/merge-plan';

const fieldColumns = CUSTOMER_FIELDS.flatMap((f) => FIELD_COLUMNS[f]);

test('every field column is written by the import, read by the view and kept by a merge snapshot', () => {
  expect(new Set(fieldColumns).size).toBe(fieldColumns.length);
  for (const column of fieldColumns) {
    expect(IMPORT_COLUMNS).toContain(column);
    expect(RECORD_COLUMNS).toContain(column);
    expect(SNAPSHOT_COLUMNS).toContain(column);
    expect(CUSTOMER_TABLE.map((c) => c.name)).toContain(column);
  }
});

test('the merge fields are the customer fields, and each brings all its columns', () => {
  expect(MERGE_FIELDS).toBe(CUSTOMER_FIELDS);
  for (const field of MERGE_FIELDS) {
    expect(MERGE_COLUMNS[field]).toEqual(FIELD_COLUMNS[field]);
    for (const column of MERGE_COLUMNS[field]) expect(SNAPSHOT_COLUMNS).toContain(column);
  }
});

test('validated fields have a status column; only the resident ID has the legacy status', () => {
  for (const field of VALIDATED_FIELDS) {
    expect(FIELD_COLUMNS[field]).toContain(STATUS_COLUMN[field]);
    expect(statusesOf(field).includes('legacy')).toBe(field === 'idNumber');
  }
  expect(VALIDATED_FIELDS).toEqual(expect.arrayContaining(['phone', 'email', 'idNumber', 'creditCode']));
});

const row = (over: Partial<FieldColumns>): FieldColumns => {
  const out: Record<string, unknown> = {};
  for (const c of CUSTOMER_TABLE) if ((fieldColumns as string[]).includes(c.name)) out[c.name] = null;
  for (const f of VALIDATED_FIELDS) out[STATUS_COLUMN[f]] = 'missing';
  return { ...(out as FieldColumns), ...over };
};

test('one mapper: snake_case columns become the record’s camelCase fields, statuses and currency', () => {
  const fields = recordFields(
    row({
      name: '张伟',
      id_number: '110105491231002',
      id_number_status: 'legacy',
      lifetime_value: 12345,
      currency: 'CNY',
      phone_status: 'bogus' as never,
    }),
  );
  expect(fields.name).toBe('张伟');
  expect(fields.idNumber).toBe('110105491231002');
  expect(fields.lifetimeValue).toBe(12345);
  expect(fields.currency).toBe('CNY');
  expect(fields.status.idNumber).toBe('legacy');
  // A status the table does not know reads as missing, never as valid.
  expect(fields.status.phone).toBe('missing');
  expect(Object.keys(fields).sort()).toEqual([...CUSTOMER_FIELDS, 'currency', 'status'].sort());
  expect(fieldText('lifetimeValue', fields)).toBe('123.45 CNY');
  expect(fieldText('organisation', fields)).toBe('');
});

test('search values: every searched field, and the phone also by the digits it was written with', () => {
  const values = searchValues(
    row({ name: '王芳', phone: '+8613800138000', phone_raw: '138-0013-8000', address: '西湖区' }),
  );
  expect(values).toContain('王芳');
  expect(values).toContain('+8613800138000');
  expect(values).toContain('13800138000');
  expect(values).toContain('西湖区');
  expect(values).not.toContain('138-0013-8000');
});

test('each field is found by every synonym it declares', () => {
  for (const field of CUSTOMER_FIELDS)
    for (const word of FIELD_SPECS[field].synonyms)
      expect([word, fieldForHeader(word)]).toEqual([word, field]);
});
