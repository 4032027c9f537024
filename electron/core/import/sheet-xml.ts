// Streaming reader of a worksheet part (xl/worksheets/sheetN.xml) with saxes, the XML parser exceljs itself
// uses: rows of cells as Closeout needs them, whatever program wrote the workbook.
//
// - Any namespace prefix (`<x:row>` from .NET's Open XML SDK) is read as the element's local name.
// - A row or cell without `r` follows the previous one (rows count from 1, cells from column A), as
//   Excel reads them; an empty `<c/>` still takes its column.
// - Values: shared strings stay indexes ({ sharedString }), inline strings are their text (rich-text runs
//   joined, phonetic guides left out), booleans, errors ({ error }), ISO dates (t="d"), numbers, and a
//   number in a date format a Date; a formula is { formula, result } with its cached result.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { isDateFormat, serialToDate } from './xlsx-cells';

/** A cell as read: its column (from 1), value, and number format (for dates). */
export interface RawCell {
  col: number;
  value: unknown;
  numFmt: string | undefined;
}

export interface SheetRow {
  line: number;
  cells: RawCell[];
}

export class SheetXmlError extends Error {}

/** Column letters of a cell reference (`AB12`) → column number from 1; 0 when there are none. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return col;
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

type Capture = 'v' | 'f' | 't' | null;

/**
 * Feed the sheet's text with `write`; complete rows are collected in `rows` (take them after each write).
 * `numFmt(styleIndex)` gives the number format of a cell style; `onColumn` may refuse a column number.
 */
export class SheetXmlReader {
  rows: SheetRow[] = [];
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private line = 0;
  private cells: RawCell[] = [];
  private col = 0;
  private inRow = false;
  // The cell being read.
  private type = '';
  private style: string | undefined;
  private v = '';
  private f: string | null = null;
  private inline = '';
  private capture: Capture = null;
  private phonetic = 0;
  private ended = false;

  constructor(
    private readonly numFmt: (style: number) => string | undefined,
    private readonly date1904: boolean,
    private readonly onColumn: (col: number, line: number) => void,
  ) {
    const p = this.parser;
    p.on('opentag', (node) => this.open(node as SaxesTagPlain));
    p.on('closetag', (node) => this.close(local(node.name)));
    p.on('text', (text) => this.text(text));
    p.on('cdata', (text) => this.text(text));
    p.on('error', (error) => {
      // saxes says "1:114: undefined entity."; the position is given once, the words kept plain.
      const words = error.message
        .replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '')
        .replace(/^undefined entity\.?$/, 'a reference to an entity the XML does not define');
      throw new SheetXmlError(`line ${p.line}, column ${p.column}: ${words}`);
    });
  }

  /** True once </worksheet> has been read. */
  get complete(): boolean {
    return this.ended;
  }

  write(text: string): void {
    this.parser.write(text);
  }

  /** The end of the part: XML left open (a damaged sheet) is an error. */
  end(): void {
    this.parser.close();
  }

  private open(node: SaxesTagPlain): void {
    const name = local(node.name);
    const a = node.attributes as Record<string, string>;
    switch (name) {
      case 'row': {
        const r = Number(a.r);
        this.line = Number.isSafeInteger(r) && r > this.line ? r : this.line + 1;
        this.cells = [];
        this.col = 0;
        this.inRow = true;
        break;
      }
      case 'c': {
        if (!this.inRow) return;
        const ref = a.r;
        const col = ref ? columnOf(ref) : 0;
        this.col = col > this.col ? col : this.col + 1;
        if (ref && !this.line) this.line = rowOf(ref);
        this.onColumn(this.col, this.line);
        this.type = a.t ?? 'n';
        this.style = a.s;
        this.v = '';
        this.f = null;
        this.inline = '';
        break;
      }
      case 'v':
        this.capture = 'v';
        break;
      case 'f':
        this.f = '';
        this.capture = 'f';
        break;
      case 't':
        if (this.phonetic === 0) this.capture = 't';
        break;
      case 'rPh':
        this.phonetic++;
        break;
    }
  }

  private text(text: string): void {
    if (this.capture === 'v') this.v += text;
    else if (this.capture === 'f') this.f += text;
    else if (this.capture === 't') this.inline += text;
  }

  private close(name: string): void {
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.capture = null;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        if (this.inRow) this.cell();
        break;
      case 'row':
        if (this.inRow) this.rows.push({ line: this.line, cells: this.cells });
        this.inRow = false;
        break;
      case 'worksheet':
        this.ended = true;
        break;
    }
  }

  private cell(): void {
    const numFmt = this.style === undefined ? undefined : this.numFmt(Number(this.style));
    let value: unknown;
    const v = this.v;
    switch (this.type) {
      case 's':
        value = v.trim() === '' ? null : { sharedString: Number(v) };
        break;
      case 'inlineStr':
        value = this.inline === '' ? null : this.inline;
        break;
      case 'str':
        value = v;
        break;
      case 'b':
        value = v === '' ? null : v.trim() === '1' || v.trim().toLowerCase() === 'true';
        break;
      case 'e':
        value = { error: v };
        break;
      case 'd':
        value = v === '' ? null : new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
        break;
      default: {
        const n = v.trim() === '' ? null : Number(v);
        value =
          n === null ? null : this.f === null && isDateFormat(numFmt) ? serialToDate(n, this.date1904) : n;
      }
    }
    if (this.f !== null) value = { formula: this.f, result: value ?? undefined };
    if (value === null) return;
    this.cells.push({ col: this.col, value, numFmt });
  }
}
