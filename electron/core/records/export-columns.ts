// The columns of a records export (CSV / XLSX): every CustomerRecord field, flattened for a
// spreadsheet, with headers in Chinese or English. JSON exports keep the CustomerRecord itself.
import type { CustomerRecord } from '../../../shared/customer';

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

/** Whole minor units → major units as text (2 decimals; none for currencies without minor units). */
export function moneyText(minor: number | null, currency: string | null): string | null {
  if (minor === null) return null;
  const decimals = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', zh: '编号', en: 'id', value: (r) => r.id },
  { key: 'name', zh: '姓名', en: 'name', value: (r) => r.name },
  { key: 'organisation', zh: '单位', en: 'organisation', value: (r) => r.organisation },
  { key: 'phone', zh: '电话', en: 'phone', value: (r) => r.phone },
  { key: 'phoneStatus', zh: '电话状态', en: 'phone status', value: (r) => r.status.phone },
  { key: 'email', zh: '电子邮箱', en: 'email', value: (r) => r.email },
  { key: 'emailStatus', zh: '邮箱状态', en: 'email status', value: (r) => r.status.email },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', value: (r) => r.idNumber },
  { key: 'idNumberStatus', zh: '身份证号状态', en: 'ID number status', value: (r) => r.status.idNumber },
  { key: 'creditCode', zh: '统一社会信用代码', en: 'credit code', value: (r) => r.creditCode },
  {
    key: 'creditCodeStatus',
    zh: '信用代码状态',
    en: 'credit code status',
    value: (r) => r.status.creditCode,
  },
  { key: 'address', zh: '地址', en: 'address', value: (r) => r.address },
  { key: 'country', zh: '国家/地区', en: 'country', value: (r) => r.country },
  { key: 'product', zh: '产品或服务', en: 'product', value: (r) => r.product },
  { key: 'lastOrderDate', zh: '最后购买日期', en: 'last order date', value: (r) => r.lastOrderDate },
  {
    key: 'lifetimeValue',
    zh: '累计消费',
    en: 'lifetime value',
    value: (r) => moneyText(r.lifetimeValue, r.currency),
  },
  { key: 'currency', zh: '币种', en: 'currency', value: (r) => r.currency },
  { key: 'notes', zh: '备注', en: 'notes', value: (r) => r.notes },
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
