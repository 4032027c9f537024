// The one shape every import reader produces: a stream of source rows with provenance, and a result that
// accounts for every record it saw (rowsRead === rowsEmitted + rowsRejected, nothing dropped silently).

export type SourceFormat = 'csv' | 'xlsx' | 'vcard' | 'json' | 'jsonl';

/** One record of the input file, as read: text values, not yet mapped, normalised or validated. */
export interface SourceRow {
  /**
   * Provenance: the row number a person looking at the file would give.
   * - CSV/TSV/TXT: the header is row 1 (when it is the first record) and every record counts as one row,
   *   blank records included, even when a quoted field spans several physical lines (as Excel numbers them).
   * - XLSX: the worksheet row number.
   * - vCard: the card's position in the file, from 1.
   * - JSON array: the element's index, from 1. JSON Lines: the physical line number.
   */
  line: number;
  /** XLSX only: the worksheet the row came from. */
  sheet?: string;
  /**
   * The record's values keyed by column: the header text for tables (duplicates get `_2`, `_3`; a column
   * without a header, or a value beyond the last header, gets `col_<letter>`); for JSON the keys,
   * flattened one level (`contact.phone`); for vCard `name`, `phone_1`, `email_1`, … Always text.
   */
  values: Record<string, string>;
  /**
   * The original record: CSV its exact text (without the record separator), JSON the element or line text,
   * vCard the card's lines; XLSX a faithful JSON of the cells by column letter.
   */
  raw: string;
  /** Set when the row was read but looks wrong; it is still delivered and also listed in problems. */
  problem?: ProblemKind;
}

export type ProblemKind =
  /** XLSX: values beyond the last header column (kept as extra fields). */
  | 'ragged'
  /** CSV: fewer fields than the header; delivered, flagged, the missing fields empty. */
  | 'too-few-fields'
  /** CSV: more fields than the header (values shifted by an unquoted comma): set aside. */
  | 'too-many-fields'
  /** CSV: the file ends inside a quoted field: the incomplete last record is set aside. */
  | 'unterminated-quote'
  /** A totals row (合计, Total, a SUM row): set aside. */
  | 'total'
  /** A subtotal row (小计, Subtotal, a SUBTOTAL row): set aside. */
  | 'subtotal'
  /** A note after the table (制表人, 导出时间 …) below a blank gap: set aside. */
  | 'footer'
  /** CSV: a quoted field with text after its closing quote, or a quote left open at the end of the file. */
  | 'malformed-quotes'
  /** CSV: a quote opened and not closed within maxRecordChars; that first line is set aside, reading goes on. */
  | 'unclosed-quote'
  /** Bytes that are not valid in the detected encoding (shown as U+FFFD). */
  | 'undecodable'
  /** JSON / JSON Lines: text that is not valid JSON. */
  | 'bad-json'
  /** JSON: an element that is a number, string, boolean or null rather than an object. */
  | 'not-an-object'
  /** JSON: the file ends inside an element. */
  | 'truncated'
  /** vCard: BEGIN:VCARD without END:VCARD. */
  | 'incomplete-card'
  /** A record, line or card longer than maxRecordChars: set aside without being kept in memory. */
  | 'too-long';

export interface RowProblem {
  line: number;
  sheet?: string;
  kind: ProblemKind;
  /** English, for logs and the CLI; the window translates `kind`. */
  reason: string;
  /** True: the row was delivered to onRow (flagged). False: it could not be read as a row (rejected). */
  emitted: boolean;
  /** Rejected rows only: the text that could not be read (cut to 1 KiB in ReadResult.problems). */
  raw?: string;
}

export type NoteKind =
  | 'empty-file'
  | 'no-rows'
  | 'rows-above-header'
  | 'no-header'
  | 'sep-line'
  | 'extension-mismatch'
  | 'json-wrapper'
  | 'json-truncated'
  | 'json-trailing-text'
  | 'lines-outside-cards'
  | 'headers-capped';

export interface Note {
  kind: NoteKind;
  /** English; the window translates `kind`. */
  message: string;
}

export interface SheetInfo {
  name: string;
  /** 'visible' | 'hidden' | 'veryHidden' as the workbook says. */
  state: string;
  /** Uncompressed size of the sheet's XML, as the ZIP directory declares it. */
  bytes: number;
}

export interface ReadResult {
  format: SourceFormat;
  /** Size of the input file in bytes. */
  bytes: number;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: SheetInfo[];
  headers: string[];
  /** The header's row number (same numbering as SourceRow.line); 0 when the file has no header row. */
  headerRow: number;
  /** Data records after the header that hold something (blank ones are counted in blankRows instead). */
  rowsRead: number;
  /** Delivered to onRow, flagged ones included. */
  rowsEmitted: number;
  /** Could not be read as a row; each is in problems with emitted: false. */
  rowsRejected: number;
  /** Delivered with `problem` set; each is also in problems with emitted: true. */
  rowsFlagged: number;
  /** Records with no content (all fields empty): they keep their row number but are not delivered. */
  blankRows: number;
  /** The first maxProblems problems, in file order. */
  problems: RowProblem[];
  /** Problems beyond maxProblems (counted, passed to onProblem, not kept here). */
  problemsOmitted: number;
  notes: Note[];
  /** True when reading stopped at maxRows (preview) before the end of the file. */
  truncated: boolean;
}

export interface ImportLimits {
  /** Longest CSV record, JSON element or line, or vCard card, in characters. */
  maxRecordChars: number;
  /** XLSX: entries in the ZIP directory. */
  maxZipEntries: number;
  /** XLSX: sum of the declared uncompressed sizes of every ZIP entry. */
  maxTotalBytes: number;
  /** XLSX: uncompressed size of one workbook part that is read (a sheet, the shared strings). */
  maxPartBytes: number;
  /** XLSX: uncompressed / compressed ratio of a part larger than 16 MiB. */
  maxCompressionRatio: number;
  /** XLSX: rows in the sheet. */
  maxRows: number;
  /** XLSX: columns (the highest column number of any cell); JSON: distinct keys kept as headers. */
  maxColumns: number;
  /** XLSX: entries in the shared-strings table (all are held in memory while the sheet is read). */
  maxSharedStrings: number;
  /** XLSX: uncompressed size of the shared-strings part. */
  maxSharedStringsBytes: number;
  /**
   * CSV: characters parsed at a time; a slice's rows are delivered before the next slice is parsed, so
   * the rows made and not yet delivered are bounded by it (a record longer than it is one slice).
   */
  parseChars: number;
}

export interface ReadOptions {
  /** Skip content sniffing (the file is still refused if it is binary). */
  format?: SourceFormat;
  /** Text formats: an encoding name iconv-lite knows (gb18030, big5, utf-8, utf-16le, …). */
  encoding?: string;
  /** CSV: one character (`,` `\t` `;` `|` …). */
  delimiter?: string;
  /** XLSX: the sheet to read (default: the first visible one). */
  sheet?: string;
  /** CSV/XLSX: the header's row number as SourceRow.line counts it; 0 = no header. Default: detected. */
  headerRow?: number;
  /** Stop after this many delivered rows (previews); the result says truncated. */
  maxRows?: number;
  /** How many problems ReadResult.problems keeps (default 1000); every one still goes to onProblem. */
  maxProblems?: number;
  /** Every problem, with the whole raw text of rejected rows (for a quarantine table). */
  onProblem?: (problem: RowProblem) => void | Promise<void>;
  limits?: Partial<ImportLimits>;
}

export type RowSink = (row: SourceRow) => void | Promise<void>;

export interface SourcePreview extends ReadResult {
  /** The first rows (at most `rows` of them). */
  rows: SourceRow[];
  /** Tables: the records from row 1 down to the header (title rows, blank rows, the header), so a person
   * can pick another header row. */
  leading: Array<{ line: number; cells: string[] }>;
}
