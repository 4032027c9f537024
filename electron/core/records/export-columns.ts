// The columns of a records export (CSV / XLSX): every CustomerRecord field, flattened for a
// spreadsheet, with headers in Chinese or English (the customer fields' from shared/customer/fields.ts). JSON exports keep the CustomerRecord itself.
import {
  CUSTOMER_FIELDS,
  type CarriedValues,
  type CustomerRecord,
  type ValidatedField,
} from '../../../shared/customer';
import { displayOf, exportHeaders, moneyText } from '../../../shared/customer/columns';
import { phoneEntryText } from '../../../shared/customer/phones';

export type CellValue = string | number | null;

export interface ExportColumn {
  key: string;
  zh: string;
  en: string;
  /** Numbers stay numbers (XLSX number cells; never neutralised in CSV); text goes through csvCell. */
  value: (r: CustomerRecord) => CellValue;
}

const bool = (b: boolean) => (b ? 'true' : 'false');
const sourceText = (s: CustomerRecord['sources'][number]) =>
  [s.file, s.sheet, String(s.row)].filter((p) => p !== null && p !== '').join(':');

/** Each customer field: its value, its status, the carried columns a record shows (fields.ts). */
const FIELD_EXPORT_COLUMNS: ExportColumn[] = CUSTOMER_FIELDS.flatMap((field) => {
  const headers = exportHeaders(field);
  const money = displayOf(field) === 'money';
  const columns: ExportColumn[] = [
    {
      key: field,
      ...headers.value,
      value: (r) => (money ? moneyText(r[field] as number | null, r.currency) : r[field]),
    },
  ];
  if (headers.status)
    columns.push({
      key: `${field}Status`,
      ...headers.status,
      value: (r) => r.status[field as ValidatedField],
    });
  for (const carried of headers.carried)
    columns.push({
      key: carried.record,
      ...carried.header,
      value: (r) => r[carried.record as keyof CarriedValues],
    });
  // Every number of the phone cell (first the phone), with extensions: `+8621… ext. 12; +86138…`.
  if (field === 'phone')
    columns.push({
      key: 'phones',
      zh: '全部电话',
      en: 'all phones',
      value: (r) => r.phones.map(phoneEntryText).join('; '),
    });
  return columns;
});

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', zh: '编号', en: 'id', value: (r) => r.id },
  ...FIELD_EXPORT_COLUMNS,
  { key: 'type', zh: '客户类型', en: 'type', value: (r) => r.type },
  { key: 'region', zh: '地区', en: 'region', value: (r) => r.region },
  { key: 'regionCountry', zh: '国家代码', en: 'region country', value: (r) => r.regionCountry },
  { key: 'category', zh: '产品类别', en: 'category', value: (r) => r.category },
  { key: 'stale', zh: '长期不活跃', en: 'stale', value: (r) => bool(r.flags.stale) },
  { key: 'minor', zh: '未满14周岁', en: 'minor', value: (r) => bool(r.flags.minor) },
  { key: 'sensitive', zh: '敏感信息', en: 'sensitive', value: (r) => r.flags.sensitive.join(';') },
  { key: 'formulaLike', zh: '疑似公式', en: 'formula-like', value: (r) => bool(r.flags.formulaLike) },
  { key: 'incomplete', zh: '信息不完整', en: 'incomplete', value: (r) => bool(r.flags.incomplete) },
  { key: 'typeDoubtful', zh: '类型存疑', en: 'type doubtful', value: (r) => bool(r.flags.typeDoubtful) },
  {
    key: 'regionConflict',
    zh: '地区冲突',
    en: 'region conflict',
    value: (r) => bool(r.flags.regionConflict),
  },
  {
    key: 'hiddenCharacters',
    zh: '含隐藏字符',
    en: 'hidden characters',
    value: (r) => bool(r.flags.hiddenCharacters),
  },
  { key: 'malformed', zh: '格式异常', en: 'malformed', value: (r) => r.flags.malformed },
  { key: 'completeness', zh: '完整度', en: 'completeness', value: (r) => r.completeness },
  { key: 'cluster', zh: '重复组', en: 'duplicate cluster', value: (r) => r.cluster },
  { key: 'mergedInto', zh: '已合并到', en: 'merged into', value: (r) => r.mergedInto },
  { key: 'disposition', zh: '处置方式', en: 'disposition', value: (r) => r.disposition },
  { key: 'dispositionBasis', zh: '处置依据', en: 'disposition basis', value: (r) => r.dispositionBasis },
  { key: 'retainUntil', zh: '保存期限', en: 'retain until', value: (r) => r.retainUntil },
  {
    key: 'dispositionRecipient',
    zh: '接收方',
    en: 'recipient',
    value: (r) => r.dispositionRecipient,
  },
  { key: 'overrides', zh: '人工修改的分类', en: 'overrides', value: (r) => r.overrides.join(';') },
  { key: 'sourceFile', zh: '来源文件', en: 'source file', value: (r) => r.sources[0]?.file ?? null },
  { key: 'sourceSheet', zh: '工作表', en: 'source sheet', value: (r) => r.sources[0]?.sheet ?? null },
  { key: 'sourceRow', zh: '来源行', en: 'source row', value: (r) => r.sources[0]?.row ?? null },
  {
    key: 'mergedSources',
    zh: '合并来源',
    en: 'merged sources',
    value: (r) => r.sources.slice(1).map(sourceText).join('; '),
  },
  {
    key: 'extra',
    zh: '其他字段',
    en: 'extra fields',
    value: (r) => (Object.keys(r.extra).length ? JSON.stringify(r.extra) : ''),
  },
];
