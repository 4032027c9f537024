// CSV cells for files people open in Excel or WPS: RFC 4180 quoting, and formula injection neutralised
// (a cell starting with = + - @ or a control character is prefixed with an apostrophe).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export const UTF8_BOM = '\uFEFF';
