// Finding the header row of a table (CSV or sheet) and naming its columns. Exports from small businesses
// often start with a title ("2024年客户名单", merged across the sheet), a date line and a blank row: the
// header is the first row that is about as wide as the table and whose non-empty cells are mostly
// distinct, short labels (not numbers, dates, phones or e-mail addresses).

/** 0 → A, 25 → Z, 26 → AA: spreadsheet column letters. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Key for a value with no header above it. */
export function syntheticKey(index: number): string {
  return `col_${columnLetter(index)}`;
}

const NUMERIC_LIKE = /^[\s\d+\-().,/:%¥$€£#*xX]+$/;
const DATE_LIKE = /^\d{2,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,2})?/;

/** A cell that reads like a column label rather than a value. */
export function isLabelLike(cell: string): boolean {
  const text = cell.trim();
  if (text === '' || text.length > 48) return false;
  if (NUMERIC_LIKE.test(text) || DATE_LIKE.test(text)) return false;
  if (text.includes('@') || /^https?:/i.test(text)) return false;
  return true;
}

function nonEmpty(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (const cell of cells) if (cell !== undefined && cell.trim() !== '') out.push(cell.trim());
  return out;
}

/**
 * Index (into `records`) of the header row, or -1 when the table has none (its first wide row is data).
 * `records` are the first rows of the file, blank ones included.
 */
export function detectHeaderRow(records: readonly { cells: readonly string[] }[]): number {
  const filled = records.map((r) => nonEmpty(r.cells));
  const widest = Math.max(0, ...filled.map((f) => f.length));
  if (widest === 0) return -1;
  const wideEnough = Math.max(widest >= 2 ? 2 : 1, Math.ceil(widest * 0.5));
  for (let i = 0; i < filled.length; i++) {
    const cells = filled[i];
    if (cells.length < wideEnough) continue; // blank, a title, a "printed on" line
    const labels = cells.filter(isLabelLike).length;
    const distinct = new Set(cells).size;
    return labels / cells.length >= 0.8 && distinct / cells.length >= 0.9 ? i : -1;
  }
  return -1;
}

/** Column keys from header cells: trimmed; empty → col_<letter>; repeats → name_2, name_3. */
export function headerNames(cells: readonly string[]): string[] {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width--;
  const seen = new Map<string, number>();
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    const base = (cells[i] ?? '').replace(/\s+/g, ' ').trim() || syntheticKey(i);
    let name = base;
    let n = seen.get(base) ?? 1;
    while (taken.has(name)) name = `${base}_${++n}`;
    seen.set(base, n);
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** Keys A, B, C… as col_A, col_B…: a table read without a header row. */
export function letterNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => syntheticKey(i));
}
