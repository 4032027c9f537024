// What kind of file this is, from its content first (magic numbers, then the decoded text's shape) and its
// name second. Binary files that are not workbooks are refused with a reason a person can act on.
import { extname } from 'node:path';
import type { SourceFormat } from './types';

export type MagicVerdict = { kind: 'zip' } | { kind: 'text' } | { kind: 'refuse'; reason: string };

const starts = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const SAVE_AS = 'open it in Excel or WPS and save it as .xlsx or CSV';

interface Magic {
  bytes: readonly number[];
  at?: number;
  reason: string;
}

const MAGIC: readonly Magic[] = [
  { bytes: ascii('%PDF-'), reason: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], reason: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], reason: 'a JPEG image' },
  { bytes: ascii('GIF8'), reason: 'a GIF image' },
  { bytes: ascii('WEBP'), at: 8, reason: 'a WebP image' },
  { bytes: ascii('II*\0'), reason: 'a TIFF image' },
  { bytes: ascii('MM\0*'), reason: 'a TIFF image' },
  { bytes: ascii('ftyp'), at: 4, reason: 'a photo or video (HEIC/MP4/MOV)' },
  { bytes: ascii('RIFF'), reason: 'an audio or video file' },
  { bytes: ascii('ID3'), reason: 'an audio file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], reason: 'a program (ELF executable)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], reason: 'a program (Mach-O executable)' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], reason: 'a program (Mach-O executable)' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], reason: 'a program (Mach-O or Java class file)' },
  { bytes: [0x1f, 0x8b], reason: 'a gzip archive; extract it first' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], reason: 'an xz archive; extract it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: 'a 7-Zip archive; extract it first' },
  { bytes: ascii('Rar!\x1a\x07'), reason: 'a RAR archive; extract it first' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: `an Office 97–2003 file (.xls/.doc) or a password-protected workbook; ${SAVE_AS}`,
  },
  {
    bytes: ascii('SQLite format 3\0'),
    reason: 'an SQLite database (a Closeout vault is opened, not imported)',
  },
  { bytes: ascii('{\\rtf'), reason: 'an RTF document' },
];

/** Refusal by magic number, a ZIP to look into, or text to decode. */
export function sniffMagic(head: Uint8Array): MagicVerdict {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' };
  for (const magic of MAGIC)
    if (starts(head, magic.bytes, magic.at)) return { kind: 'refuse', reason: magic.reason };
  // "MZ" opens Windows programs; a text file could start so too, but never with a NUL in its first bytes.
  if (starts(head, ascii('MZ')) && head.subarray(0, 64).includes(0))
    return { kind: 'refuse', reason: 'a Windows program (EXE/DLL)' };
  return { kind: 'text' };
}

/** A ZIP that is not a workbook: why it is refused; null for a workbook. */
export function zipRefusal(names: Iterable<string>): string | null {
  const all = new Set(names);
  if (all.has('xl/workbook.xml') || [...all].some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) return null;
  if (all.has('word/document.xml')) return 'a Word document (.docx)';
  if (all.has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (all.has('mimetype') && all.has('content.xml')) return `an OpenDocument file (.ods/.odt); ${SAVE_AS}`;
  if (all.has('Index.zip') || [...all].some((n) => n.startsWith('Index/')))
    return `an Apple Numbers file; export it as .xlsx or CSV`;
  return 'a ZIP archive that is not an Excel workbook; extract the file you want to import';
}

/**
 * Decoded text that is really binary: more than 2% control characters (other than tab, line breaks,
 * form feed and the DOS end-of-file mark) or undecodable bytes.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 16 * 1024);
  if (n === 0) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0xfffd)
      odd++;
  }
  return odd / n > 0.02;
}

/** Text that is a document format Closeout does not read as a table: why it is refused. */
export function textRefusal(text: string): string | null {
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return `an Excel 2003 XML spreadsheet; ${SAVE_AS}`;
  if (/^<(!doctype html|html|table)[\s>]/.test(start))
    return `a web page (HTML), as some systems save their "Excel" exports; ${SAVE_AS}`;
  return null;
}

export function extensionOf(file: string): string {
  return extname(file).toLowerCase();
}

/** The format a file name suggests, if any. */
export function formatFromName(file: string): SourceFormat | null {
  switch (extensionOf(file)) {
    case '.csv':
    case '.tsv':
    case '.tab':
    case '.txt':
      return 'csv';
    case '.xlsx':
    case '.xlsm':
      return 'xlsx';
    case '.vcf':
    case '.vcard':
      return 'vcard';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    default:
      return null;
  }
}

/** The format of decoded text: vCard, JSON (array or document), JSON Lines, or delimited text. */
export function textFormat(text: string, file: string): SourceFormat {
  const body = text.replace(/^[\s\uFEFF]+/, '');
  const byName = formatFromName(file);
  // Phone exports sometimes put a line of their own before the first card.
  const firstLines = body.split(/\r?\n|\r/, 6);
  const cardAt = firstLines.findIndex((l) => /^BEGIN:VCARD\s*$/i.test(l));
  if (cardAt === 0 || (cardAt > 0 && (byName === 'vcard' || cardAt <= 2))) return 'vcard';
  if (body.startsWith('[')) {
    const next = body.slice(1).trimStart()[0];
    if (next === undefined || '{["]-0123456789tfn'.includes(next)) return 'json';
  }
  if (body.startsWith('{')) {
    const next = body.slice(1).trimStart()[0];
    if (next !== undefined && next !== '"' && next !== '}') return 'csv';
    if (byName === 'jsonl') return 'jsonl';
    const firstLine = body.split('\n', 1)[0].trim();
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  return 'csv';
}
