// What anonymised analytics may group customers by, and how a record's facts become a group's value:
// customer type, province (mainland) or country, category, period of the last order, spend band,
// disposition — and, for the de-identified extract only, age band. Each has a ladder of ever coarser
// values (level 0 = finest) that the extract climbs until every combination holds k records. Pure: the
// engine computes, the window labels.
import { provinceByIso, provinceOfAddress, provinceOfResidentId } from '../customer/provinces';
import { UNMATCHED } from '../classification/rules';
import { categoryName } from '../taxonomy';

export const ANALYTICS_DIMENSIONS = [
  'type',
  'province',
  'category',
  'period',
  'spend',
  'disposition',
] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** The extract's quasi-identifiers: the dimensions and the age band (from a birth date). */
export const EXTRACT_FIELDS = [...ANALYTICS_DIMENSIONS, 'age'] as const;
export type ExtractField = (typeof EXTRACT_FIELDS)[number];

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** The smallest group any table or extract publishes, unless the user asks for more. */
export const DEFAULT_K = 5;

export const UNKNOWN = 'unknown';
/** A value generalised away entirely. */
export const ANY = '*';

/** The facts of one record that analytics reads (no name, contact, number or address leaves here). */
export interface AnalyticsFacts {
  type: string | null;
  region: string | null;
  country: string | null;
  /** ISO 3166-2 code of the mainland province, when the address or the resident ID names one. */
  province: string | null;
  category: string | null;
  lastOrder: string | null;
  spend: number | null;
  disposition: string | null;
  birthDate: string | null;
}

/** The province of a mainland customer, from the address first, then the resident ID's area code. */
export function provinceCode(address: string | null, idNumber: string | null): string | null {
  return (provinceOfAddress(address) ?? provinceOfResidentId(idNumber))?.iso ?? null;
}

/** Spend bands on the lifetime value as imported (whatever its currency). */
const SPEND_BANDS = [
  [1_000, 'lt-1k'],
  [10_000, '1k-10k'],
  [100_000, '10k-100k'],
  [Infinity, 'ge-100k'],
] as const;

function spendBand(value: number | null, level: number): string {
  if (value === null) return UNKNOWN;
  if (level >= 1) return value < 10_000 ? 'lt-10k' : 'ge-10k';
  return SPEND_BANDS.find(([limit]) => value < limit)![1];
}

function periodOf(date: string | null, level: number): string {
  if (!date || !/^\d{4}-\d{2}/.test(date)) return UNKNOWN;
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (level === 0) return `${year}-${date.slice(5, 7)}`;
  if (level === 1) return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

function placeOf(f: AnalyticsFacts, level: number): string {
  if (level >= 1) return f.region ?? UNKNOWN;
  if (f.region === 'mainland') return f.province ?? 'CN';
  return f.country ?? UNKNOWN;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

function ageBand(birth: string | null, on: string, level: number): string {
  if (!birth || !/^\d{4}-\d{2}-\d{2}$/.test(birth)) return UNKNOWN;
  const width = [5, 10, 20][level];
  const from = Math.floor(Math.max(0, ageOn(birth, on)) / width) * width;
  return `${from}-${from + width - 1}`;
}

/** How many levels each field has before ANY (the extract's generalisation ladder). */
export const LEVELS: Readonly<Record<ExtractField, number>> = {
  type: 1,
  province: 2,
  category: 1,
  period: 3,
  spend: 2,
  disposition: 1,
  age: 3,
};

/**
 * A record's value for a field at a level of generalisation. `period` at level 0 follows `granularity`
 * in tables (month, quarter or year); the extract starts at month. `today` dates the age bands.
 */
export function valueOf(
  field: ExtractField,
  f: AnalyticsFacts,
  level: number,
  today: string,
  granularity: Period = 'month',
): string {
  if (level >= LEVELS[field]) return ANY;
  switch (field) {
    case 'type':
      return f.type ?? UNKNOWN;
    case 'province':
      return placeOf(f, level);
    case 'category':
      return f.category ?? UNMATCHED;
    case 'period':
      return periodOf(f.lastOrder, level + PERIODS.indexOf(granularity));
    case 'spend':
      return spendBand(f.spend, level);
    case 'disposition':
      return f.disposition ?? 'none';
    case 'age':
      return ageBand(f.birthDate, today, level);
  }
}

/** A province code's name in a language; any other value is returned as it is. */
function placeName(value: string, lang: 'zh-CN' | 'en'): string {
  const province = provinceByIso.get(value);
  if (!province) return value;
  return lang === 'en' ? province.en : province.zh;
}

/**
 * What a person reads for a value of a dimension: a province or country by its name, a taxonomy category
 * in their language (consulting → 咨询服务), anything else as stored.
 */
export function valueName(dimension: ExtractField, value: string, lang: 'zh-CN' | 'en'): string {
  if (dimension === 'province') return placeName(value, lang);
  if (dimension === 'category') return categoryName(value, lang === 'en' ? 'en' : 'zh');
  return value;
}
