// Cell values as the sheet reader gives them (sheet-xml.ts) → the text a person sees in Excel, and a
// faithful JSON for `raw`. Dates: a date-formatted serial becomes a Date whose UTC fields are the
// wall-clock date Excel shows, so they are formatted from the UTC fields (never local time: no drift).
import { elements } from './xml-text';

/** Excel's built-in Chinese date formats (ids 27–36, 50–58). */
const CJK_DATE_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A number format that shows a date or time (not an elapsed duration such as [h]:mm). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  if (/^\[h+\]|\[m+\]|\[s+\]/i.test(format)) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhse]/i.test(bare.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date (UTC fields = Excel's wall clock) → YYYY-MM-DD, with HH:MM:SS when it has a time. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Serials carry float noise (0.999999 of a day): round to the second.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  const time = `${pad(h)}:${pad(m)}:${pad(s)}`;
  // Serial 0.x: a time of day with no date (Excel's day 0 is 1899-12-30).
  if (d.getUTCFullYear() === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() === 30) return time;
  return `${day} ${time}`;
}

/** An Excel serial day number → a Date whose UTC fields are the wall clock Excel shows. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** A number as Excel's General format shows it: at most 15 significant digits (1234.5600000000001 → 1234.56). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const precise = value.toPrecision(15);
  const exponent = /e\+(\d+)$/.exec(precise);
  if (exponent && Number(exponent[1]) >= 15 && Number(exponent[1]) < 21) {
    // 15 significant digits, then zeros, as Excel shows a long integer (an ID number typed as a number).
    const digits = precise.slice(0, exponent.index).replace(/[-.]/g, '');
    return (value < 0 ? '-' : '') + digits.padEnd(Number(exponent[1]) + 1, '0');
  }
  return String(Number(precise));
}

interface RichText {
  richText: { text: string }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** Text of a cell value. `numFmt` decides whether a formula's numeric result is a date. */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (!isRecord(value)) return String(value);
  if (Array.isArray((value as Partial<RichText>).richText))
    return (value as unknown as RichText).richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (typeof result === 'number' && Number.isNaN(result)) return '';
    if (typeof result === 'number' && isDateFormat(numFmt)) return dateText(serialToDate(result, date1904));
    if (isRecord(result) && 'error' in result) return String(result.error);
    return cellText(result, undefined, date1904);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text, numFmt, date1904);
  if ('sharedString' in value) return '';
  return JSON.stringify(value);
}

/** The cell as JSON for `raw`: numbers stay numbers, dates ISO text, formulas with their cached result. */
export function cellJson(value: unknown, text: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return text;
  if (isRecord(value) && ('formula' in value || 'sharedFormula' in value))
    return { formula: value.formula ?? value.sharedFormula, result: text };
  if (isRecord(value) && 'error' in value) return { error: value.error };
  return text;
}

/** Excel's built-in date and time formats (ids 14–22, 45–47) with the Chinese ones above. */
const BUILT_IN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  ...CJK_DATE_FORMATS,
};

/**
 * The number format of each cell style (`s` index) of a styles part: its `<cellXfs>` in order, each
 * `numFmtId` resolved through the part's own `<numFmt>`s, then Excel's built-in formats.
 */
export function styleFormats(xml: string | null): Array<string | undefined> {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const f of elements(xml, 'numFmt')) custom.set(Number(f.numFmtId), f.formatCode ?? '');
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  return elements(xfs[1], 'xf').map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    return custom.get(id) ?? BUILT_IN_DATE_FORMATS[id];
  });
}
