// Passports and travel permits: number patterns (none has a public check digit) and the ICAO 9303
// machine-readable zone, which does. The number patterns change with new issues of the documents, so
// they are detection heuristics, not validators.

export type TravelDocumentKind =
  /** PRC passport: E + 8 digits, E + letter (no I/O) + 7 digits, G + 8 digits; D/S/P official ones. */
  | 'prc-passport'
  /** 往来港澳通行证 (mainland residents visiting HK and Macao), card version: C + 8 digits. */
  | 'hk-macao-travel-permit'
  /** 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) + 8 digits, or 10 on older ones. */
  | 'home-return-permit';

/** The `[DSP]E?\d{7}` alternative is uncertain (not verified against a published format). */
export const PRC_PASSPORT = /^(?:E[0-9A-HJ-NP-Z]\d{7}|G\d{8}|[DSP]E?\d{7})$/;
export const HK_MACAO_TRAVEL_PERMIT = /^C(?:\d{8}|[A-HJ-NP-Z]\d{7})$/;
export const HOME_RETURN_PERMIT = /^[HM](?:\d{8}|\d{10})$/;
/** 台胞证: 8 digits on the current card. Indistinguishable from other numbers without context. */
export const TAIWAN_COMPATRIOT_PERMIT = /^\d{8}$/;
/** Foreign passports: 6-9 letters and digits with at least one digit. Context only. */
export const FOREIGN_PASSPORT = /^(?=[A-Z0-9]*\d)[A-Z0-9]{6,9}$/;

/** What a number looks like, upper-cased; null when no PRC document pattern fits. */
export function travelDocumentKind(text: string): TravelDocumentKind | null {
  const value = text.trim().toUpperCase();
  if (PRC_PASSPORT.test(value)) return 'prc-passport';
  if (HK_MACAO_TRAVEL_PERMIT.test(value)) return 'hk-macao-travel-permit';
  if (HOME_RETURN_PERMIT.test(value)) return 'home-return-permit';
  return null;
}

/** ICAO 9303 check digit: 0-9 as is, A-Z = 10-35, < = 0; weights 7 3 1 repeating; sum mod 10. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    const value = c === '<' ? 0 : /\d/.test(c) ? +c : c.charCodeAt(0) - 55;
    if (!(value >= 0 && value <= 35)) throw new RangeError('mrzCheckDigit: only 0-9, A-Z and <');
    sum += value * [7, 3, 1][i % 3];
  }
  return sum % 10;
}

export type MrzField = 'document-number' | 'birth-date' | 'expiry-date' | 'personal-number' | 'composite';

/** 44 characters: the second line of a passport's (TD3) machine-readable zone. */
const MRZ_TD3_LINE2 = /^[A-Z0-9<]{9}\d[A-Z<]{3}\d{6}\d[MFX<]\d{6}\d[A-Z0-9<]{14}[\d<]\d$/;

/**
 * Checks every check digit on a TD3 line 2; returns the fields whose check digit is wrong (empty when
 * all agree), or null when the line does not have the TD3 shape at all.
 */
export function checkMrzLine2(line: string): MrzField[] | null {
  if (!MRZ_TD3_LINE2.test(line)) return null;
  const failed: MrzField[] = [];
  const digit = (at: number) => (line[at] === '<' ? 0 : +line[at]);
  if (mrzCheckDigit(line.slice(0, 9)) !== digit(9)) failed.push('document-number');
  if (mrzCheckDigit(line.slice(13, 19)) !== digit(19)) failed.push('birth-date');
  if (mrzCheckDigit(line.slice(21, 27)) !== digit(27)) failed.push('expiry-date');
  // An unused personal-number field may carry < instead of 0 as its check digit.
  if (mrzCheckDigit(line.slice(28, 42)) !== digit(42)) failed.push('personal-number');
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  if (mrzCheckDigit(composite) !== digit(43)) failed.push('composite');
  return failed;
}
