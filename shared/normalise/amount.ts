// Money amounts from customer exports → an exact decimal, whole cents and the currency when marked.
//
// Rounding rule: to 2 decimal places, half away from zero (四舍五入, as Chinese accounting practice and
// Excel's ROUND do), computed on the decimal digits as written, never on a binary float, so 1.005 → 1.01
// and -1.005 → -1.01. `rounded` says when digits were dropped; `exact` keeps them. Two places for every
// currency, JPY and KRW included: the vault stores cents, and an extra 00 loses nothing.
//
// Separators: 1,234 and 1,234,567 are grouping (Chinese and English practice); a single comma followed
// by one or two digits (1 234,50 / 12,5) is a decimal comma; with both marks the last one is the
// decimal point (1.234,50). Pass `decimalSeparator: ','` for a European file so 1.234 reads as 1234.
import { MISSING, invalid, type Invalid, type Missing } from './status';
import { normaliseText } from './text';

type CurrencyCode =
  'CNY' | 'HKD' | 'MOP' | 'TWD' | 'USD' | 'EUR' | 'GBP' | 'JPY' | 'KRW' | 'SGD' | 'AUD' | 'CAD' | 'CHF';

type AmountProblem =
  | 'format'
  /** Thousands groups that are not groups of three, or two kinds of group separator. */
  | 'grouping'
  /** Two different currencies in one cell (USD ¥100). */
  | 'currency-conflict'
  /** Two signs: --100, (-100), (100-). */
  | 'sign'
  /** More cents than a JS number holds exactly (about 90 trillion yuan). */
  | 'too-large';

export type AmountCheck =
  | {
      status: 'valid';
      /** Rounded to 2 places; for display and sums of a few values. Store `cents`. */
      value: number;
      cents: number;
      /** The decimal as written, multiplier applied, no grouping: '-1234.50', '12000' for 1.2万. */
      exact: string;
      rounded: boolean;
      /** null when no mark, or only a bare $ (USD, HKD, TWD, SGD … cannot be told apart). */
      currency: CurrencyCode | null;
      /** The mark as written (¥, RMB, 元, $ …), so the wizard can show why a currency was chosen. */
      currencyMark: string | null;
    }
  | Invalid<AmountProblem>
  | Missing;

export interface AmountOptions {
  /** The file's decimal mark; without it the rules at the top of this module apply. */
  decimalSeparator?: '.' | ',';
}

/**
 * ¥ is read as CNY (the app's home currency): JPY shares the symbol but must be written JPY, 円 or 日元.
 * A bare $ is left without a code on purpose.
 */
const MARKS: Record<string, CurrencyCode | null> = {
  '¥': 'CNY',
  'CN¥': 'CNY',
  RMB: 'CNY',
  CNY: 'CNY',
  元: 'CNY',
  圆: 'CNY',
  块: 'CNY',
  人民币: 'CNY',
  人民币元: 'CNY',
  HK$: 'HKD',
  HKD: 'HKD',
  港币: 'HKD',
  港元: 'HKD',
  港幣: 'HKD',
  MOP$: 'MOP',
  MOP: 'MOP',
  澳门元: 'MOP',
  澳门币: 'MOP',
  澳門幣: 'MOP',
  NT$: 'TWD',
  TWD: 'TWD',
  NTD: 'TWD',
  新台币: 'TWD',
  新台幣: 'TWD',
  台币: 'TWD',
  US$: 'USD',
  USD: 'USD',
  美元: 'USD',
  美金: 'USD',
  '€': 'EUR',
  EUR: 'EUR',
  欧元: 'EUR',
  歐元: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  英镑: 'GBP',
  JPY: 'JPY',
  'JP¥': 'JPY',
  円: 'JPY',
  日元: 'JPY',
  日圆: 'JPY',
  '₩': 'KRW',
  KRW: 'KRW',
  韩元: 'KRW',
  S$: 'SGD',
  SGD: 'SGD',
  新加坡元: 'SGD',
  A$: 'AUD',
  AUD: 'AUD',
  澳元: 'AUD',
  C$: 'CAD',
  CAD: 'CAD',
  加元: 'CAD',
  CHF: 'CHF',
  瑞士法郎: 'CHF',
  $: null,
};

/** Chinese magnitude words: 1.2万 = 12000. Longest first so 百万 is not read as 万. */
const MULTIPLIERS: Record<string, number> = { 百万: 6, 千万: 7, 亿: 8, 万: 4, 千: 3 };

const MAX_LENGTH = 64;

const escape = (text: string) => text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
const MARK = `(${Object.keys(MARKS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})`;
const MULTIPLIER = `(${Object.keys(MULTIPLIERS).join('|')})`;
/** Digits with grouping marks (space, comma, dot, apostrophe) inside, or a bare .5. */
const NUMBER = `(\\d(?:[\\d ,.'’]*\\d)?|\\.\\d+)`;
const AMOUNT = new RegExp(
  `^${MARK}?\\s*(\\()?\\s*([-+])?\\s*${MARK}?\\s*([-+])?\\s*${NUMBER}\\s*${MULTIPLIER}?\\s*${MARK}?\\s*(-)?\\s*(\\))?\\s*${MARK}?$`,
  'i',
);

export function normaliseAmount(
  input: string | number | null | undefined,
  options: AmountOptions = {},
): AmountCheck {
  if (input == null) return MISSING;
  if (typeof input === 'number') {
    // A number cell: its shortest round-trip decimal is what the spreadsheet showed. Exponent forms
    // (1e21, 1e-7) are never amounts.
    const plain = String(input);
    if (!Number.isFinite(input) || /e/i.test(plain)) return invalid('format');
    return normaliseAmount(plain, { decimalSeparator: '.' });
  }
  const text = normaliseText(input)
    .replace(/\uFFE5/g, '¥') // full-width yen/yuan sign, outside the FF01–FF5E block
    .replace(/\uFFE1/g, '£')
    .replace(/\u2212/g, '-'); // the typographic minus sign
  if (text === '') return MISSING;
  // No amount is this long; the cap also bounds the regular expression's backtracking.
  if (text.length > MAX_LENGTH) return invalid('format');

  const match = text.match(AMOUNT);
  if (!match) return invalid('format');
  const [, mark1, open, sign1, mark2, sign2, digits, multiplier, mark3, trailingMinus, close, mark4] = match;
  if (Boolean(open) !== Boolean(close)) return invalid('format');
  const signs = [open, sign1, sign2, trailingMinus].filter(Boolean);
  if (signs.length > 1) return invalid('sign');
  const negative = signs.length === 1 && signs[0] !== '+';

  const marks = [mark1, mark2, mark3, mark4].filter((m): m is string => Boolean(m));
  // A bare $ agrees with any code beside it ($100 USD); two different codes do not (USD ¥100).
  const coded = marks.filter((m) => currencyOf(m) !== null);
  if (new Set(coded.map(currencyOf)).size > 1) return invalid('currency-conflict');
  const mark = coded[0] ?? marks[0] ?? null;

  const parsed = splitDecimal(digits, options.decimalSeparator);
  if (typeof parsed === 'string') return invalid(parsed);
  const shift = multiplier ? MULTIPLIERS[multiplier] : 0;
  const { exact, cents, rounded } = toCents(parsed.integer, parsed.fraction, shift);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return invalid('too-large');

  const signedCents = (negative ? -1 : 1) * Number(cents) || 0; // || 0: no -0
  return {
    status: 'valid',
    value: signedCents / 100,
    cents: signedCents,
    exact: negative && /[1-9]/.test(exact) ? `-${exact}` : exact,
    rounded,
    currency: mark === null ? null : currencyOf(mark),
    currencyMark: mark,
  };
}

function currencyOf(mark: string): CurrencyCode | null {
  const exact = MARKS[mark];
  return exact !== undefined ? exact : (MARKS[mark.toUpperCase()] ?? null);
}

/** Integer and fraction digits with grouping removed, or the reason the grouping is wrong. */
function splitDecimal(
  text: string,
  hint: '.' | ',' | undefined,
): { integer: string; fraction: string } | 'grouping' | 'format' {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let decimal: '.' | ',' | null;
  if (hint) decimal = hint;
  else if (commas > 0 && dots > 0) decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) decimal = /,\d{1,2}$/.test(text) ? ',' : null;
  else if (dots === 1) decimal = '.';
  else decimal = null;

  const at = decimal ? text.lastIndexOf(decimal) : -1;
  const integerPart = at >= 0 ? text.slice(0, at) : text;
  const fraction = at >= 0 ? text.slice(at + 1) : '';
  if (!/^\d*$/.test(fraction)) return 'format';
  if (at >= 0 && fraction === '') return 'format';

  const separators = new Set(integerPart.match(/[^\d]/g) ?? []);
  if (separators.size === 0) return { integer: integerPart || '0', fraction };
  if (separators.size > 1) return 'grouping';
  const [separator] = separators;
  if (separator === decimal) return 'grouping';
  const groups = integerPart.split(separator);
  if (!/^\d{1,3}$/.test(groups[0]) || !groups.slice(1).every((g) => /^\d{3}$/.test(g))) return 'grouping';
  return { integer: groups.join(''), fraction };
}

/** Exact decimal arithmetic on the digit strings (BigInt), then round half away from zero. */
function toCents(
  integer: string,
  fraction: string,
  shift: number,
): { exact: string; cents: bigint; rounded: boolean } {
  const units = BigInt(integer + fraction);
  const scale = fraction.length - shift; // value = units × 10^-scale
  let cents: bigint;
  let rounded = false;
  if (scale <= 2) {
    cents = units * 10n ** BigInt(2 - scale);
  } else {
    const divisor = 10n ** BigInt(scale - 2);
    const remainder = units % divisor;
    cents = units / divisor + (remainder * 2n >= divisor ? 1n : 0n);
    rounded = remainder !== 0n;
  }
  return { exact: decimalString(units, scale), cents, rounded };
}

function decimalString(units: bigint, scale: number): string {
  if (scale <= 0) return (units * 10n ** BigInt(-scale)).toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
