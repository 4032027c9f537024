// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-symbol
// alphabet, the last a check character (weights 3^(i-1) mod 31). ../shared/REGULATORY.md §10.2.
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

export const isValidCreditCode = (text: string): boolean => checkCreditCode(text) === null;
