// The Import wizard's model (wizards/import/use-import.ts) against the fake engine, and the template rule
// (apply-template.ts): a file chosen or dropped is previewed by its handle, a changed choice previews
// again, the import sends each file's mapping as previewed, and a template never gives one field to two
// columns.
import { act } from '@testing-library/react';
import fc from 'fast-check';
import { CUSTOMER_FIELDS, type ColumnMapping, type ColumnTarget } from '../../../shared/customer';
import type { ImportPreview, ImportRunResult } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { applyTemplate } from '../../../renderer/src/wizards/import/apply-template';
import { useImport } from '../../../renderer/src/wizards/import/use-import';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { chosen } from '../support/samples';

function preview(name: string, change: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file: name,
    bytes: 120,
    sha256: '00'.repeat(32),
    format: 'csv',
    encoding: 'gb18030',
    delimiter: ',',
    sheet: null,
    sheets: [],
    headers: ['客户名称', '手机'],
    headerRow: 1,
    mapping: { 客户名称: 'name', 手机: 'phone' },
    mappingFrom: 'suggested',
    rows: [],
    problems: [],
    notes: [],
    alreadyImported: null,
    ...change,
  };
}

const imported: ImportRunResult = {
  inputs: [],
  totals: { rowsRead: 2, imported: 2, quarantined: 0, blankRows: 0 },
  mappingSaved: null,
  classified: 2,
};

describe('useImport', () => {
  test('choose → preview by handle → change the encoding → preview again → import with the mapping shown', async () => {
    const file = chosen('客户名单.csv');
    const fake = installFakeBridge({
      'dialog.choose': () => ok(file),
      'import.preview': (input) => ok(preview('客户名单.csv', { encoding: input.encoding ?? 'gb18030' })),
      'import.run': () => ok(imported),
    });
    const { result } = await renderModel(fake, useImport);
    expect(result.current.step).toBe('files');
    expect(result.current.ready).toBe(false);
    await act(() => result.current.addFile());
    await settle();
    expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'open', purpose: 'import' }]);
    expect(fake.inputsOf('import.preview')).toEqual([{ file: { handle: file.handle } }]);
    expect(result.current.ready).toBe(true);

    act(() => result.current.change(result.current.files[0], { encoding: 'big5' }));
    await settle();
    expect(fake.inputsOf('import.preview').at(-1)).toEqual({
      file: { handle: file.handle },
      encoding: 'big5',
    });
    expect(result.current.files[0].preview?.encoding).toBe('big5');

    act(() => result.current.startImport());
    await settle();
    expect(fake.inputsOf('import.run')).toEqual([
      {
        inputs: [
          { file: { handle: file.handle }, encoding: 'big5', mapping: { 客户名称: 'name', 手机: 'phone' } },
        ],
        allowSameSource: false,
      },
    ]);
    expect(result.current.step).toBe('result');
    expect(result.current.result).toEqual(imported);

    act(() => result.current.restart());
    expect(result.current.step).toBe('files');
    expect(result.current.files).toEqual([]);
  });

  test('dropped files become handles through the shell; one that is not on disk is skipped, a failure shown', async () => {
    const dropped = chosen('shop.json', 2);
    const answers = [ok(dropped), ok(null), fail('FILE_HANDLE_UNKNOWN', 'gone')];
    const fake = installFakeBridge({ 'import.preview': () => ok(preview('shop.json')) }, () =>
      answers.shift()!,
    );
    const { result } = await renderModel(fake, useImport);
    await act(() =>
      result.current.addDropped([new File(['{}'], 'shop.json'), new File([''], 'x'), new File([''], 'y')]),
    );
    await settle();
    expect(result.current.files.map((f) => f.name)).toEqual(['shop.json']);
    expect(fake.inputsOf('import.preview')).toEqual([{ file: { handle: dropped.handle } }]);
    expect(result.current.error?.code).toBe('FILE_HANDLE_UNKNOWN');
  });

  test('a file imported before is named, and the import says so when the person allows it', async () => {
    const file = chosen('客户名单.csv', 3);
    const fake = installFakeBridge({
      'dialog.choose': () => ok(file),
      'import.preview': () =>
        ok(preview('客户名单.csv', { alreadyImported: { at: '2025-01-01T00:00:00Z', name: 'old.csv' } })),
      'import.run': () => ok(imported),
    });
    const { result } = await renderModel(fake, useImport);
    await act(() => result.current.addFile());
    await settle();
    expect(result.current.sameSource.map((f) => f.name)).toEqual(['客户名单.csv']);
    act(() => result.current.setAllowSame(true));
    act(() => result.current.startImport());
    await settle();
    expect(fake.inputsOf('import.run')[0].allowSameSource).toBe(true);
  });

  test('a workbook: its customer sheets ticked by default, the choice sent to the import, none ticked blocks it', async () => {
    const file = chosen('客户.xlsx', 5);
    const sheets = [
      { name: '供应商', state: 'visible', rows: 4, holdsCustomers: false },
      { name: '零售', state: 'visible', rows: 12, holdsCustomers: true },
      { name: '批发', state: 'hidden', rows: 3, holdsCustomers: true },
    ];
    const fake = installFakeBridge({
      'dialog.choose': () => ok(file),
      'import.preview': () =>
        ok(preview('客户.xlsx', { format: 'xlsx', encoding: null, sheet: '零售', sheets })),
      'import.run': () => ok(imported),
    });
    const { result } = await renderModel(fake, useImport);
    await act(() => result.current.addFile());
    await settle();
    expect(result.current.files[0].sheets).toEqual(['零售', '批发']);
    const { handle } = result.current.files[0];
    act(() => result.current.chooseSheets(handle, []));
    expect(result.current.ready).toBe(false);
    act(() => result.current.chooseSheets(handle, ['供应商', '批发']));
    expect(result.current.ready).toBe(true);
    act(() => result.current.startImport());
    await settle();
    expect(fake.inputsOf('import.run')[0].inputs).toEqual([
      {
        file: { handle: file.handle },
        sheets: ['供应商', '批发'],
        mapping: { 客户名称: 'name', 手机: 'phone' },
      },
    ]);
  });

  test('a file the engine cannot read keeps the wizard from moving on', async () => {
    const fake = installFakeBridge({
      'dialog.choose': () => ok(chosen('broken.xlsx', 4)),
      'import.preview': () => fail('INPUT_UNREADABLE', 'not a workbook'),
    });
    const { result } = await renderModel(fake, useImport);
    await act(() => result.current.addFile());
    await settle();
    expect(result.current.files[0].error?.code).toBe('INPUT_UNREADABLE');
    expect(result.current.ready).toBe(false);
  });
});

describe('applyTemplate', () => {
  test('the template wins for the columns it names; a field it gives away leaves the other column', () => {
    const mapping: ColumnMapping = { 姓名: 'name', 电话: 'phone', 手机: 'extra', 备注: 'notes' };
    const template: ColumnMapping = { 手机: 'phone', 邮箱: 'email' };
    expect(applyTemplate(mapping, template)).toEqual({
      姓名: 'name',
      电话: 'extra',
      手机: 'phone',
      备注: 'notes',
    });
  });

  const TARGETS: ColumnTarget[] = [...CUSTOMER_FIELDS, 'extra', 'skip'];
  const HEADERS = ['A', 'B', 'C', 'D', 'E', 'F'];
  /** A mapping as the engine suggests one: every field at most once. */
  const mapping = fc.shuffledSubarray(HEADERS, { minLength: 1 }).chain((headers) =>
    fc
      .array(fc.constantFrom(...TARGETS), { minLength: headers.length, maxLength: headers.length })
      .map((targets) => {
        const seen = new Set<ColumnTarget>();
        return Object.fromEntries(
          headers.map((h, i) => {
            const t = targets[i];
            const unique = t === 'extra' || t === 'skip' || !seen.has(t) ? t : 'extra';
            seen.add(unique);
            return [h, unique];
          }),
        ) as ColumnMapping;
      }),
  );

  test('any template over any mapping: the same columns, the template’s choices, each field once', () => {
    fc.assert(
      fc.property(mapping, mapping, (file, template) => {
        const next = applyTemplate(file, template);
        expect(Object.keys(next).sort()).toEqual(Object.keys(file).sort());
        for (const header of Object.keys(file))
          if (header in template) expect(next[header]).toBe(template[header]);
        const fields = Object.values(next).filter((t) => t !== 'extra' && t !== 'skip');
        expect(new Set(fields).size).toBe(fields.length);
      }),
    );
  });
});
