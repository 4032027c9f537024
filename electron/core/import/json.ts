// JSON and JSON Lines. A JSON file is split incrementally into its records (the elements of the top-level
// array, or of the first array inside a top-level object such as {"customers": [...]}) by a small scanner
// that tracks strings, escapes and depth, so a million-element array is never JSON.parse'd whole; each
// element is parsed on its own, and one bad element is a problem while the rest are read.
// Objects are flattened one level: {"contact": {"phone": "1"}} → "contact.phone"; anything deeper, and
// arrays, stay JSON text. Numbers too long for a double keep their digits (ID numbers written as numbers).
import type { TextReaderContext } from './context';
import { syntheticKey } from './header';
import { readText } from './text-source';

export interface SplitElement {
  /** 1-based position in the record array. */
  index: number;
  /** The element's text; cut to 1 KiB when tooLong. */
  text: string;
  tooLong: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Incremental splitter of a JSON document into the elements of its record array. Feed text with write();
 * elements come out through `emit` as soon as they are complete. The record array is the top-level array,
 * or in a top-level object the first property whose value is an array that starts with an object.
 */
export class JsonRecordSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which elements of the record array live (1 for a top-level array); 0 while none is open. */
  private recordDepth = 0;
  private top: 'none' | 'array' | 'object' = 'none';
  /** An array value of the top-level object has just opened: is it the record array? */
  private candidate = false;
  /** Whether a record array has been found (and maybe closed). */
  found = false;
  /** Key of the wrapper's record array ({"customers": [...]}). */
  wrapperKey: string | null = null;
  private lastKey: string | null = null;
  /** Inside the top-level object: where the string being read started in this chunk (-1: none). */
  private keyStart = -1;
  private keyPieces: string[] = [];
  /** The string that just ended at depth 1 (a key if a colon follows). */
  private lastString: string | null = null;
  private inElement = false;
  private pieces: string[] = [];
  private length = 0;
  private tooLong = false;
  private index = 0;
  /** The top-level value has ended. */
  closed = false;
  /** Non-whitespace after the document. */
  trailing = false;
  /** A top-level object with no record array, kept whole (up to the limit) so it can be one record. */
  private doc: string[] | null = null;
  private docLength = 0;

  constructor(
    private readonly maxChars: number,
    private readonly emit: (element: SplitElement) => void,
  ) {}

  write(chunk: string): void {
    let start = this.inElement ? 0 : -1;
    if (this.doc) this.keepDoc(chunk);
    const watchKeys = () => this.top === 'object' && this.depth === 1 && !this.found;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.keyPieces.push(chunk.slice(this.keyStart, i));
            this.lastString = this.keyPieces.join('');
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (this.closed) {
        if (!isSpace(c)) this.trailing = true;
        continue;
      }
      if (this.top === 'none') {
        if (isSpace(c) || c === 0xfeff) continue;
        if (c === OPEN_BRACKET) {
          this.top = 'array';
          this.depth = 1;
          this.recordDepth = 1;
          this.found = true;
        } else if (c === OPEN_BRACE) {
          this.top = 'object';
          this.depth = 1;
          this.doc = [];
          this.docLength = 0;
          this.keepDoc(chunk.slice(i));
        } else this.trailing = true;
        continue;
      }
      if (this.candidate) {
        if (isSpace(c)) continue;
        this.candidate = false;
        if (c === OPEN_BRACE) {
          this.found = true;
          this.wrapperKey = this.lastKey;
          this.doc = null;
          this.recordDepth = 2;
        }
      }
      // Start of an element of the record array.
      if (this.recordDepth > 0 && this.depth === this.recordDepth && !this.inElement) {
        if (isSpace(c) || c === COMMA) continue;
        if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
          this.closeRecordArray();
          continue;
        }
        this.inElement = true;
        this.pieces = [];
        this.length = 0;
        this.tooLong = false;
        start = i;
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (watchKeys()) {
            this.keyStart = i + 1;
            this.keyPieces = [];
          }
          break;
        case COLON:
          if (watchKeys()) this.lastKey = this.lastString;
          break;
        case OPEN_BRACKET:
          if (watchKeys()) this.candidate = true;
          this.depth++;
          break;
        case OPEN_BRACE:
          this.depth++;
          break;
        case CLOSE_BRACKET:
        case CLOSE_BRACE:
          if (this.inElement && this.depth === this.recordDepth) {
            // The record array closes right after its last element.
            this.finishElement(chunk.slice(start, i));
            start = -1;
            this.closeRecordArray();
            break;
          }
          this.depth--;
          if (this.depth === 0) this.closed = true;
          break;
        case COMMA:
          if (this.inElement && this.depth === this.recordDepth) {
            this.finishElement(chunk.slice(start, i));
            start = -1;
          }
          break;
        default:
          break;
      }
    }
    if (this.inElement && start >= 0) this.addPiece(chunk.slice(start));
    if (this.inString && this.keyStart >= 0) {
      this.keyPieces.push(chunk.slice(this.keyStart));
      this.keyStart = 0;
    }
  }

  private closeRecordArray(): void {
    this.depth = this.recordDepth - 1;
    this.recordDepth = 0;
    if (this.depth === 0) this.closed = true;
  }

  private addPiece(piece: string): void {
    if (this.tooLong) return;
    this.length += piece.length;
    if (this.length > this.maxChars) {
      this.tooLong = true;
      this.pieces = [(this.pieces.join('') + piece).slice(0, 1024)];
      return;
    }
    this.pieces.push(piece);
  }

  private finishElement(last: string): void {
    this.addPiece(last);
    this.inElement = false;
    const text = this.pieces.join('').trimEnd();
    this.pieces = [];
    this.emit({ index: ++this.index, text, tooLong: this.tooLong });
  }

  private keepDoc(text: string): void {
    if (!this.doc) return;
    this.docLength += text.length;
    if (this.docLength > this.maxChars) this.doc = null;
    else this.doc.push(text);
  }

  /**
   * End of input: the element the file was cut off inside, if any, and for a top-level object without a
   * record array the whole object (null when it was longer than the limit).
   */
  end(): { unfinished: SplitElement | null; document: string | null } {
    let unfinished: SplitElement | null = null;
    if (this.inElement) {
      const text = this.pieces.join('').trim();
      this.inElement = false;
      if (text) unfinished = { index: ++this.index, text, tooLong: this.tooLong };
    }
    const document = this.top === 'object' && !this.found && this.doc ? this.doc.join('') : null;
    return { unfinished, document };
  }

  /** The key of the wrapper array, unescaped. */
  get wrapper(): string | null {
    if (this.wrapperKey === null) return null;
    try {
      return JSON.parse(`"${this.wrapperKey}"`) as string;
    } catch {
      return this.wrapperKey;
    }
  }

  get kind(): 'none' | 'array' | 'object' {
    return this.top;
  }
}

/** Number tokens (outside strings) with 16 or more digits become strings, so JSON.parse keeps every digit. */
export function protectBigNumbers(text: string): string {
  if (!/\d{16}/.test(text)) return text;
  let out = '';
  let i = 0;
  let from = 0;
  let inString = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      i++;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      i++;
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      let digits = c === 0x2d ? 0 : 1;
      while (j < text.length && /[0-9eE+\-.]/.test(text[j])) {
        if (text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) digits++;
        j++;
      }
      if (digits >= 16) {
        out += text.slice(from, i) + '"' + text.slice(i, j) + '"';
        from = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  return out + text.slice(from);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Flattens one level: nested objects become dotted keys; deeper values and arrays stay JSON text. */
export function flattenRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, text: string) => {
    let name = key;
    for (let n = 2; Object.prototype.hasOwnProperty.call(out, name); n++) name = `${key}_${n}`;
    out[name] = text;
  };
  if (Array.isArray(value)) {
    value.forEach((v, i) => put(syntheticKey(i), cellText(v)));
    return out;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [inner, w] of Object.entries(v as Record<string, unknown>))
        put(`${key}.${inner}`, cellText(w));
    } else put(key, cellText(v));
  }
  return out;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/** Collects header names (keys in order of first appearance) up to maxColumns. */
class KeyUnion {
  readonly keys: string[] = [];
  private readonly seen = new Set<string>();
  capped = false;
  constructor(private readonly max: number) {}
  add(values: Record<string, string>): void {
    for (const key in values) {
      if (this.seen.has(key)) continue;
      if (this.keys.length >= this.max) {
        this.capped = true;
        return;
      }
      this.seen.add(key);
      this.keys.push(key);
    }
  }
}

function isBlankValues(values: Record<string, string>): boolean {
  for (const key in values) if (values[key].trim() !== '') return false;
  return true;
}

/** Parses one record's text and emits or rejects it. */
function takeRecord(ctx: TextReaderContext, keys: KeyUnion, line: number, text: string, where: string): void {
  const { out } = ctx;
  let value: unknown;
  try {
    value = JSON.parse(protectBigNumbers(text));
  } catch (error) {
    out.reject(line, 'bad-json', `${where} is not valid JSON: ${(error as Error).message}`, text);
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.reject(line, 'not-an-object', `${where} is ${describe(value)}, not an object`, text);
    return;
  }
  const values = flattenRecord(value);
  if (isBlankValues(values)) {
    out.blank();
    return;
  }
  keys.add(values);
  out.emit({ line, values, raw: text });
}

function finishHeaders(ctx: TextReaderContext, keys: KeyUnion): void {
  ctx.out.result.headers = keys.keys;
  if (keys.capped)
    ctx.out.note('headers-capped', `only the first ${keys.keys.length} distinct keys are listed as headers`);
}

/** A JSON document: an array of records, or an object holding one (or being one). */
export async function readJson(ctx: TextReaderContext): Promise<void> {
  const { out, limits } = ctx;
  out.result.encoding = ctx.encoding;
  const keys = new KeyUnion(limits.maxColumns);
  const splitter = new JsonRecordSplitter(limits.maxRecordChars, (el) => {
    if (el.tooLong)
      out.reject(
        el.index,
        'too-long',
        `element ${el.index} is longer than ${limits.maxRecordChars} characters`,
        el.text,
      );
    else takeRecord(ctx, keys, el.index, el.text, `element ${el.index}`);
  });
  let bytes = 0;
  for await (const text of readText(ctx.file, ctx.encoding, (n) => (bytes = n), ctx.checkMix)) {
    splitter.write(text);
    await out.tick(bytes, ctx.size);
    if (out.done) break;
  }
  if (!out.done) {
    const { unfinished, document } = splitter.end();
    if (unfinished)
      out.reject(
        unfinished.index,
        'truncated',
        `the file ends inside element ${unfinished.index}`,
        unfinished.text,
      );
    if (document !== null) takeRecord(ctx, keys, 1, document, 'the document');
    else if (splitter.kind === 'object' && !splitter.found)
      out.reject(
        1,
        'too-long',
        `the JSON object is longer than ${limits.maxRecordChars} characters and holds no array`,
        '',
      );
    if (splitter.wrapper !== null)
      out.note(
        'json-wrapper',
        `records were read from the "${splitter.wrapper}" array of the top-level object`,
      );
    if (!splitter.closed && splitter.kind !== 'none')
      out.note('json-truncated', 'the JSON ends before its closing bracket (the file may be cut short)');
    if (splitter.trailing)
      out.note('json-trailing-text', 'text after the end of the JSON document was ignored');
  }
  finishHeaders(ctx, keys);
  await out.drain();
}

/** JSON Lines: one record per line; a bad line is a problem and the rest are read. */
export async function readJsonLines(ctx: TextReaderContext): Promise<void> {
  const { out, limits } = ctx;
  out.result.encoding = ctx.encoding;
  const keys = new KeyUnion(limits.maxColumns);
  let line = 0;
  let carry = '';
  let discarding = false;
  const take = (text: string) => {
    line++;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (body.trim() === '') out.blank();
    else takeRecord(ctx, keys, line, body, `line ${line}`);
  };
  let bytes = 0;
  for await (const text of readText(ctx.file, ctx.encoding, (n) => (bytes = n), ctx.checkMix)) {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      if (discarding) discarding = false;
      else take(carry + text.slice(from, nl));
      carry = '';
      from = nl + 1;
    }
    if (!discarding) {
      carry += text.slice(from);
      if (carry.length > limits.maxRecordChars) {
        line++;
        out.reject(
          line,
          'too-long',
          `line ${line} is longer than ${limits.maxRecordChars} characters`,
          carry.slice(0, 1024),
        );
        carry = '';
        discarding = true;
      }
    }
    await out.tick(bytes, ctx.size);
    if (out.done) break;
  }
  if (!out.done && carry !== '' && !discarding) take(carry);
  finishHeaders(ctx, keys);
  await out.drain();
}
