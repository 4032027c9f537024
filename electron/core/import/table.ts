// Turns table records (CSV records, sheet rows) into source rows: holds back the first rows until the
// header is found (or given), counts rows above it, skips blank rows, keys values by header, and flags
// rows whose shape does not match the header.
import type { RowCollector } from './collector';
import { detectHeaderRow, headerNames, letterNames, syntheticKey } from './header';
import { summaryKind } from './summary-rows';
import type { ProblemKind } from './types';

export interface TableRecord {
  line: number;
  cells: string[];
  raw: string;
  problem?: { kind: ProblemKind; reason: string };
  /** XLSX: the row's formulas add up a column (SUM → total, SUBTOTAL → subtotal). */
  aggregate?: 'total' | 'subtotal' | null;
}

/** How many records header detection looks at. */
const DETECT_WINDOW = 30;

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== undefined && cell !== '' && cell.trim() !== '') return false;
  }
  return true;
}

export class TableAssembler {
  private pending: TableRecord[] | null = [];
  private headers: string[] = [];
  /** CSV: the header's field count, against which records are checked. */
  private headerFields = 0;
  /** A blank row came after data rows: a note or bare numbers below it close the table. */
  private afterGap = false;
  private dataRows = 0;
  private lastLine = 0;
  /** Records seen up to and including the header (for previews). */
  readonly leading: Array<{ line: number; cells: string[] }> = [];

  constructor(
    private readonly out: RowCollector,
    private readonly opts: {
      /** Row number of the header (SourceRow.line numbering), 0 for none; undefined = detect. */
      headerRow?: number;
      sheet?: string;
      /** CSV: fewer fields than the header is a problem. In a sheet, trailing empty cells are just absent. */
      strictWidth: boolean;
    },
  ) {}

  add(record: TableRecord): void {
    if (this.pending === null) {
      this.row(record);
      return;
    }
    this.pending.push(record);
    const given = this.opts.headerRow;
    if (given === undefined) {
      if (this.pending.length >= DETECT_WINDOW) this.settle();
    } else if (record.line >= given) this.settle();
    else if (this.pending.length > DETECT_WINDOW) this.pending.shift(); // only kept to show above the header
  }

  /** End of input: decide the header if that has not happened yet. */
  finish(): void {
    if (this.pending !== null) this.settle();
  }

  private settle(): void {
    const records = this.pending ?? [];
    this.pending = null;
    const given = this.opts.headerRow;
    const result = this.out.result;
    let header: TableRecord | null = null;
    let dataFrom: number;
    if (given === 0) dataFrom = 0;
    else if (given !== undefined) {
      const at = records.findIndex((r) => r.line === given);
      if (at >= 0) {
        header = records[at];
        dataFrom = at + 1;
      } else {
        // No such record (an empty sheet row, or past the end): data starts below the chosen row.
        dataFrom = records.findIndex((r) => r.line > given);
        if (dataFrom === -1) dataFrom = records.length;
      }
    } else {
      const at = detectHeaderRow(records);
      header = at >= 0 ? records[at] : null;
      dataFrom = at + 1;
    }
    for (const r of records.slice(0, header ? dataFrom : 0))
      this.leading.push({ line: r.line, cells: r.cells });
    if (header) {
      this.headers = headerNames(header.cells);
      this.headerFields = header.cells.length;
      result.headerRow = header.line;
    } else {
      const width = Math.max(0, ...records.slice(dataFrom).map((r) => r.cells.length));
      this.headers = letterNames(width);
      this.headerFields = width;
      result.headerRow = given ?? 0;
      if (given === undefined && records.length > 0)
        this.out.note('no-header', 'no header row was found; columns are named by letter (col_A, col_B, …)');
    }
    const headerLine = result.headerRow;
    if (headerLine > 1) {
      const above = records.filter((r) => r.line < headerLine && !isBlank(r.cells)).length;
      this.out.note(
        'rows-above-header',
        `rows 1–${headerLine - 1} are above the header (row ${headerLine})` +
          (above > 0 ? `; ${above} of them not blank, not read as customers` : ''),
      );
    }
    result.headers = this.headers;
    for (const r of records.slice(dataFrom)) this.row(r);
  }

  private row(record: TableRecord): void {
    const { cells } = record;
    if (isBlank(cells)) {
      this.out.blank();
      if (this.dataRows > 0) this.afterGap = true;
      return;
    }
    // A sheet leaves blank rows out of its XML: a jump in row numbers is a gap too.
    if (this.dataRows > 0 && record.line > this.lastLine + 1) this.afterGap = true;
    this.lastLine = record.line;
    const summary = summaryKind(cells, this.afterGap, record.aggregate ?? null);
    if (summary) {
      this.out.reject(record.line, summary.kind, `${summary.reason}; set aside`, record.raw, this.opts.sheet);
      return;
    }
    this.dataRows++;
    this.afterGap = false;
    const headers = this.headers;
    const values: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) values[headers[i]] = cells[i] ?? '';
    let problem = record.problem;
    let extra = 0;
    for (let i = headers.length; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== undefined && cell !== '') {
        values[syntheticKey(i)] = cell;
        extra++;
      }
    }
    if (!problem) {
      if (this.opts.strictWidth && cells.length > this.headerFields && extra > 0) {
        // More fields than the header: a comma left unquoted shifted them, so which value is which is
        // unknown. Set aside, never imported shifted.
        this.out.reject(
          record.line,
          'too-many-fields',
          `${cells.length} fields where the header has ${this.headerFields}: the values cannot be placed (a comma left unquoted?), so the row was set aside`,
          record.raw,
          this.opts.sheet,
        );
        return;
      }
      if (this.opts.strictWidth && cells.length > this.headerFields)
        // Extra fields that are all empty: a trailing comma, or a shift whose last field was empty.
        problem = {
          kind: 'ragged',
          reason: `${cells.length} fields where the header has ${this.headerFields} (the extra ones empty): check the values are in their columns`,
        };
      else if (this.opts.strictWidth && cells.length < this.headerFields)
        problem = {
          kind: 'too-few-fields',
          reason: `${cells.length} fields where the header has ${this.headerFields}: the missing last fields are empty`,
        };
      else if (!this.opts.strictWidth && extra > 0)
        problem = { kind: 'ragged', reason: `${extra} value(s) right of the last header column` };
    }
    this.out.emit({ line: record.line, sheet: this.opts.sheet, values, raw: record.raw }, problem);
  }
}
