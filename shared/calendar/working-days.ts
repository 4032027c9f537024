// Working days in mainland China: weekends and public holidays are rest days, except the weekend days the
// State Council's notice makes working days (调休). Deadlines follow the Civil Code: a period counted in
// days starts the day after the event (Art. 201), and when its last day is a rest day it ends on the next
// working day (Art. 203). Dates are ISO calendar dates (YYYY-MM-DD), computed in UTC, time zones aside.
import { CN_HOLIDAYS, type HolidayYear } from './cn-holidays';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type CalendarStatus = 'official' | 'provisional' | 'unknown';

function parse(date: string): number {
  if (!ISO_DATE.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

const format = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `date` plus `days` calendar days (negative: earlier). */
export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

interface YearIndex {
  status: 'official' | 'provisional';
  off: Set<string>;
  work: Set<string>;
}

function indexYear(y: HolidayYear): YearIndex {
  const off = new Set<string>();
  for (const h of y.holidays)
    for (let ms = parse(h.from); ms <= parse(h.to); ms += DAY_MS) off.add(format(ms));
  return { status: y.status, off, work: new Set(y.workdays) };
}

const YEARS = new Map(CN_HOLIDAYS.map((y) => [y.year, indexYear(y)]));

/** Whether the holidays of `date`'s year come from the State Council's notice, the statute only, or nothing. */
export function calendarStatus(date: string): CalendarStatus {
  parse(date);
  return YEARS.get(Number(date.slice(0, 4)))?.status ?? 'unknown';
}

export function isWorkingDay(date: string): boolean {
  const ms = parse(date);
  const year = YEARS.get(Number(date.slice(0, 4)));
  if (year?.work.has(date)) return true;
  if (year?.off.has(date)) return false;
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string): string {
  let d = date;
  for (let i = 0; i < 60 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** The `n`th working day after `date` (n ≥ 1), e.g. "within 10 working days". */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export interface PeriodEnd {
  /** The last day of the period, after the Art. 203 roll. */
  date: string;
  /** The day the count alone gives, when a rest day moved the end. */
  rolledFrom: string | null;
  /** 'official' only when every year the answer depends on is an official one. */
  calendar: CalendarStatus;
}

/** The last day of a period of `days` calendar days after `event` (Civil Code Arts. 201 and 203). */
export function periodEnd(event: string, days: number): PeriodEnd {
  const plain = addDays(event, days);
  const date = nextWorkingDay(plain);
  return { date, rolledFrom: date === plain ? null : plain, calendar: calendarStatusOf(plain, date) };
}

/** How sure an answer that depends on these dates' years is: 'official' only when every year is. */
export function calendarStatusOf(...dates: string[]): CalendarStatus {
  const statuses = dates.map(calendarStatus);
  return statuses.includes('unknown')
    ? 'unknown'
    : statuses.includes('provisional')
      ? 'provisional'
      : 'official';
}
