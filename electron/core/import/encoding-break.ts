// A second encoding further into a text file than detection looked (its first 64 KiB): UTF-8 lines and
// then GBK or Big5 lines pasted under them, or the reverse. Checked on the raw bytes of every chunk as
// the file is read, before the chunk is decoded, so no line is ever imported as mojibake; the break is
// reported with the first line (from 1) that is not in the file's encoding. Nothing is held but the
// bytes of one unfinished line or character.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { firstInvalidUtf8, invalidCount, wholeLines, withoutCutUtf8Tail } from './encoding';

export interface EncodingBreak {
  /** The first physical line (from 1) that is not in `encoding`. */
  line: number;
  /** The file's encoding as a person knows it ("UTF-8", "GBK/GB18030", "Big5"). */
  encoding: string;
  /** What the line reads as instead. */
  other: string;
}

const LF = 0x0a;
const CR = 0x0d;
/** How far past the break the other encoding must read cleanly for it to count as a second encoding. */
const CONFIRM_BYTES = 16 * 1024;
/** Damaged lines (not UTF-8, not another encoding) after which a UTF-8 file is no longer checked. */
const MAX_DAMAGED = 32;
/** A "line" longer than this (no line break at all) is checked as it is and not carried further. */
const MAX_CARRY = 1024 * 1024;
const LEGACY: Record<string, string> = { gb18030: 'GBK/GB18030', big5: 'Big5' };

/**
 * Where each line of `bytes` ends: the LF of an LF or CRLF, or a lone CR. A CR as the last byte may be
 * half of a CRLF cut by the chunk, so it counts only when `final`. Linear: each byte is looked at once.
 */
function* lineEnds(bytes: Uint8Array, final: boolean): Generator<number> {
  let lf = bytes.indexOf(LF);
  let cr = bytes.indexOf(CR);
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      yield lf;
      lf = bytes.indexOf(LF, lf + 1);
    } else if (cr + 1 === bytes.length) {
      if (final) yield cr;
      return;
    } else {
      if (bytes[cr + 1] !== LF) yield cr; // a CRLF is yielded at its LF
      cr = bytes.indexOf(CR, cr + 1);
    }
  }
}

/** Where the line holding `at` starts. */
function lineStartOf(bytes: Uint8Array, at: number): number {
  return Math.max(bytes.lastIndexOf(LF, at), bytes.lastIndexOf(CR, at)) + 1;
}

/**
 * A line of a GBK/Big5 file that is UTF-8 instead: valid UTF-8 whose characters beyond ASCII are all
 * Chinese text (ideographs, CJK and full-width punctuation, Latin-1 signs), with at least four
 * ideographs, or two and a byte 0x80–0xA0. A GB2312 line is practically never valid UTF-8, but a short
 * one can be (谭然 is CC B7 C8 BB, two valid two-byte characters that are not Chinese; rarely a three-
 * character name reads as two ideographs); GB2312 never uses the bytes 0x80–0xA0, which UTF-8 Chinese
 * holds in most characters.
 */
export function utf8ChineseLine(line: Uint8Array): boolean {
  if (!isUtf8(line)) return false;
  let low = false;
  let any = false;
  for (let i = 0; i < line.length; i++)
    if (line[i] >= 0x80) {
      any = true;
      if (line[i] <= 0xa0) low = true;
    }
  if (!any) return false;
  let ideographs = 0;
  for (const c of Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8')) {
    const code = c.codePointAt(0)!;
    if (code < 0x80) continue;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) ideographs++;
    else if (
      !(code >= 0x3000 && code <= 0x303f) &&
      !(code >= 0xff00 && code <= 0xffef) &&
      !(code >= 0xa0 && code <= 0xff) &&
      !(code >= 0x2000 && code <= 0x206f)
    )
      return false;
  }
  return ideographs >= 4 || (ideographs >= 2 && low);
}

/**
 * A line (not valid UTF-8) that reads as Chinese text in `encoding`: two ideographs or more, and no
 * private-use character (what a damaged byte such as 0xFF decodes to).
 */
function legacyChinese(line: Uint8Array, encoding: string): boolean {
  const text = iconv.decode(Buffer.from(line.buffer, line.byteOffset, line.byteLength), encoding);
  if (/[\ue000-\uf8ff\ufffd]/.test(text)) return false;
  return (text.match(/[\u3400-\u4dbf\u4e00-\u9fff]/g) ?? []).length >= 2;
}

export interface EncodingBreakCheck {
  /** The break in this chunk (the chunks before it counted), or null. */
  check(chunk: Buffer): EncodingBreak | null;
  /** The break in what is left at the end of the file, or null. */
  end(): EncodingBreak | null;
}

/**
 * Checks whole lines: each chunk up to its last line break, the unfinished line carried into the next
 * (up to MAX_CARRY, past which it is checked as it is).
 */
function lineChecker(
  checkLines: (lines: Buffer, final: boolean) => { breakAt: number } | null,
  describe: (line: number) => EncodingBreak,
): EncodingBreakCheck {
  let carry: Buffer = Buffer.alloc(0);
  let lines = 0; // line breaks before `carry`
  const run = (data: Buffer, final: boolean): EncodingBreak | null => {
    let upto = data.length;
    if (!final) {
      let last = -1;
      for (const end of lineEnds(data, false)) last = end;
      upto = last + 1;
      if (upto === 0 && data.length > MAX_CARRY) upto = withoutCutUtf8Tail(data).length;
    }
    const done = data.subarray(0, upto);
    const found = checkLines(done, final);
    let before = 0;
    for (const end of lineEnds(done, true)) {
      if (found && end >= found.breakAt) break;
      before++;
    }
    if (found) return describe(lines + before + 1);
    lines += before;
    carry = Buffer.from(data.subarray(upto));
    return null;
  };
  return {
    check: (chunk) => run(carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk, false),
    end: () => (carry.length > 0 ? run(carry, true) : null),
  };
}

/** A UTF-8 file: the first line that is not UTF-8 and reads cleanly as GBK/GB18030 or Big5. */
function utf8Check(): EncodingBreakCheck {
  let other = '';
  // Lines that were not UTF-8 and not a second encoding either (damaged bytes): past this many, the
  // file is damaged rather than mixed, its rows are flagged undecodable, and the check stops looking.
  let damaged = 0;
  return lineChecker(
    (done) => {
      if (damaged >= MAX_DAMAGED || isUtf8(done)) return null;
      // Line by line from the first bad byte, so each byte is checked a bounded number of times.
      const from = lineStartOf(done, firstInvalidUtf8(done));
      const rest = done.subarray(from);
      let start = 0;
      const ends = [...lineEnds(rest, true)];
      if (ends.length === 0 || ends[ends.length - 1] < rest.length - 1) ends.push(rest.length);
      for (const end of ends) {
        // The line without its break (a CRLF's CR too).
        const line = rest.subarray(start, end > start && rest[end - 1] === CR ? end - 1 : end);
        if (!isUtf8(line)) {
          const window = wholeLines(rest.subarray(start, start + CONFIRM_BYTES));
          for (const name of Object.keys(LEGACY))
            if (legacyChinese(line, name) && invalidCount(window, name) === 0) {
              other = LEGACY[name];
              return { breakAt: from + start };
            }
          if (++damaged >= MAX_DAMAGED) return null;
        }
        start = end + 1;
      }
      return null;
    },
    (line) => ({ line, encoding: 'UTF-8', other }),
  );
}

/** A GBK/GB18030 or Big5 file: the first line that is UTF-8 Chinese (utf8ChineseLine). */
function legacyCheck(encoding: string): EncodingBreakCheck {
  const utf8Line = utf8ChineseLine;
  return lineChecker(
    (done, final) => {
      let start = 0;
      for (const end of lineEnds(done, final)) {
        if (utf8Line(done.subarray(start, end))) return { breakAt: start };
        start = end + 1;
      }
      return start < done.length && utf8Line(withoutCutUtf8Tail(done.subarray(start)))
        ? { breakAt: start }
        : null;
    },
    (line) => ({ line, encoding: LEGACY[encoding], other: 'UTF-8' }),
  );
}

/** The check for a file detected as `encoding`; null for the encodings it does not apply to. */
export function encodingBreakCheck(encoding: string): EncodingBreakCheck | null {
  if (encoding === 'utf-8') return utf8Check();
  if (encoding in LEGACY) return legacyCheck(encoding);
  return null;
}
