// Automatic mapping of a source file's column headers to Closeout's customer fields, from Chinese and
// English synonyms. Headers are compared after folding (case, full/half width, spaces, punctuation), so
// 联系 电话, ＰＨＯＮＥ and e-mail all match. Each field takes at most one column: a file with 手机 and
// 电话 keeps the first as the phone and the second as an extra field, which the person can swap.
import { CUSTOMER_FIELDS, type ColumnMapping, type ColumnTarget, type CustomerField } from './customer';
import { foldForMatching } from './normalise/text';

/** Synonyms as people write them; folded once below. Order within a field does not matter. */
const SYNONYMS: Record<CustomerField, readonly string[]> = {
  name: [
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
  organisation: [
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
  phone: [
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
  email: ['电子邮箱', '邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'email address', 'mail'],
  idNumber: [
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
  creditCode: [
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
  address: ['地址', '联系地址', '通讯地址', '收货地址', '详细地址', '住址', 'address', 'adr', 'street'],
  country: ['国家', '国家/地区', '国家地区', '地区', '国别', 'country', 'region', 'country/region'],
  product: [
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
  lastOrderDate: [
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
  lifetimeValue: [
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
  notes: [
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
};

const BY_FOLDED = new Map<string, CustomerField>();
for (const field of CUSTOMER_FIELDS) {
  for (const word of SYNONYMS[field]) BY_FOLDED.set(foldForMatching(word), field);
}

/**
 * The field a header names, or null. Tries the header whole, then without a numeric suffix (vCard
 * phone_1, a duplicate header's _2), then the last segment of a flattened JSON key (contact.phone).
 */
export function fieldForHeader(header: string): CustomerField | null {
  const candidates = [header, header.replace(/[_\s-]*\d+$/, '')];
  const dot = header.lastIndexOf('.');
  if (dot >= 0 && dot < header.length - 1) {
    const last = header.slice(dot + 1);
    candidates.push(last, last.replace(/[_\s-]*\d+$/, ''));
  }
  for (const candidate of candidates) {
    const folded = foldForMatching(candidate);
    if (folded === '') continue;
    const field = BY_FOLDED.get(folded);
    if (field) return field;
  }
  return null;
}

/** Every header → its field or 'extra'; a field goes to the first column that names it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<CustomerField>();
  for (const header of headers) {
    if (Object.prototype.hasOwnProperty.call(mapping, header)) continue;
    const field = fieldForHeader(header);
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping[header] = field;
    } else mapping[header] = 'extra';
  }
  return mapping;
}

/**
 * A saved or given mapping applied to this file's headers: its choice for every header it names,
 * the suggestion for headers it does not, and never one field for two columns (later ones → extra).
 */
export function completeMapping(headers: readonly string[], given: ColumnMapping | null): ColumnMapping {
  if (!given) return suggestMapping(headers);
  const suggested = suggestMapping(headers);
  const mapping: ColumnMapping = {};
  const taken = new Set<ColumnTarget>();
  // Only the choices for this file's own headers count: a template names columns this file may lack.
  const givenFields = new Set(
    headers.filter((h) => Object.prototype.hasOwnProperty.call(given, h)).map((h) => given[h]),
  );
  for (const header of headers) {
    let target: ColumnTarget = Object.prototype.hasOwnProperty.call(given, header)
      ? given[header]
      : suggested[header];
    // A suggestion must not steal a field the given mapping assigns to another column.
    if (!Object.prototype.hasOwnProperty.call(given, header) && givenFields.has(target)) target = 'extra';
    if (target !== 'extra' && target !== 'skip') {
      if (taken.has(target)) target = 'extra';
      else taken.add(target);
    }
    mapping[header] = target;
  }
  return mapping;
}

/** The fields a mapping uses more than once (a mapping the person edited must not). */
export function duplicateTargets(mapping: ColumnMapping): CustomerField[] {
  const seen = new Set<string>();
  const twice = new Set<CustomerField>();
  for (const target of Object.values(mapping)) {
    if (target === 'extra' || target === 'skip') continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}
