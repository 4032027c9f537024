// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
// alphabet, the last a check character (weights 3^(i-1) mod 31).
import { MISSING, invalid, type Invalid, type Missing } from '../normalise/status';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'division' | 'checksum';

/** Normalises case and full-width characters; does not "fix" anything else. */
export function normaliseCreditCode(text: string): string {
  return text
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function checkCreditCode(text: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(text);
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'character';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

// GB 11714-1997 organisation code, embedded at positions 9-17: 8 body characters (digits, or letters
// A=10 … Z=35) weighted 3 7 9 10 5 8 4 2, check C = 11 − (S mod 11), 10 → X, 11 → 0. Some real codes
// reportedly fail it (not verified against the standard), so it only ever produces a warning.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type CreditCodeWarning = 'organisation-code';

/** The GB 11714 check character for 8 body characters, or null if one is not 0-9 / A-Z. */
export function organisationCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_VALUES.indexOf(body8[i]);
    if (value < 0) return null;
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Checks a 9-character organisation code (8 body characters and the check character). */
export function isValidOrganisationCode(code9: string): boolean {
  const code = normaliseCreditCode(code9).replace(/-/g, ''); // often written 12345678-9
  return code.length === 9 && organisationCodeCheckChar(code.slice(0, 8)) === code[8];
}

/** Warnings for a code that passes checkCreditCode: the inner organisation code's own check. */
export function creditCodeWarnings(text: string): CreditCodeWarning[] {
  return isValidOrganisationCode(normaliseCreditCode(text).slice(8, 17)) ? [] : ['organisation-code'];
}

/**
 * Registered by market regulation (9) as an individual business (2): the code belongs to a sole
 * trader (个体工商户) and links to a person, so it is personal information.
 */
export function isSoleTraderCode(text: string): boolean {
  return normaliseCreditCode(text).startsWith('92');
}

export type CreditCodeCheck =
  | { status: 'valid'; value: string; soleTrader: boolean; warnings: CreditCodeWarning[] }
  | Invalid<CreditCodeProblem>
  | Missing;

/** The status-shaped verdict the import wizard shows, built on checkCreditCode. */
export function validateCreditCode(text: string | null | undefined): CreditCodeCheck {
  if (text == null || normaliseCreditCode(text) === '') return MISSING;
  const problem = checkCreditCode(text);
  if (problem) return invalid(problem);
  const value = normaliseCreditCode(text);
  return { status: 'valid', value, soleTrader: isSoleTraderCode(value), warnings: creditCodeWarnings(value) };
}
