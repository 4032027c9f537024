// Resident identity numbers (公民身份号码, GB 11643-1999): validation with the ISO 7064 MOD 11-2 check
// character, the 15-digit legacy form, and what the number says about its holder (birth date, sex, age).
import { isRealDate, isoDate, type IsoDate } from '../normalise/date';
import { MISSING, invalid, type Invalid, type Missing } from '../normalise/status';
import { toHalfWidth } from '../normalise/text';

/** 2^(17-i) mod 11 for positions 1-17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * First two digits: provinces and equivalents (GB/T 2260), 71 Taiwan, 81 Hong Kong and 82 Macao;
 * 83 is used by Taiwan residents' residence permits (830000), as 81/82 are for HK and Macao.
 */
const PROVINCES = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  71,
  81,
  82,
  83,
]);

type ResidentIdHolder =
  | 'resident'
  /** Residence permit for Hong Kong, Macao or Taiwan residents (810000 / 820000 / 830000). */
  | 'hk-macao-taiwan-permit'
  /**
   * 2023 foreigner's permanent residence ID: starts with 9, same layout and (reportedly) the same check
   * character; not verified against a published standard, so treat it as a heuristic.
   */
  | 'foreign-permanent-resident';

type ResidentIdProblem =
  | 'length'
  /** Wrong characters for the position (letters in the body, X anywhere but last …). */
  | 'format'
  | 'province'
  | 'birth-date'
  | 'future-birth-date'
  | 'checksum'
  /** 1.10105E+17: a number Excel stored as a float; the last digits are gone for good. */
  | 'scientific-notation';

export type ResidentIdCheck =
  | { status: 'valid'; value: string; holder: ResidentIdHolder; birthDate: IsoDate; sex: Sex }
  /** 15 digits, issued before 1999: no check character, birth year 19YY. */
  | { status: 'legacy'; value: string; holder: 'resident'; birthDate: IsoDate; sex: Sex }
  | Invalid<ResidentIdProblem>
  | Missing;

export type Sex = 'male' | 'female';

/** Something that names a day: an ISO date string or a Date (read in local time, as the user sees it). */
export type DayLike = IsoDate | Date;

export interface ResidentIdOptions {
  /** The day a birth date must not be after. Default: today (local time). */
  today?: DayLike;
}

/**
 * Half-width, upper-case X, spaces and hyphens between groups removed (110105 19491231 002X).
 * Removes nothing else; the result may still be invalid.
 */
export function normaliseResidentId(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u200B\uFEFF-]/g, '')
    .toUpperCase();
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function checkResidentId(
  text: string | null | undefined,
  options: ResidentIdOptions = {},
): ResidentIdCheck {
  if (text == null) return MISSING;
  const value = normaliseResidentId(text);
  if (value === '') return MISSING;
  if (/^\d(?:\.\d+)?E\+?\d+$/.test(value)) return invalid('scientific-notation');
  if (value.length !== 18 && value.length !== 15) return invalid('length');
  if (value.length === 15 ? !/^\d{15}$/.test(value) : !/^\d{17}[\dX]$/.test(value)) return invalid('format');

  const holder = holderOf(value);
  if (holder === null) return invalid('province');
  const birth = value.length === 18 ? value.slice(6, 14) : `19${value.slice(6, 12)}`;
  const year = +birth.slice(0, 4);
  if (
    (value.length === 18 && (year < 1800 || year > 2099)) ||
    !isRealDate(year, +birth.slice(4, 6), +birth.slice(6))
  ) {
    return invalid('birth-date');
  }
  const birthDate = isoDate(year, +birth.slice(4, 6), +birth.slice(6));
  if (birthDate > dayOf(options.today ?? new Date())) return invalid('future-birth-date');
  const sex: Sex = Number(value[value.length === 18 ? 16 : 14]) % 2 === 1 ? 'male' : 'female';

  if (value.length === 15) {
    return holder === 'resident' ? { status: 'legacy', value, holder, birthDate, sex } : invalid('province');
  }
  if (residentIdCheckChar(value) !== value[17]) return invalid('checksum');
  return { status: 'valid', value, holder, birthDate, sex };
}

/** Birth date of a valid or legacy number; null for anything else. */
export function birthDate(id: string, options: ResidentIdOptions = {}): IsoDate | null {
  const check = checkResidentId(id, options);
  return check.status === 'valid' || check.status === 'legacy' ? check.birthDate : null;
}

/** From the 17th digit (15th on legacy numbers): odd for men, even for women. */
export function sex(id: string, options: ResidentIdOptions = {}): Sex | null {
  const check = checkResidentId(id, options);
  return check.status === 'valid' || check.status === 'legacy' ? check.sex : null;
}

/**
 * Completed years on a day. The age goes up on the birthday; someone born on 29 February becomes a
 * year older on 1 March in common years.
 */
export function ageOn(id: string, on: DayLike): number | null {
  const day = dayOf(on);
  const born = birthDate(id, { today: day });
  return born === null ? null : completedYears(born, day);
}

/**
 * PIPL Art. 28 makes all PI of a minor under 14 (不满十四周岁) sensitive. Deliberately cautious at the
 * boundary: the 14th birthday itself still counts as under 14, because Chinese courts count 周岁 "from
 * the day after the birthday" (SPC interpretation 法释〔2006〕1号 Art. 2, from memory) and a false
 * "minor" costs less than a missed one. Null when the number gives no birth date.
 */
export function isMinorUnder14(id: string, on: DayLike): boolean | null {
  const day = dayOf(on);
  const born = birthDate(id, { today: day });
  if (born === null) return null;
  return day <= anniversary(born, 14);
}

function holderOf(value: string): ResidentIdHolder | null {
  if (value.length === 18 && value[0] === '9') return 'foreign-permanent-resident';
  const province = +value.slice(0, 2);
  if (!PROVINCES.has(province)) return null;
  if (province >= 81 && value.slice(2, 6) === '0000') return 'hk-macao-taiwan-permit';
  return 'resident';
}

/** The day someone turns `years` old: 29 February falls on 1 March in common years. */
function anniversary(born: IsoDate, years: number): IsoDate {
  const [y, m, d] = born.split('-').map(Number);
  return isRealDate(y + years, m, d) ? isoDate(y + years, m, d) : isoDate(y + years, 3, 1);
}

function completedYears(born: IsoDate, on: IsoDate): number {
  const years = +on.slice(0, 4) - +born.slice(0, 4);
  return on.slice(5) < born.slice(5) ? years - 1 : years;
}

function dayOf(day: DayLike): IsoDate {
  return typeof day === 'string' ? day : isoDate(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
