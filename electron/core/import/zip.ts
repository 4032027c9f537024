// A small ZIP reader for XLSX files, so that limits hold BEFORE anything is inflated (the central
// directory's declared sizes, entry count, compression ratio) and WHILE inflating (a part that inflates
// past its declared size is a lie, i.e. a bomb, and reading stops at once). Entries are read by random
// access, in the order the reader needs them, so no worksheet is spooled to a temporary file first.
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { EngineError } from '../kernel/engine-error';
import { formatBytes } from './limits';
import type { ImportLimits } from './types';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  file: string;
  entries: Map<string, ZipEntry>;
  /** Sum of every entry's declared uncompressed size. */
  totalUncompressed: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32 = 0xffffffff;
const U16 = 0xffff;

function damaged(file: string, reason: string): EngineError {
  return new EngineError('INPUT_UNREADABLE', {
    path: file,
    reason: `the XLSX (ZIP) structure is damaged: ${reason}`,
  });
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('64-bit ZIP field out of range');
  return Number(value);
}

export interface EndOfDirectory {
  entries: number;
  size: number;
  offset: number;
  /** Position of the end record in the file. */
  at: number;
  zip64: boolean;
}

/** Finds the end-of-central-directory record in the file's last bytes (`tail` starts at `tailOffset`). */
export function findEndOfDirectory(tail: Buffer, tailOffset: number): EndOfDirectory | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const commentLength = tail.readUInt16LE(i + 20);
    if (i + 22 + commentLength > tail.length) continue;
    const entries = tail.readUInt16LE(i + 10);
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    return {
      entries,
      size,
      offset,
      at: tailOffset + i,
      zip64: entries === U16 || size === U32 || offset === U32,
    };
  }
  return null;
}

/** Parses `count` central directory records; ZIP64 extra fields replace saturated 32-bit values. */
export function parseCentralDirectory(buf: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new RangeError(`central directory record ${n + 1} is missing`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    let compressedSize = buf.readUInt32LE(at + 20);
    let uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    let localHeaderOffset = buf.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > buf.length) throw new RangeError(`central directory record ${n + 1} is cut short`);
    // Bit 11: UTF-8 name. Otherwise CP437; the names a workbook needs are ASCII either way.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = buf.readUInt16LE(extra);
      const length = buf.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === U32) {
          uncompressedSize = u64(buf, field);
          field += 8;
        }
        if (compressedSize === U32) {
          compressedSize = u64(buf, field);
          field += 8;
        }
        if (localHeaderOffset === U32) localHeaderOffset = u64(buf, field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Reads and checks the central directory: nothing is inflated here. */
export async function readZipDirectory(
  handle: FileHandle,
  size: number,
  file: string,
  limits: ImportLimits,
): Promise<ZipDirectory> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(handle, size - tailLength, tailLength);
  const end = findEndOfDirectory(tail, size - tailLength);
  if (!end) throw damaged(file, 'no end-of-directory record (the file may be truncated)');
  let { entries: count, size: cdSize, offset: cdOffset } = end;
  if (end.zip64) {
    const locator = await readAt(handle, end.at - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== EOCD64_LOCATOR)
      throw damaged(file, 'ZIP64 locator missing');
    const record = await readAt(handle, u64(locator, 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw damaged(file, 'ZIP64 record missing');
    count = u64(record, 32);
    cdSize = u64(record, 40);
    cdOffset = u64(record, 48);
  }
  if (count > limits.maxZipEntries)
    throw new EngineError('INPUT_TOO_LARGE', {
      path: file,
      limit: `${limits.maxZipEntries} ZIP entries`,
      reason: `the workbook lists ${count} parts`,
    });
  if (cdOffset + cdSize > size) throw damaged(file, 'the directory points past the end of the file');
  // 46 bytes per record plus a name: a directory far larger than its entry count needs is not a workbook.
  if (cdSize > count * (46 + 0xffff * 3) || cdSize > 64 * 1024 * 1024)
    throw damaged(file, 'the directory is larger than its entries');
  let list: ZipEntry[];
  try {
    list = parseCentralDirectory(await readAt(handle, cdOffset, cdSize), count);
  } catch (error) {
    throw damaged(file, (error as Error).message);
  }
  const entries = new Map<string, ZipEntry>();
  let totalUncompressed = 0;
  for (const entry of list) {
    entries.set(entry.name, entry);
    totalUncompressed += entry.uncompressedSize;
  }
  if (totalUncompressed > limits.maxTotalBytes)
    throw new EngineError('INPUT_TOO_LARGE', {
      path: file,
      limit: `${formatBytes(limits.maxTotalBytes)} uncompressed in all`,
      reason: `its parts declare ${formatBytes(totalUncompressed)} uncompressed`,
    });
  return { file, entries, totalUncompressed };
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
  if (entry.flags & 0x1)
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

/**
 * The inflated bytes of one entry, in chunks. Stops with INPUT_TOO_LARGE the moment the entry inflates
 * past its declared size, and checks the CRC when read to the end. Breaking out of the loop early (a
 * preview) closes the file.
 */
export async function* readEntry(
  zip: ZipDirectory,
  handle: FileHandle,
  entry: ZipEntry,
  onBytes?: (inflated: number) => void,
): AsyncGenerator<Buffer> {
  const header = await readAt(handle, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
    throw damaged(zip.file, `the local header of ${entry.name} is missing`);
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw damaged(zip.file, `${entry.name} has no data`);
    return;
  }
  const source = createReadStream(zip.file, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  const inflate = entry.method === 8 ? createInflateRaw({ chunkSize: 64 * 1024 }) : null;
  const stream = inflate ? source.pipe(inflate) : source;
  source.on('error', (error) => inflate?.destroy(error));
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize)
        throw new EngineError('INPUT_TOO_LARGE', {
          path: zip.file,
          limit: `${formatBytes(entry.uncompressedSize)} declared for ${entry.name}`,
          reason: `${entry.name} inflates past the size its ZIP directory declares, as a ZIP bomb does; reading stopped`,
        });
      crc = crc32(chunk, crc);
      onBytes?.(inflated);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw damaged(zip.file, `${entry.name}: ${(error as Error).message}`);
  } finally {
    source.destroy();
    inflate?.destroy();
  }
  if (inflated !== entry.uncompressedSize) throw damaged(zip.file, `${entry.name} is shorter than declared`);
  if (crc >>> 0 !== entry.crc32) throw damaged(zip.file, `${entry.name} fails its CRC check`);
}
