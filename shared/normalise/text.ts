// Text clean-up shared by every import normaliser: full-width folding, invisible characters,
// whitespace and Unicode composition, plus a folded form for duplicate keys.

/**
 * Full-width forms of printable ASCII (U+FF01–U+FF5E) sit exactly 0xFEE0 above their ASCII twins.
 * NFKC would fold them too, but it also rewrites characters that carry meaning in names and addresses
 * (① → 1, ㈱ → (株), ½ → 1⁄2, ﬁ → fi), so only this block and the ideographic space are folded.
 */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;

/**
 * Invisible characters that arrive by copy-paste from web pages, Word and WeChat: zero-width space,
 * zero-width non-joiner and joiner, word joiner, BOM / zero-width no-break space, soft hyphen and the
 * Mongolian vowel separator (whitespace until Unicode 6.3). ZWJ also glues emoji sequences together;
 * customer names and identifiers do not contain emoji, and a stray ZWJ breaks exact matching.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g;

/**
 * Characters a person cannot see that change what a value is or how it shows: ANSI escape sequences
 * (whole), NUL and the other C0 controls but tab and line breaks, DEL and the C1 controls, the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters and a BOM
 * inside a field. The import removes them from the stored values (the raw row keeps them) and flags the
 * record.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_HIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;

/** True when the text holds a hidden character (see HIDDEN). */
export const hasHidden = (text: string): boolean => HAS_HIDDEN.test(text);

/** The text without its hidden characters; line breaks and tabs stay. */
export const removeHidden = (text: string): string => text.replace(HIDDEN, '');

/** JS `\s` covers NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, line and paragraph separators. */
const WHITESPACE_RUN = /\s+/g;

export type HalfWidthMode =
  /** The whole block FF01–FF5E: digits, letters and punctuation (，→ , （→ ( ). */
  | 'all'
  /**
   * Only digits and Latin letters. For prose in Chinese (notes, addresses) where full-width
   * punctuation is the correct typography and turning ，into , would change the text people read.
   */
  | 'alphanumeric'
  | 'none';

export interface NormaliseTextOptions {
  halfWidth?: HalfWidthMode;
}

/**
 * Folds full-width ASCII and the ideographic space to their half-width forms. Each character maps to
 * one UTF-16 code unit, so indexes into the result are indexes into the input (detect.ts relies on it).
 */
export function toHalfWidth(text: string, mode: HalfWidthMode = 'all'): string {
  if (mode === 'none') return text;
  // Most values have nothing to fold: one look at each character, no regular expression.
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === text.length) return text;
  const block = mode === 'all' ? FULL_WIDTH_ASCII : FULL_WIDTH_ALPHANUMERIC;
  return text
    .replace(block, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, ' ');
}

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Every run of whitespace (any Unicode space, tab, newline) becomes one ASCII space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The clean form of a cell value: half-width, no invisible characters, single spaces, NFC.
 * NFC runs last because folding can bring a base letter next to a combining mark.
 */
export function normaliseText(text: string, options: NormaliseTextOptions = {}): string {
  if (isPlainText(text)) return text;
  return collapseWhitespace(removeInvisible(toHalfWidth(text, options.halfWidth ?? 'all'))).normalize('NFC');
}

/**
 * Text every step of normaliseText leaves as it is: printable ASCII, CJK punctuation and unified
 * ideographs (none folds, is invisible or whitespace, or changes under NFC, alone or next to another),
 * with single spaces between them and none at either end. Most cells are such text.
 */
function isPlainText(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 0x20) return false;
    } else if (
      !(c >= 0x21 && c <= 0x7e) &&
      !(c >= 0x4e00 && c <= 0x9fff) &&
      // U+302A–U+302F are combining marks, which NFC may reorder.
      !(c >= 0x3001 && c <= 0x3029) &&
      !(c >= 0x3030 && c <= 0x303f)
    )
      return false;
  }
  return true;
}

/** A line break as written: CRLF (Windows), LF or a lone CR (old Mac, some exports). */
const LINE_BREAK = /(\r\n|\r|\n)/;
/** Spaces other than line breaks (tabs, NBSP, U+2000–U+200A, U+3000 …). */
const SPACE_RUN = /[^\S\r\n]+/g;
const OUTER_BREAKS = /^(?:\r\n|\r|\n)+|(?:\r\n|\r|\n)+$/g;

/**
 * The clean form of prose that spans lines (notes, addresses): as normaliseText, but every line break
 * stays exactly as written (CRLF, LF or CR, blank lines too); spaces are collapsed within each line and
 * trimmed at its ends, and line breaks before the first line or after the last are dropped. Reading the
 * result again gives the same text, so a value survives export and reimport unchanged.
 */
export function normaliseMultiline(text: string, options: NormaliseTextOptions = {}): string {
  const parts = removeInvisible(toHalfWidth(text, options.halfWidth ?? 'all')).split(LINE_BREAK);
  // split() with a capturing group alternates line, break, line, break …
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i].replace(SPACE_RUN, ' ').trim();
  return parts.join('').replace(OUTER_BREAKS, '').normalize('NFC');
}

/** True when a cell holds nothing a person would see. */
export function isBlank(text: string | null | undefined): boolean {
  return text == null || normaliseText(text) === '';
}

/**
 * A key for finding duplicates, never for display: normalised, lower case, and with every space,
 * punctuation mark and symbol removed (letters, combining marks and digits of any script stay).
 * Case is folded with toLowerCase (locale-independent) so the key is the same on every machine.
 */
export function foldForMatching(text: string): string {
  const lower = normaliseText(text).toLowerCase();
  // Most values are ASCII and the CJK ideographs of Unicode 1.1 (letters in every Unicode version):
  // ASCII letters and digits are kept and the rest of ASCII dropped, without the Unicode-aware pattern.
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x4e00 && c <= 0x9fa5)) continue;
    if (c > 0x7f) return lower.replace(NOT_LETTER_MARK_NUMBER, '');
    out += lower.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}
const NOT_LETTER_MARK_NUMBER = /[^\p{L}\p{M}\p{N}]/gu;

/**
 * Words and signs a spreadsheet holds where a value is missing (暂无, 无, N/A, none, -, —, 0, eleven
 * zeros, ?): they mean "missing", not an invalid value. Compared trimmed, full-width folded, any case.
 */
const PLACEHOLDER_WORDS = new Set([
  '暂无',
  '无',
  '没有',
  '未知',
  '不详',
  '不知道',
  '未填',
  '空',
  'n/a',
  'na',
  'n.a.',
  'none',
  'null',
  'nil',
  'nan',
  '/',
  '\\',
  '-',
  '--',
  '---',
  '—',
  '——',
  '–',
  '?',
  '??',
  '.',
]);

/** True when the cell is a placeholder for a missing value. `zero`: a bare 0 counts (not for amounts). */
export function isPlaceholder(text: string, zero = true): boolean {
  if (text.length === 0 || text.length > 16) return false;
  const t = toHalfWidth(text).replace(IDEOGRAPHIC_SPACE, ' ').trim().toLowerCase();
  if (t === '') return false;
  if (PLACEHOLDER_WORDS.has(t)) return true;
  return zero && /^0+$/.test(t);
}
