// Keywords that, near a number, say what the number is (detection goes pattern, then checksum, then
// context). Many identifiers have no checksum, and 11- or 18-digit runs are common in order numbers.

export type IdentifierKind =
  'resident-id' | 'credit-code' | 'bank-card' | 'mobile' | 'email' | 'passport' | 'travel-permit';

const CONTEXT_WORDS: Readonly<Record<IdentifierKind, readonly string[]>> = {
  'resident-id': [
    '身份证',
    '身份證',
    '身份证号',
    '公民身份号码',
    '身份号码',
    '证件号',
    '证件号码',
    '證件號',
    '社保号',
    '社会保障号',
    '居住证',
    '纳税人识别号',
    'id card',
    'id no',
    'identity',
  ],
  'credit-code': [
    '统一社会信用代码',
    '統一社會信用代碼',
    '社会信用代码',
    '信用代码',
    '税号',
    '纳税人识别号',
    '营业执照',
    '组织机构代码',
    'credit code',
    'uscc',
    'tax id',
  ],
  'bank-card': [
    '卡号',
    '卡號',
    '银行卡',
    '銀行卡',
    '账号',
    '帳號',
    '帐号',
    '账户',
    '帐户',
    '賬戶',
    '开户行',
    '借记卡',
    '信用卡',
    '储蓄卡',
    '银联',
    'card',
    'account',
    'iban',
  ],
  mobile: [
    '手机',
    '手機',
    '电话',
    '電話',
    '联系方式',
    '联系电话',
    '手机号',
    'mobile',
    'phone',
    'tel',
    'cell',
  ],
  email: ['邮箱', '郵箱', '电子邮件', 'email', 'e-mail', 'mail'],
  passport: ['护照', '護照', 'passport', '证件号', '证件号码'],
  'travel-permit': [
    '通行证',
    '通行證',
    '港澳通行证',
    '往来港澳',
    '来往内地',
    '回乡证',
    '回鄉證',
    '台胞证',
    '台胞證',
    'permit',
  ],
};

/** How far around a match to look, in UTF-16 units: "身份证号码（18位）：" fits before a number. */
const BEFORE = 16;
const AFTER = 8;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin keywords match as whole words (so "tel" is not found in "hotel"), CJK ones as substrings. */
const PATTERNS = Object.fromEntries(
  Object.entries(CONTEXT_WORDS).map(([kind, words]) => [
    kind,
    new RegExp(
      words.map((w) => (/^[\x20-\x7e]+$/.test(w) ? `(?<![a-z])${escape(w)}(?![a-z])` : escape(w))).join('|'),
      'i',
    ),
  ]),
) as Record<IdentifierKind, RegExp>;

/** True when a keyword for `kind` appears just before or just after text[start, end). */
export function hasContext(text: string, start: number, end: number, kind: IdentifierKind): boolean {
  const window = text.slice(Math.max(0, start - BEFORE), start) + '\n' + text.slice(end, end + AFTER);
  return PATTERNS[kind].test(window);
}
