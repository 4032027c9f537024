// The ZIP package of an XLSX, read through yauzl: the central directory is checked BEFORE anything is
// inflated (entry count, declared sizes, compression ratio), and every part is counted WHILE it inflates
// (a part that inflates past its declared size is a lie, i.e. a bomb, and reading stops at once; one that
// ends short of it, or fails its CRC, is damaged). Entries are opened by random access, in the order the
// reader needs them, so no worksheet is spooled to a temporary file first.
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { EngineError } from '../kernel/engine-error';
import { formatBytes } from './limits';
import type { ImportLimits } from './types';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  entry: yauzl.Entry;
}

export interface ZipDirectory {
  file: string;
  entries: Map<string, ZipEntry>;
  /** Sum of every entry's declared uncompressed size. */
  totalUncompressed: number;
  zip: yauzl.ZipFile;
}

function damaged(file: string, reason: string): EngineError {
  return new EngineError('INPUT_UNREADABLE', {
    path: file,
    reason: `the XLSX (ZIP) structure is damaged: ${reason}`,
  });
}

/** yauzl's messages say what is wrong with the archive; the ones a person can act on are reworded. */
function zipReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory record signature not found/i.test(message))
    return 'no end-of-directory record (the file may be truncated)';
  return message;
}

/** Reads and checks the central directory: nothing is inflated here. Close it with `closeZip`. */
export async function readZipDirectory(file: string, limits: ImportLimits): Promise<ZipDirectory> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw error;
    throw damaged(file, zipReason(error));
  }
  try {
    if (zip.entryCount > limits.maxZipEntries)
      throw new EngineError('INPUT_TOO_LARGE', {
        path: file,
        limit: `${limits.maxZipEntries} ZIP entries`,
        reason: `the workbook lists ${zip.entryCount} parts`,
      });
    const entries = new Map<string, ZipEntry>();
    let totalUncompressed = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.set(entry.fileName, {
          name: entry.fileName,
          method: entry.compressionMethod,
          encrypted: entry.isEncrypted(),
          crc32: entry.crc32,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          entry,
        });
        totalUncompressed += entry.uncompressedSize;
      }
    } catch (error) {
      throw damaged(file, zipReason(error));
    }
    if (totalUncompressed > limits.maxTotalBytes)
      throw new EngineError('INPUT_TOO_LARGE', {
        path: file,
        limit: `${formatBytes(limits.maxTotalBytes)} uncompressed in all`,
        reason: `its parts declare ${formatBytes(totalUncompressed)} uncompressed`,
      });
    return { file, entries, totalUncompressed, zip };
  } catch (error) {
    zip.close();
    throw error;
  }
}

export function closeZip(zip: ZipDirectory): void {
  if (zip.zip.isOpen) zip.zip.close();
}

/** Refuses, before inflating anything, a part whose declared size or compression ratio is over a limit. */
export function checkPart(
  zip: ZipDirectory,
  entry: ZipEntry,
  maxBytes: number,
  limits: ImportLimits,
  what = 'per workbook part',
): void {
  if (entry.uncompressedSize > maxBytes)
    throw new EngineError('INPUT_TOO_LARGE', {
      path: zip.file,
      limit: `${formatBytes(maxBytes)} ${what}`,
      reason: `${entry.name} declares ${formatBytes(entry.uncompressedSize)} uncompressed`,
    });
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 16 * 1024 * 1024 && ratio > limits.maxCompressionRatio)
    throw new EngineError('INPUT_TOO_LARGE', {
      path: zip.file,
      limit: `compression ratio ${limits.maxCompressionRatio}:1`,
      reason: `${entry.name} inflates ${Math.round(ratio)}:1 (${formatBytes(entry.compressedSize)} → ${formatBytes(entry.uncompressedSize)}), as a ZIP bomb does`,
    });
  if (entry.encrypted)
    throw new EngineError('INPUT_UNREADABLE', {
      path: zip.file,
      reason: 'the workbook is password-protected; remove the password in Excel and save it again',
    });
  if (entry.method !== 0 && entry.method !== 8)
    throw new EngineError('INPUT_UNREADABLE', {
      path: zip.file,
      reason: `${entry.name} uses ZIP compression method ${entry.method}, which Closeout does not read; save the workbook again in Excel`,
    });
}

function tooLarge(zip: ZipDirectory, entry: ZipEntry, inflated: number): EngineError {
  return new EngineError('INPUT_TOO_LARGE', {
    path: zip.file,
    limit: `${formatBytes(entry.uncompressedSize)} declared for ${entry.name}`,
    reason: `${entry.name} inflates past the size its ZIP directory declares (at least ${inflated} bytes), as a ZIP bomb does`,
  });
}

/**
 * The inflated bytes of one entry, in chunks. Stops with INPUT_TOO_LARGE the moment the entry inflates
 * past its declared size (counted here, and by yauzl), and checks the length and CRC when read to the
 * end. Breaking out of the loop early (a preview) destroys the stream.
 */
export async function* readEntry(
  zip: ZipDirectory,
  entry: ZipEntry,
  onBytes?: (inflated: number) => void,
): AsyncGenerator<Buffer> {
  let stream: Readable;
  try {
    stream = await zip.zip.openReadStreamPromise(entry.entry);
  } catch (error) {
    throw damaged(zip.file, `${entry.name}: ${zipReason(error)}`);
  }
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) throw tooLarge(zip, entry, inflated);
      crc = crc32(chunk, crc);
      onBytes?.(inflated);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    const message = zipReason(error);
    const over = /too many bytes in the stream.*got at least (\d+)/.exec(message);
    if (over) throw tooLarge(zip, entry, Number(over[1]));
    throw damaged(zip.file, `${entry.name}: ${message}`);
  } finally {
    stream.destroy();
  }
  if (inflated !== entry.uncompressedSize) throw damaged(zip.file, `${entry.name} is shorter than declared`);
  if (crc >>> 0 !== entry.crc32) throw damaged(zip.file, `${entry.name} fails its CRC check`);
}
