// Reads a vault file page by page as SQLCipher 4 stores it, with node:crypto alone — a second, separate
// reader beside SQLite's own, so the wipe's verification does not trust the code that did the purge.
// SQLCipher 4 with a raw key: the first 16 bytes of the file are the salt; every page of 4096 bytes ends
// with 80 reserved bytes (a 16-byte IV, then HMAC-SHA512 of the page's ciphertext, IV and page number
// little-endian, under a key PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations)); the rest is
// AES-256-CBC under the raw key. Page 1 starts its ciphertext after the salt.
import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const PAGE_SIZE = 4096;
const RESERVE = 80;
/** The bytes of each page SQLite uses (the rest is SQLCipher's IV and HMAC): each plaintext's length. */
export const PAGE_USABLE = PAGE_SIZE - RESERVE;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const SALT_BYTES = 16;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const PAGES_PER_READ = 256;

interface PageProblem {
  page: number;
  kind: 'hmac' | 'size';
}

export interface PageRead {
  pages: number;
  problems: PageProblem[];
}

/**
 * Decrypts every page of `file` with `key` and hands each page's plaintext to `visit` (page 1 with the
 * SQLite header put back). A page whose HMAC does not verify is reported, not visited.
 */
export function readDecryptedPages(
  file: string,
  key: Buffer,
  visit: (page: number, plain: Buffer) => void,
): PageRead {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const problems: PageProblem[] = [];
    if (size % PAGE_SIZE !== 0) problems.push({ page: Math.floor(size / PAGE_SIZE) + 1, kind: 'size' });
    const pages = Math.floor(size / PAGE_SIZE);
    if (pages === 0) return { pages: 0, problems };
    const salt = Buffer.alloc(SALT_BYTES);
    readSync(fd, salt, 0, SALT_BYTES, 0);
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    const buffer = Buffer.alloc(PAGE_SIZE * PAGES_PER_READ);
    const pageNumber = Buffer.alloc(4);
    for (let first = 1; first <= pages; first += PAGES_PER_READ) {
      const count = Math.min(PAGES_PER_READ, pages - first + 1);
      readSync(fd, buffer, 0, count * PAGE_SIZE, (first - 1) * PAGE_SIZE);
      for (let i = 0; i < count; i++) {
        const page = first + i;
        const raw = buffer.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
        const start = page === 1 ? SALT_BYTES : 0;
        const end = PAGE_SIZE - RESERVE;
        const cipherText = raw.subarray(start, end);
        const iv = raw.subarray(end, end + IV_BYTES);
        const mac = raw.subarray(end + IV_BYTES, end + IV_BYTES + HMAC_BYTES);
        pageNumber.writeUInt32LE(page);
        const expected = createHmac('sha512', hmacKey)
          .update(cipherText)
          .update(iv)
          .update(pageNumber)
          .digest();
        if (!timingSafeEqual(expected, mac)) {
          problems.push({ page, kind: 'hmac' });
          continue;
        }
        const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
        const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
        visit(page, page === 1 ? Buffer.concat([SQLITE_HEADER, plain]) : plain);
      }
    }
    return { pages, problems };
  } finally {
    closeSync(fd);
  }
}
