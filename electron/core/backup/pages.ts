// Reads a vault-format file (SQLCipher 4: 4096-byte pages, 80 reserved bytes = 16-byte IV + 64-byte
// HMAC-SHA512) through one reused buffer, optionally copying it, hashing it and checking every page's
// SQLCipher HMAC with node:crypto, without SQLite. The recipe (docs/FORMATS.md §1, §9): HMAC key =
// PBKDF2-HMAC-SHA512(raw vault key, the file's 16-byte salt XOR 0x3a, 2 iterations, 32 bytes); page n
// (from 1; page 1 skips its salt) is authentic when HMAC-SHA512(its ciphertext and IV ‖ n as 4
// little-endian bytes) equals the 64 bytes after the IV.
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

const PAGE_SIZE = 4096;
const RESERVE = 80;
const MAC_AT = PAGE_SIZE - RESERVE + 16; // end of ciphertext + IV: the HMAC starts here
const MAC_SIZE = 64;
const SALT_SIZE = 16;
const CHUNK = 256 * PAGE_SIZE; // 1 MiB, reused: a fresh buffer per read costs page faults (BENCHMARKS.md)
const TICK_BYTES = 8 * CHUNK;
/** How many failing page numbers a scan keeps (the count is always exact). */
const BAD_PAGES_KEPT = 10;

export interface PageScan {
  size: number;
  pages: number;
  /** Hex SHA-256 of every byte read (only when asked for). */
  sha256: string | null;
  /** Pages whose HMAC does not hold (with a key; a partial last page always): the first few, and how many. */
  badPages: number[];
  badCount: number;
  /**
   * Hex SHA-256 over the stored HMACs of pages 2…n. Two scans with the same digest whose pages' HMACs hold
   * read the same bytes in pages 2…n (an HMAC binds its page's content and number). Page 1 is left out
   * so a copy may have its header rewritten by SQLite (the journal mode) and still be compared.
   */
  bodyDigest: string;
}

export interface ScanOptions {
  /** The raw vault key: check every page's HMAC with it. */
  key?: Buffer;
  /** SHA-256 of the whole file. */
  hash?: boolean;
  /** A file descriptor to write every byte read to (the copy). */
  copyTo?: number;
  /** Called every few MiB with bytes done and the total (progress, cancellation). */
  tick?: (done: number, total: number) => Promise<void>;
}

function hmacKey(vaultKey: Buffer, page1: Buffer): Buffer {
  const salt = Buffer.from(page1.subarray(0, SALT_SIZE));
  for (let i = 0; i < SALT_SIZE; i++) salt[i] ^= 0x3a;
  return pbkdf2Sync(vaultKey, salt, 2, 32, 'sha512');
}

function writeAll(fd: number, bytes: Buffer, length: number): void {
  let offset = 0;
  while (offset < length) offset += writeSync(fd, bytes, offset, length - offset);
}

/** Scans `file` page by page (a last partial page counts as a page that is not authentic). */
export async function scanPages(file: string, options: ScanOptions = {}): Promise<PageScan> {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const hash = options.hash ? createHash('sha256') : null;
    const body = createHash('sha256');
    const pgno = Buffer.alloc(4);
    let key: Buffer | null = null;
    const badPages: number[] = [];
    let badCount = 0;
    let page = 0;
    let done = 0;
    let ticked = 0;
    let tail = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, done);
      if (n === 0) break;
      hash?.update(buffer.subarray(0, n));
      if (options.copyTo !== undefined) writeAll(options.copyTo, buffer, n);
      for (let at = 0; at + PAGE_SIZE <= n; at += PAGE_SIZE) {
        page++;
        const mac = buffer.subarray(at + MAC_AT, at + MAC_AT + MAC_SIZE);
        if (page > 1) body.update(mac);
        if (!options.key) continue;
        key ??= hmacKey(options.key, buffer);
        pgno.writeUInt32LE(page, 0);
        const expected = createHmac('sha512', key)
          .update(buffer.subarray(at + (page === 1 ? SALT_SIZE : 0), at + MAC_AT))
          .update(pgno)
          .digest();
        if (!expected.equals(mac)) {
          badCount++;
          if (badPages.length < BAD_PAGES_KEPT) badPages.push(page);
        }
      }
      done += n;
      if (n % PAGE_SIZE !== 0) {
        // A ragged end (a truncated or foreign file; regular files read whole chunks until the last):
        // counted as one more page, which is not authentic.
        tail = n % PAGE_SIZE;
        badCount++;
        if (badPages.length < BAD_PAGES_KEPT) badPages.push(page + 1);
        if (readSync(fd, buffer, 0, 1, done) !== 0) throw new Error('the file changed while it was read');
        break;
      }
      if (options.tick && done - ticked >= TICK_BYTES) {
        ticked = done;
        await options.tick(done, total);
      }
    }
    key?.fill(0);
    return {
      size: done,
      pages: page + (tail ? 1 : 0),
      sha256: hash ? hash.digest('hex') : null,
      badPages,
      badCount,
      bodyDigest: body.digest('hex'),
    };
  } finally {
    closeSync(fd);
  }
}

/** Whether page `n` (from 1) of `file` is authentic under `vaultKey`: to tell which of two copies is damaged. */
export function pageIsAuthentic(file: string, vaultKey: Buffer, n: number): boolean {
  const fd = openSync(file, 'r');
  try {
    const page1 = Buffer.alloc(PAGE_SIZE);
    const page = Buffer.alloc(PAGE_SIZE);
    if (readSync(fd, page1, 0, PAGE_SIZE, 0) !== PAGE_SIZE) return false;
    if (readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE) !== PAGE_SIZE) return false;
    const key = hmacKey(vaultKey, page1);
    const pgno = Buffer.alloc(4);
    pgno.writeUInt32LE(n, 0);
    const expected = createHmac('sha512', key)
      .update(page.subarray(n === 1 ? SALT_SIZE : 0, MAC_AT))
      .update(pgno)
      .digest();
    key.fill(0);
    return expected.equals(page.subarray(MAC_AT, MAC_AT + MAC_SIZE));
  } finally {
    closeSync(fd);
  }
}
