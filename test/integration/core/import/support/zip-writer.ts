// A minimal ZIP writer for tests: stored or deflated entries, optionally with sizes that lie, so workbook
// parts can be replaced and ZIP bombs built without inflating gigabytes first.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  /** Plain bytes: deflated here (or stored with `store`). */
  data?: Buffer;
  store?: boolean;
  /** Already deflated bytes with the true size and CRC of what they inflate to. */
  deflated?: { chunks: Buffer[]; size: number; crc: number };
  /** Write this uncompressed size in the headers instead of the true one (a lying bomb). */
  declareSize?: number;
}

function dosTime(): { time: number; date: number } {
  return { time: 0, date: (45 << 9) | (1 << 5) | 1 }; // 2025-01-01 00:00
}

export function zipBuffer(inputs: readonly ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosTime();
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    let body: Buffer[];
    let size: number;
    let crc: number;
    let method: number;
    if (input.deflated) {
      body = input.deflated.chunks;
      size = input.deflated.size;
      crc = input.deflated.crc;
      method = 8;
    } else {
      const data = input.data ?? Buffer.alloc(0);
      size = data.length;
      crc = crc32(data) >>> 0;
      method = input.store ? 0 : 8;
      body = [input.store ? data : deflateRawSync(data)];
    }
    const compressed = body.reduce((n, b) => n + b.length, 0);
    const declared = input.declareSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x800, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    parts.push(local, name, ...body);
    offset += 30 + name.length + compressed;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/**
 * Deflated bytes of `head` + `repeat` × `unit` + `tail` without deflating all of it: a full flush resets
 * the compressor, so the unit's compressed bytes can be repeated as they are. The CRC is left 0 (the
 * reader refuses such a part long before it could check it).
 */
export function repeatedDeflate(head: string, unit: string, repeat: number, tail: string) {
  const flush = { finishFlush: 3 /* Z_FULL_FLUSH */, level: 9 };
  const headBytes = deflateRawSync(Buffer.from(head), flush);
  const unitBytes = deflateRawSync(Buffer.from(unit), flush);
  const tailBytes = deflateRawSync(Buffer.from(tail));
  const chunks = [headBytes, ...Array.from({ length: repeat }, () => unitBytes), tailBytes];
  return {
    chunks,
    size: Buffer.byteLength(head) + Buffer.byteLength(unit) * repeat + Buffer.byteLength(tail),
    crc: 0,
  };
}

/** Every entry of a ZIP file, inflated (small files only: fixtures written by the tests). */
export function unzipAll(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
