// vCard 2.1 / 3.0 / 4.0 (phone contacts exported as .vcf): one source row per card, numbered by the
// card's position. Folded lines are unfolded (CRLF + one space or tab), quoted-printable values are
// decoded with their CHARSET (UTF-8, GB2312/GBK as GB18030, Big5 …; old Android and Nokia exports of
// Chinese names use these), and the text escapes \\ \, \; \n are undone. Values: name, family_name,
// given_name, nickname, org, title, phone_1…, phone_1_type…, email_1…, address_1…, note, bday, url.
// Other properties (PHOTO, X-…) are not values but stay in `raw`, the card's lines as written.
import iconv from 'iconv-lite';
import type { TextReaderContext } from './context';
import { decoderName } from './encoding';
import { readText } from './text-source';

export interface VCardProperty {
  group: string | null;
  /** Upper-case. */
  name: string;
  /** Upper-case keys; values as written (quotes removed), lists split on commas. Bare 2.1 parameters
   * (`TEL;CELL:`) are TYPE values, or ENCODING / CHARSET when they name one. */
  params: Map<string, string[]>;
  value: string;
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

/** `item1.TEL;TYPE=CELL,VOICE;PREF=1:+86 138…` → its parts; null for a line that is not a property. */
export function parseProperty(line: string): VCardProperty | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [head, ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head.indexOf('.');
  const group = dot > 0 ? head.slice(0, dot) : null;
  const name = (dot > 0 ? head.slice(dot + 1) : head).trim().toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq === -1) {
      const bare = raw.trim().toUpperCase();
      if (!bare) continue;
      if (ENCODINGS.has(bare)) add('ENCODING', [bare]);
      else add('TYPE', [bare]);
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    add(key, values);
  }
  return { group, name, params, value: line.slice(colon + 1) };
}

/** Quoted-printable → bytes → text in `charset` (default UTF-8). Soft line breaks are already joined. */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const codec = decoderName(iconv.encodingExists(decoderName(charset)) ? charset : 'utf-8');
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === 0x3d && i === value.length - 1) {
      // A soft break at the very end.
    } else if (c < 0x80) bytes.push(c);
    else for (const b of iconv.encode(value[i], codec)) bytes.push(b);
  }
  return iconv.decode(Buffer.from(bytes), codec);
}

/** Splits a structured value (N, ADR, ORG) on `;` that is not escaped as `\;`. */
export function splitStructured(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === ';') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Undoes vCard text escapes: \\ \, \; \: and \n or \N (a line break). */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\,;:nN])/g, (_whole, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The property's value as text: transfer encoding and charset undone, escapes not yet. */
function decodedValue(prop: VCardProperty): string {
  const encoding = (prop.params.get('ENCODING') ?? [])[0]?.toUpperCase();
  const charset = (prop.params.get('CHARSET') ?? [])[0];
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(prop.value, charset);
  if (encoding === 'B' || encoding === 'BASE64')
    return iconv.decode(
      Buffer.from(prop.value.replace(/\s+/g, ''), 'base64'),
      decoderName(charset ?? 'utf-8'),
    );
  return prop.value;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function typesOf(prop: VCardProperty): string {
  const types = (prop.params.get('TYPE') ?? [])
    .map((t) => t.toLowerCase())
    .filter((t) => t && t !== 'internet');
  return [...new Set(types)].join(',');
}

function isoBirthday(value: string): string {
  const basic = /^(\d{4})(\d{2})(\d{2})(T.*)?$/.exec(value);
  if (basic) return `${basic[1]}-${basic[2]}-${basic[3]}`;
  const extended = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
  return extended ? extended[1] : value;
}

function joinAddress(parts: string[]): string {
  // pobox; extended; street; locality; region; postal code; country
  const [pobox = '', ext = '', street = '', city = '', region = '', code = '', country = ''] = parts.map(
    (p) => unescapeText(p).trim(),
  );
  if (CJK.test(parts.join('')))
    return [country, region, city, street, ext, pobox, code].filter(Boolean).join('');
  return [pobox, ext, street, city, region, code, country].filter(Boolean).join(', ');
}

/** One card's properties → values, keys always in the same order (name first). */
export function cardValues(props: readonly VCardProperty[]): Record<string, string> {
  const single: Record<string, string> = {};
  const phones: Array<[string, string]> = [];
  const emails: Array<[string, string]> = [];
  const addresses: Array<[string, string]> = [];
  const notes: string[] = [];
  let structured: string[] | null = null;
  const once = (key: string, value: string) => {
    if (value && single[key] === undefined) single[key] = value;
  };
  for (const prop of props) {
    const text = decodedValue(prop);
    switch (prop.name) {
      case 'FN':
        once('name', unescapeText(text).trim());
        break;
      case 'N':
        structured ??= splitStructured(text).map((p) => unescapeText(p).trim());
        break;
      case 'NICKNAME':
        once('nickname', unescapeText(text).trim());
        break;
      case 'ORG':
        once(
          'org',
          splitStructured(text)
            .map((p) => unescapeText(p).trim())
            .filter(Boolean)
            .join(' / '),
        );
        break;
      case 'TITLE':
        once('title', unescapeText(text).trim());
        break;
      case 'TEL': {
        const number = unescapeText(text).trim().replace(/^tel:/i, '');
        if (number) phones.push([number, typesOf(prop)]);
        break;
      }
      case 'EMAIL': {
        const email = unescapeText(text)
          .trim()
          .replace(/^mailto:/i, '');
        if (email) emails.push([email, typesOf(prop)]);
        break;
      }
      case 'ADR': {
        const address = joinAddress(splitStructured(text));
        if (address) addresses.push([address, typesOf(prop)]);
        break;
      }
      case 'NOTE':
        notes.push(unescapeText(text));
        break;
      case 'BDAY':
        once('bday', isoBirthday(unescapeText(text).trim()));
        break;
      case 'URL':
        once('url', unescapeText(text).trim());
        break;
      default:
        break;
    }
  }
  const values: Record<string, string> = {};
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = structured ?? [];
  const composed = CJK.test(family + given)
    ? family + additional + given
    : [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
  if (single.name || composed) values.name = single.name || composed;
  if (family) values.family_name = family;
  if (given) values.given_name = given;
  for (const key of ['nickname', 'org', 'title']) if (single[key]) values[key] = single[key];
  const list = (key: string, items: Array<[string, string]>) =>
    items.forEach(([value, types], i) => {
      values[`${key}_${i + 1}`] = value;
      if (types) values[`${key}_${i + 1}_type`] = types;
    });
  list('phone', phones);
  list('email', emails);
  list('address', addresses);
  if (notes.length > 0) values.note = notes.join('\n');
  for (const key of ['bday', 'url']) if (single[key]) values[key] = single[key];
  return values;
}

const isQuotedPrintable = (line: string) => /^[^:]*QUOTED-PRINTABLE/i.test(line);

/** Reads cards from physical lines; completed cards go to `onCard`. */
export class VCardSplitter {
  private logical: string | null = null;
  private logicalQp = false;
  private logicalRaw: string[] = [];
  private logicalTooLong = false;
  private card: { props: VCardProperty[]; raw: string[]; chars: number; tooLong: boolean } | null = null;
  private count = 0;
  /** Non-blank lines outside any card. */
  outside = 0;

  constructor(
    private readonly maxChars: number,
    private readonly onCard: (card: {
      index: number;
      props: VCardProperty[];
      raw: string;
      complete: boolean;
      tooLong: boolean;
    }) => void,
  ) {}

  /** One physical line, without its line break. */
  line(physical: string): void {
    if (this.logical !== null) {
      const folded = physical.startsWith(' ') || physical.startsWith('\t');
      const softBreak = !folded && this.logicalQp && this.logical.endsWith('=');
      if (folded || softBreak) {
        if (this.logicalTooLong || this.logical.length + physical.length > this.maxChars) {
          // Keep counting it as one line, but not in memory.
          this.logicalTooLong = true;
          return;
        }
        this.logical = folded ? this.logical + physical.slice(1) : this.logical.slice(0, -1) + physical;
        this.logicalRaw.push(physical);
        return;
      }
      this.flush();
    }
    this.logical = physical;
    this.logicalQp = isQuotedPrintable(physical);
    this.logicalRaw = [physical];
    this.logicalTooLong = physical.length > this.maxChars;
  }

  end(): void {
    if (this.logical !== null) this.flush();
    if (this.card) this.finishCard(false);
  }

  private flush(): void {
    const line = this.logical ?? '';
    const raw = this.logicalRaw;
    const tooLong = this.logicalTooLong;
    this.logical = null;
    this.logicalRaw = [];
    this.logicalTooLong = false;
    if (tooLong) {
      if (this.card) this.markTooLong(this.card);
      else this.outside++;
      return;
    }
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      // A BEGIN inside a card means the previous card was never closed.
      if (this.card) this.finishCard(false);
      this.card = { props: [], raw: [], chars: 0, tooLong: false };
      this.keepRaw(raw);
      return;
    }
    if (!this.card) {
      if (line.trim() !== '') this.outside++;
      return;
    }
    this.keepRaw(raw);
    if (upper === 'END:VCARD') {
      this.finishCard(true);
      return;
    }
    if (this.card.tooLong) return;
    const prop = parseProperty(line);
    if (prop) this.card.props.push(prop);
  }

  private keepRaw(lines: string[]): void {
    const card = this.card;
    if (!card || card.tooLong) return;
    for (const l of lines) card.chars += l.length + 1;
    if (card.chars > this.maxChars) {
      this.markTooLong(card);
      return;
    }
    card.raw.push(...lines);
  }

  private markTooLong(card: NonNullable<VCardSplitter['card']>): void {
    if (card.tooLong) return;
    card.tooLong = true;
    card.raw = [card.raw.join('\n').slice(0, 1024)];
    card.props = [];
  }

  private finishCard(complete: boolean): void {
    const card = this.card;
    this.card = null;
    if (!card) return;
    this.onCard({
      index: ++this.count,
      props: card.props,
      raw: card.raw.join('\n'),
      complete,
      tooLong: card.tooLong,
    });
  }
}

export async function readVCard(ctx: TextReaderContext): Promise<void> {
  const { out, limits } = ctx;
  out.result.encoding = ctx.encoding;
  const keys: string[] = [];
  const seen = new Set<string>();
  const splitter = new VCardSplitter(limits.maxRecordChars, (card) => {
    if (card.tooLong) {
      out.reject(
        card.index,
        'too-long',
        `card ${card.index} is longer than ${limits.maxRecordChars} characters`,
        card.raw,
      );
      return;
    }
    const values = cardValues(card.props);
    if (Object.keys(values).length === 0) {
      out.blank();
      return;
    }
    for (const key of Object.keys(values))
      if (!seen.has(key) && keys.length < limits.maxColumns) {
        seen.add(key);
        keys.push(key);
      }
    out.emit(
      { line: card.index, values, raw: card.raw },
      card.complete ? undefined : { kind: 'incomplete-card', reason: `card ${card.index} has no END:VCARD` },
    );
  });
  let carry = '';
  let bytes = 0;
  for await (const text of readText(ctx.file, ctx.encoding, (n) => (bytes = n), ctx.checkMix)) {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const physical = carry + text.slice(from, nl);
      carry = '';
      splitter.line(physical.endsWith('\r') ? physical.slice(0, -1) : physical);
      from = nl + 1;
    }
    carry += text.slice(from);
    // A "line" this long is no vCard line: hand it over in pieces so memory stays bounded.
    if (carry.length > limits.maxRecordChars) {
      splitter.line(carry);
      carry = '';
    }
    await out.tick(bytes, ctx.size);
    if (out.done) break;
  }
  if (!out.done) {
    if (carry) splitter.line(carry.endsWith('\r') ? carry.slice(0, -1) : carry);
    splitter.end();
  }
  if (splitter.outside > 0)
    out.note(
      'lines-outside-cards',
      `${splitter.outside} non-blank line(s) outside BEGIN:VCARD … END:VCARD were ignored`,
    );
  out.result.headers = keys;
  await out.drain();
}
