// Dates from customer exports (text in many notations, or Excel serial numbers) → ISO 'YYYY-MM-DD'.
import { MISSING, invalid, type Invalid, type Missing } from './status';
import { normaliseText } from './text';

/** 'YYYY-MM-DD' */
export type IsoDate = string;

export type DayMonthOrder = 'dmy' | 'mdy';

type DateProblem =
  /** Not a date notation this module reads. */
  | 'format'
  /** Reads as a date, but the day does not exist (2021-02-30, month 13). */
  | 'no-such-date'
  /** A time part is present but impossible (25:00, 10:61) or has a bad offset. */
  | 'time'
  /** A bare number: only read as an Excel serial when the column is known to hold dates. */
  | 'serial-needs-date-column'
  /** An Excel serial outside 1 … 2958465 (1900-01-01 … 9999-12-31). */
  | 'serial-out-of-range'
  /** Serial 60: the 1900-02-29 that Excel shows but that never existed (Lotus 1-2-3's leap-year bug). */
  | 'excel-1900-02-29';

export type DateCheck =
  | {
      status: 'valid';
      value: IsoDate;
      /** The cell also had a time of day; it is not kept (the column is a date). */
      hadTime: boolean;
      fromExcelSerial: boolean;
    }
  | {
      status: 'ambiguous';
      problem: 'day-month-order' | 'two-digit-year';
      /** Every real date the text could mean (day-month-order only). */
      candidates: IsoDate[];
    }
  | Invalid<DateProblem>
  | Missing;

export interface DateOptions {
  /** How to read nn/nn/yyyy. Without it, such a date is ambiguous unless only one reading exists. */
  order?: DayMonthOrder;
  /** The column is known to hold dates, so bare numbers 1 … 2958465 are Excel serials (1900 system). */
  excelSerial?: boolean;
}

const EXCEL_SERIAL_MAX = 2958465; // 9999-12-31
const DAY_MS = 86_400_000;

// A time after the date: "T" or space, hh:mm[:ss[.fff]], an optional AM/PM (上午/下午, as Chinese
// Excel exports write it, before or after the time) and an optional UTC offset.
const TIME =
  /^(?:T|\s+)(?:(上午|下午|AM|PM)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(上午|下午|AM|PM)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const YMD = /^([1-9]\d{3})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const YMD_CHINESE = /^([1-9]\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?/;
const COMPACT = /^([1-9]\d{3})(\d{2})(\d{2})(?!\d)/;
const NN_NN_YYYY = /^(\d{1,2})([-/.])(\d{1,2})\2([1-9]\d{3})(?!\d)/;
const NN_NN_YY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})(?!\d)/;

export function normaliseDate(
  input: string | number | null | undefined,
  options: DateOptions = {},
): DateCheck {
  if (input == null) return MISSING;
  // Number cells go through their text: 44260 is a serial, 20210305 a compact date, NaN nothing.
  const text = normaliseText(String(input));
  if (text === '') return MISSING;

  if (/^\d+(?:\.\d+)?$/.test(text) && !/^\d{8}$/.test(text)) {
    return options.excelSerial ? fromExcelSerial(Number(text)) : invalid('serial-needs-date-column');
  }

  // A datetime keeps the calendar date as written, offset or not: converting to UTC would move
  // 2021-03-05T01:00+08:00 to the 4th, a date the customer never wrote.
  let match = text.match(YMD);
  if (match) return withTime(ymd(+match[1], +match[3], +match[4]), text.slice(match[0].length));
  if ((match = text.match(COMPACT))) {
    return withTime(ymd(+match[1], +match[2], +match[3]), text.slice(match[0].length));
  }
  if ((match = text.match(YMD_CHINESE))) {
    return withTime(ymd(+match[1], +match[2], +match[3]), text.slice(match[0].length));
  }
  if ((match = text.match(NN_NN_YYYY))) {
    const rest = text.slice(match[0].length);
    if (rest !== '' && !TIME.test(rest)) return invalid('format');
    if (!timeIsValid(rest)) return invalid('time');
    return dayMonth(+match[1], +match[3], +match[4], options.order, rest !== '');
  }
  match = text.match(NN_NN_YY);
  if (match && (match[0].length === text.length || TIME.test(text.slice(match[0].length)))) {
    return { status: 'ambiguous', problem: 'two-digit-year', candidates: [] };
  }
  return invalid('format');
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and Excel (copying Lotus 1-2-3) counts a
 * 1900-02-29 as serial 60. So serials up to 59 are days after 1899-12-31 and serials from 61 on are
 * days after 1899-12-30; 60 itself has no real date. A fraction is a time of day and is dropped.
 */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  const day = Math.floor(serial);
  if (!(day >= 1 && day <= EXCEL_SERIAL_MAX) || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads a column's day/month order from the dates that have only one reading (13/05/2021 can only be
 * d/m/y). Returns null when there is no evidence or the evidence disagrees: the wizard then asks.
 */
export function inferDayMonthOrder(samples: Iterable<string>): DayMonthOrder | null {
  let dmy = 0;
  let mdy = 0;
  for (const sample of samples) {
    const match = normaliseText(sample).match(NN_NN_YYYY);
    if (!match) continue;
    const asDmy = isRealDate(+match[4], +match[3], +match[1]);
    const asMdy = isRealDate(+match[4], +match[1], +match[3]);
    if (asDmy && !asMdy) dmy++;
    if (asMdy && !asDmy) mdy++;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromExcelSerial(serial: number): DateCheck {
  if (Math.floor(serial) === 60) return invalid('excel-1900-02-29');
  const value = excelSerialToIsoDate(serial);
  if (value === null) return invalid('serial-out-of-range');
  return { status: 'valid', value, hadTime: !Number.isInteger(serial), fromExcelSerial: true };
}

function ymd(year: number, month: number, day: number): IsoDate | null {
  return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
}

function withTime(date: IsoDate | null, rest: string): DateCheck {
  if (rest !== '' && !TIME.test(rest)) return invalid('format');
  if (date === null) return invalid('no-such-date');
  if (!timeIsValid(rest)) return invalid('time');
  return { status: 'valid', value: date, hadTime: rest !== '', fromExcelSerial: false };
}

function dayMonth(
  a: number,
  b: number,
  year: number,
  order: DayMonthOrder | undefined,
  hadTime: boolean,
): DateCheck {
  const asDmy = ymd(year, b, a);
  const asMdy = ymd(year, a, b);
  const valid = (value: IsoDate): DateCheck => ({ status: 'valid', value, hadTime, fromExcelSerial: false });
  if (order === 'dmy') return asDmy ? valid(asDmy) : invalid('no-such-date');
  if (order === 'mdy') return asMdy ? valid(asMdy) : invalid('no-such-date');
  if (asDmy && asMdy && asDmy !== asMdy) {
    return { status: 'ambiguous', problem: 'day-month-order', candidates: [asMdy, asDmy] };
  }
  const only = asDmy ?? asMdy;
  return only ? valid(only) : invalid('no-such-date');
}

/** The empty string (no time) is valid; otherwise hours, minutes, seconds and offset must exist. */
function timeIsValid(rest: string): boolean {
  if (rest === '') return true;
  const match = rest.match(TIME);
  if (!match) return false;
  const [, before, hh, mm, ss, after, offset] = match;
  if (before && after) return false;
  const meridiem = before ?? after;
  const hour = +hh;
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return false;
  if (+mm > 59 || (ss !== undefined && +ss > 59)) return false;
  if (offset && offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    if (+digits.slice(0, 2) > 14 || (digits.length > 2 && +digits.slice(2) > 59)) return false;
  }
  return true;
}
