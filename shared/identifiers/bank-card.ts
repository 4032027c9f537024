// Bank card numbers (PAN, ISO/IEC 7812): 16-19 digits with the Luhn check; UnionPay cards start with 62.
import { MISSING, invalid, type Invalid, type Missing } from '../normalise/status';
import { toHalfWidth } from '../normalise/text';

type BankCardProblem =
  | 'length'
  | 'format'
  | 'checksum'
  /** 6.22202E+18: a number Excel stored as a float; the last digits are gone for good. */
  | 'scientific-notation';

export type BankCardCheck =
  | { status: 'valid'; value: string; unionPay: boolean }
  /**
   * 62-prefixed, 16-19 digits, next to a card or account keyword, but failing Luhn: some older domestic
   * debit and passbook-linked numbers reportedly do (not verified). Still treated as a card.
   */
  | { status: 'probable'; value: string; unionPay: true }
  | Invalid<BankCardProblem>
  | Missing;

export interface BankCardOptions {
  /** The value sits next to a card keyword (卡号, 银行卡, 账号 …) or in a column named like one. */
  context?: boolean;
}

/** Half-width digits, group separators (spaces, hyphens) removed; nothing else changed. */
export function normaliseBankCard(text: string): string {
  return toHalfWidth(text).replace(/[\s\u200B-]/g, '');
}

/** Luhn (ISO/IEC 7812-1): double every second digit from the right, sum the digits, mod 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The check digit to append to `body` so that the whole number passes Luhn. */
export function luhnCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('luhnCheckDigit: digits only');
  return String((10 - (luhnSum(body, true) % 10)) % 10);
}

export function checkBankCard(text: string | null | undefined, options: BankCardOptions = {}): BankCardCheck {
  if (text == null) return MISSING;
  const value = normaliseBankCard(text);
  if (value === '') return MISSING;
  if (/^\d(?:\.\d+)?E\+?\d+$/i.test(value)) return invalid('scientific-notation');
  if (!/^\d+$/.test(value)) return invalid('format');
  if (value.length < 16 || value.length > 19) return invalid('length');
  const unionPay = value.startsWith('62');
  if (luhnValid(value)) return { status: 'valid', value, unionPay };
  if (unionPay && options.context) return { status: 'probable', value, unionPay };
  return invalid('checksum');
}

/** `bodyOnly`: the digits lack their check digit, so doubling starts at the rightmost one. */
function luhnSum(digits: string, bodyOnly: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = bodyOnly; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}
