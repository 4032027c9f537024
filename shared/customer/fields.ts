// Every customer field, declared once: the vault columns it is stored in (its value, its validation
// status, the columns that travel with it), the headers that map a source column to it, and what it
// takes part in (identifying a row, search, sorting, exports, duplicate matching). Everything else —
// the import's INSERT list, the select lists, the row types, the row → record mapper, the merge and
// snapshot columns, the export columns, the query maps, the filters — is derived from this table
// (columns.ts); labels are the i18n `fields` namespace, once per language. Pure.
import { normaliseMultiline, normaliseText } from '../normalise/text';

/** Validation status of a field; 'legacy' only for 15-digit resident IDs (valid, from before 1999). */
export type FieldStatus = 'valid' | 'invalid' | 'missing' | 'legacy';
export type SqlType = 'TEXT' | 'INTEGER';

/** A CSV / XLSX export header in both languages. */
export interface Header {
  zh: string;
  en: string;
}

/** What the generic import reading of a cell found (fields without `read` are read by the import itself). */
export interface FieldReading {
  value: string | null;
  status: 'valid' | 'invalid' | 'missing';
  /** Why the value is invalid (English; the window shows it with the value). */
  problem?: string;
}

export interface FieldSpec {
  /** The column holding the (normalised) value. */
  column: string;
  sql: SqlType;
  /** A validated field's status column ('valid' | 'invalid' | 'missing', plus 'legacy' when allowed). */
  status?: { column: string; legacy?: true; exportAs: Header };
  /** Columns that travel with the value (merged, restored and snapshotted with it). */
  carries?: Readonly<Record<string, { sql: SqlType; record?: string; exportAs?: Header }>>;
  /** Source column headers that map to this field (compared folded: case, width, spaces, punctuation). */
  synonyms: readonly string[];
  exportAs: Header;
  /** A row with this field present names someone (a row naming no one is quarantined). */
  identifies?: true;
  /** Indexed for search: the value, and the digits of a carried column (the phone as written). */
  search?: true | { digitsOf: string };
  sort?: true;
  /** How the window and the review show it: an amount with its currency, or text with line breaks. */
  display?: 'money' | 'multiline';
  /** The import reads the cell with this (absent: the import has its own reading, e.g. phone numbers). */
  read?: (cell: string | undefined) => FieldReading;
  /**
   * A duplicate-detection key: records sharing it are compared, and an exact match adds `exact` points
   * (`shared` when more than a few records have the value). `sameAsPhone`: a value that is the record's
   * own phone number is the same evidence as the phone and is not counted twice.
   */
  match?: { key: (value: string) => string | null; exact: number; shared: number; sameAsPhone?: true };
}

const TEXT = 'TEXT';

/** Cleaned text (full-width folded, invisible characters and extra spaces removed), or missing. */
const plain =
  (halfWidth: 'all' | 'alphanumeric' = 'all') =>
  (cell: string | undefined): FieldReading => {
    const value = cell === undefined ? '' : normaliseText(cell, { halfWidth });
    return value === '' ? { value: null, status: 'missing' } : { value, status: 'valid' };
  };

/** As plain, for prose (notes, addresses): line breaks kept exactly as written, spaces cleaned per line. */
const prose =
  (halfWidth: 'all' | 'alphanumeric' = 'alphanumeric') =>
  (cell: string | undefined): FieldReading => {
    const value = cell === undefined ? '' : normaliseMultiline(cell, { halfWidth });
    return value === '' ? { value: null, status: 'missing' } : { value, status: 'valid' };
  };

// ---- WeChat ID (微信号) -----------------------------------------------------------------------------

/** 6–20 characters: a letter, then letters, digits, _ or - (WeChat's own rule for a chosen ID). */
const WECHAT_ID = /^[A-Za-z][A-Za-z\d_-]{5,19}$/;
/** The ID WeChat assigns when none was chosen: wxid_ and letters and digits. */
const WXID = /^wxid_[A-Za-z\d]{4,40}$/i;
/** A mainland mobile number, which people write as the WeChat ID bound to it (微信同号). */
const MOBILE = /^(?:\+?86|0086)?[\s-]*(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})$/;
/** A label typed into the cell: 微信：abc, 微信号 abc, WeChat: abc (Latin labels need the colon). */
const LABEL = /^(?:(?:微信账号|微信号|微信)\s*[:：]?|(?:wechat\s*id|wechat|weixin|wx)\s*[:：])\s*/i;

/**
 * A WeChat ID as people write it: a chosen ID, a wxid_ system ID, or the mainland mobile number the
 * account is bound to (stored as its 11 digits). Anything else is kept as written and marked invalid.
 */
export function readWechat(cell: string | undefined): FieldReading {
  const written = cell === undefined ? '' : normaliseText(cell);
  if (written === '') return { value: null, status: 'missing' };
  const candidate = written.replace(LABEL, '');
  if (WECHAT_ID.test(candidate) || WXID.test(candidate)) return { value: candidate, status: 'valid' };
  const mobile = MOBILE.exec(candidate);
  if (mobile) return { value: mobile[1] + mobile[2] + mobile[3], status: 'valid' };
  return {
    value: written,
    status: 'invalid',
    problem:
      'not a WeChat ID (6–20 letters, digits, _ or -, starting with a letter; wxid_…; or a mobile number)',
  };
}

/** Compared without case; a phone-shaped ID as the E.164 number, so 138-0013-8000 meets 13800138000. */
export function wechatKey(value: string): string | null {
  const read = readWechat(value);
  if (read.status !== 'valid' || read.value === null) return null;
  return /^\d{11}$/.test(read.value) ? `+86${read.value}` : read.value.toLowerCase();
}

// ---- the fields ---------------------------------------------------------------------------------------

/** In the order the window lists them, the exports write them and a merge offers them. */
export const FIELD_SPECS = {
  name: {
    column: 'name',
    sql: TEXT,
    read: plain(),
    identifies: true,
    search: true,
    sort: true,
    exportAs: { zh: '姓名', en: 'name' },
    synonyms: [
      '客户名称',
      '客户姓名',
      '客户',
      '姓名',
      '名称',
      '名字',
      '联系人',
      '顾客',
      '会员名称',
      '会员姓名',
      'name',
      'customer',
      'customer name',
      'full name',
      'contact',
      'contact name',
      'client',
      'client name',
    ],
  },
  organisation: {
    column: 'organisation',
    sql: TEXT,
    read: plain(),
    identifies: true,
    search: true,
    sort: true,
    exportAs: { zh: '单位', en: 'organisation' },
    synonyms: [
      '公司',
      '单位',
      '公司名称',
      '单位名称',
      '企业名称',
      '企业',
      '工作单位',
      '所属公司',
      'org',
      'organisation',
      'organization',
      'company',
      'company name',
      'employer',
    ],
  },
  phone: {
    column: 'phone',
    sql: TEXT,
    status: { column: 'phone_status', exportAs: { zh: '电话状态', en: 'phone status' } },
    // phones: every number of the cell with extensions, as JSON (shared/customer/phones.ts), or null.
    carries: { phone_raw: { sql: TEXT }, phone_region: { sql: TEXT }, phones: { sql: TEXT } },
    identifies: true,
    search: { digitsOf: 'phone_raw' },
    sort: true,
    exportAs: { zh: '电话', en: 'phone' },
    synonyms: [
      '联系电话',
      '电话',
      '手机',
      '手机号',
      '手机号码',
      '电话号码',
      '移动电话',
      '联系方式',
      '座机',
      'tel',
      'telephone',
      'phone',
      'phone number',
      'mobile',
      'mobile phone',
      'cell',
      'cellphone',
    ],
  },
  email: {
    column: 'email',
    sql: TEXT,
    status: { column: 'email_status', exportAs: { zh: '邮箱状态', en: 'email status' } },
    identifies: true,
    search: true,
    sort: true,
    exportAs: { zh: '电子邮箱', en: 'email' },
    synonyms: ['电子邮箱', '邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'email address', 'mail'],
  },
  wechat: {
    column: 'wechat',
    sql: TEXT,
    status: { column: 'wechat_status', exportAs: { zh: '微信号状态', en: 'WeChat ID status' } },
    read: readWechat,
    identifies: true,
    search: true,
    match: { key: wechatKey, exact: 30, shared: 10, sameAsPhone: true },
    exportAs: { zh: '微信号', en: 'WeChat ID' },
    synonyms: ['微信', '微信号', '微信账号', '微信号码', 'wechat', 'wechat id', 'weixin', 'wxid'],
  },
  idNumber: {
    column: 'id_number',
    sql: TEXT,
    status: {
      column: 'id_number_status',
      legacy: true,
      exportAs: { zh: '身份证号状态', en: 'ID number status' },
    },
    carries: { birth_date: { sql: TEXT } },
    identifies: true,
    exportAs: { zh: '身份证号', en: 'ID number' },
    synonyms: [
      '身份证号',
      '身份证',
      '身份证号码',
      '证件号码',
      '证件号',
      '公民身份号码',
      'id number',
      'id no',
      'id card',
      'id card number',
      'resident id',
    ],
  },
  creditCode: {
    column: 'credit_code',
    sql: TEXT,
    status: { column: 'credit_code_status', exportAs: { zh: '信用代码状态', en: 'credit code status' } },
    identifies: true,
    exportAs: { zh: '统一社会信用代码', en: 'credit code' },
    synonyms: [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      '税号',
      '纳税人识别号',
      'credit code',
      'unified social credit code',
      'uscc',
      'tax id',
      'tax number',
    ],
  },
  address: {
    column: 'address',
    sql: TEXT,
    read: prose(),
    display: 'multiline',
    search: true,
    sort: true,
    exportAs: { zh: '地址', en: 'address' },
    synonyms: ['地址', '联系地址', '通讯地址', '收货地址', '详细地址', '住址', 'address', 'adr', 'street'],
  },
  country: {
    column: 'country',
    sql: TEXT,
    read: plain(),
    exportAs: { zh: '国家/地区', en: 'country' },
    synonyms: ['国家', '国家/地区', '国家地区', '地区', '国别', 'country', 'region', 'country/region'],
  },
  product: {
    column: 'product',
    sql: TEXT,
    read: plain(),
    exportAs: { zh: '产品或服务', en: 'product' },
    synonyms: [
      '购买产品',
      '产品',
      '商品',
      '服务',
      '产品名称',
      '商品名称',
      '购买商品',
      'product',
      'products',
      'service',
      'item',
    ],
  },
  lastOrderDate: {
    column: 'last_order_date',
    sql: TEXT,
    sort: true,
    exportAs: { zh: '最后购买日期', en: 'last order date' },
    synonyms: [
      '最后购买日期',
      '最近下单',
      '最后下单日期',
      '最近购买日期',
      '最近下单日期',
      '最后下单',
      '最近购买',
      'last order',
      'last order date',
      'last purchase',
      'last purchase date',
    ],
  },
  lifetimeValue: {
    column: 'lifetime_value',
    sql: 'INTEGER',
    carries: { currency: { sql: TEXT, record: 'currency', exportAs: { zh: '币种', en: 'currency' } } },
    sort: true,
    display: 'money',
    exportAs: { zh: '累计消费', en: 'lifetime value' },
    synonyms: [
      '累计消费',
      '消费金额',
      '总金额',
      '累计金额',
      '累计消费金额',
      '消费总额',
      'lifetime value',
      'total spent',
      'total spend',
      'ltv',
    ],
  },
  notes: {
    column: 'notes',
    sql: TEXT,
    read: prose(),
    display: 'multiline',
    exportAs: { zh: '备注', en: 'notes' },
    synonyms: [
      '备注',
      '说明',
      '备忘',
      '附注',
      'notes',
      'note',
      'remark',
      'remarks',
      'comment',
      'comments',
      'memo',
    ],
  },
  customerType: {
    // As written; what it says (customer-type.ts) is the strongest evidence of individual vs business.
    column: 'customer_type',
    sql: TEXT,
    read: plain(),
    exportAs: { zh: '客户类型（原文）', en: 'customer type as written' },
    synonyms: [
      '客户类型',
      '客户类别',
      '客户性质',
      '客户分类',
      '类型',
      '类别',
      'type',
      'customer type',
      'client type',
      'account type',
    ],
  },
} as const satisfies Record<string, FieldSpec>;
