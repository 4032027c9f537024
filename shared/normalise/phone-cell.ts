// A phone cell as customer lists hold it → the numbers in it, each as text normalisePhone reads: several
// numbers in one cell (separated by / ; , 、 or line breaks, or by spaces when each part is a whole
// number), labels (手机：, Tel:, 办公室：) and notes (微信同号, 同微信, (手机)) around them, extensions in
// any notation (转801, 分机 12, ext. 12, x12, and 0512-86367629-38 after a full landline) written as
// "ext N". Which of the pieces are valid numbers is normalisePhone's answer, not this module's. Pure.
import { normaliseText } from './text';

/** Between two numbers: / ; , 、 | (half- or full-width), line breaks, " or " / " 或 ". */
const LIST_SEPARATOR = /\s*(?:[/;,、|\r\n\uFF0F\uFF1B\uFF0C]|\s(?:或|or)\s)\s*/i;

/** A label in front of a number. */
const LABEL =
  /^(?:手机号码|手机号|手机|移动电话|电话号码|联系电话|公司电话|办公电话|办公室|电话|座机|固话|传真|tel|phone|mobile|cell|office|fax)\s*[:：.]?\s*/i;
/** A note after a number, in brackets or not: (微信同号), 同微信, (手机), 办公室, (office). */
const NOTE_AFTER =
  /\s*(?:[(（]\s*[^()（）\d+]*\s*[)）]|微信同号|同微信|微信|手机|座机|办公室|电话|mobile|office|home)\s*$/i;
/** The country code in brackets: (+86)138…, （86）138… (not an area code: (514) 555-0133). */
const BRACKETED_CODE = /^[(（]\s*(\+\d{1,3}|86|852|853|886)\s*[)）]\s*/;
/** Extension markers: 转, 轉, 分机, 分機, ext., ext, x (after a space or a digit). */
const EXTENSION = /(?:\s*(?:转|轉|分机|分機)\s*|\s*(?:ext\.?|extension|x)\s*)(\d{1,6})$/i;
/** 0512-86367629-38, +86-10-29999398-4655: a mainland landline with its extension after one more hyphen. */
const HYPHEN_EXTENSION = /^((?:\(?0\d{2,3}\)?|\+?86[-\s]?\d{2,3})[-\s]?\d{3,4}[-\s]?\d{4})-(\d{1,5})$/;

/** How many digits make a number on its own (a mainland local number has 7 or 8). */
const MIN_DIGITS = 7;

/**
 * The pieces of a phone cell, in order, each cleaned to what normalisePhone reads. `accepts` says
 * whether a piece is a whole number; it decides whether space-separated parts are one number
 * (021 6123 4567) or several (13812345678 13912345678). An empty cell gives [].
 */
export function phonePieces(cell: string, accepts: (piece: string) => boolean): string[] {
  const out: string[] = [];
  for (const part of cell.split(LIST_SEPARATOR)) {
    const piece = cleanPiece(part);
    if (piece === '') continue;
    // A part too short to be a number (021/6123 4567, 138/1234/5678) belongs to the one before when the
    // two together are one.
    if (out.length > 0 && digitCount(piece) < MIN_DIGITS) {
      const joined = cleanPiece(`${out[out.length - 1]} ${piece}`);
      if (accepts(joined)) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(...splitOnSpaces(piece, accepts));
  }
  return out;
}

/** One piece of a cell: half-width, labels and notes off, the extension written "ext N". */
function cleanPiece(text: string): string {
  let piece = normaliseText(text);
  for (let again = true; again;) {
    const before = piece;
    piece = piece.replace(LABEL, '').replace(NOTE_AFTER, '').trim();
    again = piece !== before && piece !== '';
  }
  piece = piece.replace(BRACKETED_CODE, (_, code: string) => `${code.startsWith('+') ? code : `+${code}`} `);
  const hyphen = HYPHEN_EXTENSION.exec(piece);
  if (hyphen) return `${hyphen[1]} ext ${hyphen[2]}`;
  const ext = EXTENSION.exec(piece);
  if (ext && digitCount(piece.slice(0, ext.index)) >= MIN_DIGITS)
    return `${piece.slice(0, ext.index).trim()} ext ${ext[1]}`;
  return piece;
}

/**
 * Spaces separate numbers only when the piece as a whole is not one: the longest run of words from the
 * left that is a whole number is taken, then the rest. When no split gives whole numbers only, the piece
 * stays as written (one invalid number, not several guesses).
 */
function splitOnSpaces(piece: string, accepts: (piece: string) => boolean): string[] {
  const words = piece.split(' ');
  if (words.length < 2 || accepts(piece)) return [piece];
  const out: string[] = [];
  let from = 0;
  while (from < words.length) {
    let to = words.length;
    while (to > from && !accepts(cleanPiece(words.slice(from, to).join(' ')))) to--;
    if (to === from) return [piece];
    out.push(cleanPiece(words.slice(from, to).join(' ')));
    from = to;
  }
  return out;
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
