// Which text encoding a customer file is in, from its first bytes: byte order marks first, then UTF-16
// without a BOM (NUL bytes in every other position), then strict UTF-8 validity, then chardet to tell
// GB18030 (GBK and GB2312 are subsets of it, so they are read as GB18030) from Big5, with byte-level
// checks where chardet cannot decide on a short sample.
import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export interface EncodingGuess {
  /** Canonical name: utf-8, utf-16le, utf-16be, gb18030, big5, or another name iconv-lite knows. */
  encoding: string;
  /** Bytes of byte order mark at the start of the file (the decoder drops them). */
  bomLength: number;
  /** False when the sample held nothing to decide on (pure ASCII is read as UTF-8). */
  confident: boolean;
}

const SAMPLE_BYTES = 64 * 1024;

/** A byte order mark at the start of `head`, if any. */
export function bomOf(head: Uint8Array): { encoding: string; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (head.length >= 4 && head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33)
    return { encoding: 'gb18030', length: 4 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: ASCII characters leave a NUL in every other byte, and text has no other NULs. */
export function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.02) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.02) return 'utf-16be';
  return null;
}

/** `sample` without a multi-byte UTF-8 sequence cut off by the end of the sample. */
export function withoutCutUtf8Tail(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = sample[end - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? sample.subarray(0, end - back) : sample;
  }
  return sample;
}

/** Strict UTF-8 (no overlongs, no surrogates), allowing the sample to end inside a character. */
export function isUtf8Sample(sample: Uint8Array): boolean {
  return isUtf8(withoutCutUtf8Tail(sample));
}

function isAscii(sample: Uint8Array): boolean {
  for (let i = 0; i < sample.length; i++) if (sample[i] >= 0x80) return false;
  return true;
}

/** Cuts a legacy double-byte sample at its last line feed, which never occurs inside a GBK/Big5 character. */
export function wholeLines(sample: Uint8Array): Uint8Array {
  const lf = sample.lastIndexOf(0x0a);
  return lf > 0 ? sample.subarray(0, lf + 1) : sample;
}

export function invalidCount(sample: Uint8Array, encoding: string): number {
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/**
 * Share of double-byte characters (read by Big5's rules) whose second byte is 0x40–0x7E. Big5 uses that
 * range for about half of its characters; GB2312, which holds almost every character of simplified text
 * in GBK, never does.
 */
export function lowTrailShare(sample: Uint8Array): number {
  let pairs = 0;
  let low = 0;
  for (let i = 0; i < sample.length - 1; i++) {
    const lead = sample[i];
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = sample[i + 1];
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) low++;
    i++;
  }
  return pairs === 0 ? 0 : low / pairs;
}

const CHARDET_TO_ICONV: Record<string, string> = {
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
};

/** A sample that is not UTF-8: GB18030 or Big5, or (when neither reads it cleanly) what chardet says. */
export function classifyLegacy(rawSample: Uint8Array): string {
  const sample = wholeLines(rawSample);
  const scores = new Map<string, number>();
  for (const match of analyse(sample)) scores.set(match.name, match.confidence);
  const gbBad = invalidCount(sample, 'gb18030');
  const big5Bad = invalidCount(sample, 'big5hkscs');
  if (gbBad === 0 && big5Bad > 0) return 'gb18030';
  if (big5Bad === 0 && gbBad > 0) return 'big5';
  if (gbBad > 0 && big5Bad > 0) {
    // Neither Chinese encoding fits: a Western, Japanese, Korean or Cyrillic export.
    const best = analyse(sample).find((m) => m.name in CHARDET_TO_ICONV);
    if (best && best.confidence >= 10) return CHARDET_TO_ICONV[best.name];
    return gbBad <= big5Bad ? 'gb18030' : 'big5';
  }
  const gb = scores.get('GB18030') ?? 0;
  const big5 = scores.get('Big5') ?? 0;
  if (big5 > gb + 5) return 'big5';
  if (gb > big5 + 5) return 'gb18030';
  return lowTrailShare(sample) > 0.15 ? 'big5' : 'gb18030';
}

/** The encoding of a sample taken from the start of a file (or, see sampleFile, further in). */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, confident: true };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, confident: true };
  if (isAscii(sample)) return { encoding: 'utf-8', bomLength: 0, confident: false };
  if (isUtf8Sample(sample)) return { encoding: 'utf-8', bomLength: 0, confident: true };
  return { encoding: classifyLegacy(sample), bomLength: 0, confident: true };
}

/** Name iconv-lite decodes with: Big5 is read with the HKSCS extension (Hong Kong names), a superset. */
export function decoderName(encoding: string): string {
  const lower = encoding.toLowerCase().replace(/_/g, '-');
  if (lower === 'big5' || lower === 'big-5' || lower === 'cp950') return 'big5hkscs';
  if (lower === 'gbk' || lower === 'gb2312' || lower === 'cp936' || lower === 'euc-cn') return 'gb18030';
  return lower;
}

export function isKnownEncoding(encoding: string): boolean {
  return iconv.encodingExists(decoderName(encoding));
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

/** A streaming decoder (characters split across chunks are kept whole) that drops a leading BOM. */
export function createDecoder(encoding: string): TextDecoderLike {
  const decoder = iconv.getDecoder(decoderName(encoding), { stripBOM: true });
  let first = true;
  const stripLeadingBom = (text: string) => {
    if (!first || text === '') return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    write: (chunk) => stripLeadingBom(decoder.write(chunk)),
    end: () => stripLeadingBom(decoder.end() ?? ''),
  };
}

/**
 * Reads what detection needs from an open file: the first 64 KiB, and when those are plain ASCII (an
 * English header and digits, say) the first 64 KiB that are not, searching up to `scanLimit` bytes in, so
 * a GBK file whose Chinese starts on row 2000 is not taken for UTF-8.
 */
export async function sampleFile(
  handle: FileHandle,
  size: number,
  scanLimit = 64 * 1024 * 1024,
): Promise<{ head: Buffer; sample: Buffer }> {
  const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
  await handle.read(head, 0, head.length, 0);
  if (bomOf(head) || utf16WithoutBom(head) || !isAscii(head) || size <= head.length)
    return { head, sample: head };
  const block = Buffer.alloc(1024 * 1024);
  for (let position = head.length; position < Math.min(size, scanLimit); position += block.length) {
    const { bytesRead } = await handle.read(block, 0, block.length, position);
    const view = block.subarray(0, bytesRead);
    let at = -1;
    for (let i = 0; i < view.length; i++)
      if (view[i] >= 0x80) {
        at = i;
        break;
      }
    if (at === -1) continue;
    // Start the window at a line feed before the first non-ASCII byte so no character is cut in half.
    const from = Math.max(0, position + at - 4096);
    const window = Buffer.alloc(Math.min(SAMPLE_BYTES, size - from));
    await handle.read(window, 0, window.length, from);
    const lf = window.indexOf(0x0a);
    return { head, sample: lf >= 0 && lf < position + at - from ? window.subarray(lf + 1) : window };
  }
  return { head, sample: head };
}

/** Where the first byte that is not valid UTF-8 is (`bytes` is known not to be valid): halving. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (isUtf8(withoutCutUtf8Tail(bytes.subarray(0, mid)))) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Text that starts in UTF-8 and goes on in another encoding (lines appended by a program that writes
 * GBK): the first line (from 1) that is not valid UTF-8, when everything from that line on reads cleanly
 * as GB18030 or Big5 and the lines before it hold text. Null when the bytes are one encoding (or binary).
 */
export function utf8Break(bytes: Uint8Array): { line: number; other: string } | null {
  const sample = withoutCutUtf8Tail(bytes);
  if (isUtf8(sample)) return null;
  const lo = firstInvalidUtf8(sample);
  const lineStart = sample.lastIndexOf(0x0a, lo) + 1;
  if (lineStart === 0) return null; // the very first line is already not UTF-8: not a mix
  // The lines before must show UTF-8 (multi-byte characters), not just ASCII (a GBK file's header).
  let multiByte = 0;
  for (let i = 0; i < lineStart; i++) if (sample[i] >= 0xc0) multiByte++;
  if (multiByte < 2) return null;
  const rest = wholeLines(sample.subarray(lineStart));
  for (const other of ['gb18030', 'big5'])
    if (invalidCount(rest, other) === 0) {
      let line = 1;
      for (let i = 0; i < lineStart; i++) if (sample[i] === 0x0a) line++;
      return { line, other: other === 'gb18030' ? 'GBK/GB18030' : 'Big5' };
    }
  return null;
}
