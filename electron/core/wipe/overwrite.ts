// One pass of random data over a file, flushed, then the file renamed to a random name and deleted
// (as `shred -n 1 -u` does), through one open file descriptor: the file is opened once without following
// symlinks, checked (a regular file, and the bytes Closeout wrote when a SHA-256 is expected), hashed and
// overwritten through the same descriptor, so nothing can be swapped in between the check and the write.
// On SSDs (wear levelling) and copy-on-write or journalled file systems the old blocks may survive: the
// wipe says so, and relies on cryptographic erase for what it encrypted.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../util/atomic-write';

const CHUNK = 1 << 20;

type OverwriteResult = 'overwritten' | 'missing' | 'changed' | 'failed';

export interface OverwriteOutcome {
  path: string;
  result: OverwriteResult;
  bytes: number;
  /** The file's SHA-256 before it was overwritten (when it was read). */
  sha256: string | null;
  detail: string | null;
}

export interface OverwriteOptions {
  /** Touch the file only if its content still has this SHA-256 (a file Closeout wrote, unchanged). */
  expectSha256?: string | null;
  /** Report bytes written so far (progress). */
  onBytes?: (bytes: number) => void;
}

/** A stream of random bytes: AES-256-CTR under a fresh random key, as fast as the disk. */
function randomStream(): (size: number) => Buffer {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const zeros = Buffer.alloc(CHUNK);
  return (size) => cipher.update(size === CHUNK ? zeros : zeros.subarray(0, size));
}

function hashFd(fd: number, size: number): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(size, 1)));
  for (let at = 0; at < size;) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    at += n;
  }
  return hash.digest('hex');
}

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

export function overwriteAndDelete(path: string, options: OverwriteOptions = {}): OverwriteOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, result: 'missing', bytes: 0, sha256: null, detail: null };
    return { path, result: 'failed', bytes: 0, sha256: null, detail: reason(error) };
  }
  let size = 0;
  let sha256: string | null = null;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      return { path, result: 'failed', bytes: 0, sha256: null, detail: 'not a regular file' };
    size = stat.size;
    if (options.expectSha256) {
      sha256 = hashFd(fd, size);
      if (sha256 !== options.expectSha256)
        return { path, result: 'changed', bytes: size, sha256, detail: null };
    }
    const next = randomStream();
    for (let at = 0; at < size;) {
      const chunk = next(Math.min(CHUNK, size - at));
      let written = 0;
      while (written < chunk.length)
        written += writeSync(fd, chunk, written, chunk.length - written, at + written);
      at += chunk.length;
      options.onBytes?.(at);
    }
    fsyncSync(fd);
  } catch (error) {
    return { path, result: 'failed', bytes: size, sha256, detail: reason(error) };
  } finally {
    closeSync(fd);
  }
  try {
    // The old name goes from the folder too: rename to a random one of the same length class, then delete.
    const hidden = join(dirname(path), `.${randomBytes(9).toString('hex')}`);
    renameSync(path, hidden);
    unlinkSync(hidden);
    fsyncDir(dirname(path));
  } catch (error) {
    return {
      path,
      result: 'failed',
      bytes: size,
      sha256,
      detail: `overwritten, not deleted: ${reason(error)}`,
    };
  }
  return { path, result: 'overwritten', bytes: size, sha256, detail: null };
}

/** Linux file-system magic numbers whose writes may not land on the same blocks. */
const FS_TYPES: Record<number, { name: string; copyOnWrite: boolean }> = {
  0xef53: { name: 'ext2/3/4', copyOnWrite: false },
  0x58465342: { name: 'xfs', copyOnWrite: false },
  0x9123683e: { name: 'btrfs', copyOnWrite: true },
  0x2fc12fc1: { name: 'zfs', copyOnWrite: true },
  0xf2f52010: { name: 'f2fs', copyOnWrite: true },
  0x3434: { name: 'nilfs2', copyOnWrite: true },
  0x794c7630: { name: 'overlayfs', copyOnWrite: true },
  0x01021994: { name: 'tmpfs', copyOnWrite: false },
  0x4d44: { name: 'fat', copyOnWrite: false },
  0x5346544e: { name: 'ntfs', copyOnWrite: false },
  0x6969: { name: 'nfs', copyOnWrite: true },
  0x65735546: { name: 'fuse', copyOnWrite: true },
};

/** The file system a path lives on, as far as the platform tells (for the certificate's media line). */
export function fileSystemOf(path: string): { type: string; copyOnWrite: boolean | null } {
  try {
    const type = statfsSync(dirname(path)).type;
    const known = FS_TYPES[type];
    if (known) return { type: known.name, copyOnWrite: known.copyOnWrite };
    return { type: `0x${type.toString(16)}`, copyOnWrite: null };
  } catch {
    return { type: 'unknown', copyOnWrite: null };
  }
}
