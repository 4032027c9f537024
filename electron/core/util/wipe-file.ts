// Overwriting and deleting a file — the one way Closeout does it, for a source a person imported and for
// everything a wipe destroys. Through one open file descriptor: the file is opened once (never through a
// symbolic link), checked and hashed from that descriptor, overwritten through it with one pass of random
// data and flushed, then renamed to a random name in its folder (the old name goes too, as `shred -u`
// does) and unlinked — each only while its path still names the very file that was opened, so nothing
// swapped in between (another file renamed over it, a link planted in its place) is ever overwritten or
// deleted. On SSDs (wear levelling) and copy-on-write or journalled file systems the old blocks may
// survive: callers say so, and a wipe relies on cryptographic erase for what Closeout encrypted.
import { createCipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  fstatSync,
  lstatSync,
  openSync,
  renameSync,
  statfsSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256Fd, sha256FdSync } from '../backup/file-hash';
import { EngineError } from '../kernel/engine-error';
import { fsyncDir } from './atomic-write';

export interface OpenedFile {
  readonly path: string;
  readonly fd: number;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

const CHUNK = 1 << 20;
const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Opens `path` for reading and writing: a regular file, not through a link. */
function openRegular(path: string): OpenedFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new EngineError('FILE_IS_SYMLINK', { path });
    throw new EngineError('FILE_UNREADABLE', { path, reason: code ?? String(error) });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new EngineError('FILE_UNREADABLE', { path, reason: 'not a regular file' });
    return { path, fd, dev: stats.dev, ino: stats.ino, size: stats.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Opens `path` (a regular file, not through a link), runs `work`, closes it. */
export async function withOpenedFile<T>(path: string, work: (file: OpenedFile) => Promise<T>): Promise<T> {
  const file = openRegular(path);
  try {
    return await work(file);
  } finally {
    closeSync(file.fd);
  }
}

/** SHA-256 of the opened file's bytes, read from its descriptor. */
export function hashOpened(file: OpenedFile): Promise<{ sha256: string; size: number }> {
  return sha256Fd(file.fd);
}

function assertNamed(path: string, file: OpenedFile): void {
  let now;
  try {
    now = lstatSync(path);
  } catch {
    now = null;
  }
  if (!now || now.isSymbolicLink() || now.dev !== file.dev || now.ino !== file.ino)
    throw new EngineError('FILE_CHANGED', { path: file.path });
}

/** A stream of random bytes: AES-256-CTR under a fresh random key, as fast as the disk. */
function randomStream(): (size: number) => Buffer {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const zeros = Buffer.alloc(CHUNK);
  return (size) => cipher.update(size === CHUNK ? zeros : zeros.subarray(0, size));
}

const writeFailed = (file: OpenedFile, error: unknown, prefix = '') =>
  error instanceof EngineError
    ? error
    : new EngineError('WRITE_FAILED', { path: file.path, reason: prefix + reason(error) });

/** One pass of random data over every byte through the descriptor, flushed. */
function overwriteOpened(file: OpenedFile, onBytes?: (bytes: number) => void): number {
  try {
    const size = fstatSync(file.fd).size;
    const next = randomStream();
    for (let at = 0; at < size;) {
      const chunk = next(Math.min(CHUNK, size - at));
      let written = 0;
      while (written < chunk.length)
        written += writeSync(file.fd, chunk, written, chunk.length - written, at + written);
      at += chunk.length;
      onBytes?.(at);
    }
    fsyncSync(file.fd);
    return size;
  } catch (error) {
    throw writeFailed(file, error);
  }
}

/** The name renamed to a random one in the same folder, then unlinked — each while it names `file`. */
function deleteOpened(file: OpenedFile): void {
  assertNamed(file.path, file);
  const folder = dirname(file.path);
  const hidden = join(folder, `.${randomBytes(9).toString('hex')}`);
  try {
    renameSync(file.path, hidden);
  } catch (error) {
    throw writeFailed(file, error, 'overwritten, not deleted: ');
  }
  try {
    assertNamed(hidden, file);
  } catch (error) {
    renameSync(hidden, file.path); // not ours after all: put back what was swapped in, untouched
    throw error;
  }
  try {
    unlinkSync(hidden);
    fsyncDir(folder);
  } catch (error) {
    throw writeFailed(file, error, 'overwritten, not deleted: ');
  }
}

/** Overwrites the opened file (one pass of random data, flushed) and deletes it; throws EngineError. */
export function overwriteAndUnlink(file: OpenedFile): void {
  assertNamed(file.path, file);
  overwriteOpened(file);
  deleteOpened(file);
}

export interface OverwriteOutcome {
  path: string;
  result: 'overwritten' | 'missing' | 'changed' | 'failed';
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

/**
 * The wipe's form: overwrites and deletes `path`, and says what happened instead of throwing — 'missing'
 * (nothing there), 'changed' (not the bytes Closeout wrote: left alone), 'failed' (with why).
 */
export function overwriteAndDelete(path: string, options: OverwriteOptions = {}): OverwriteOutcome {
  let file: OpenedFile;
  try {
    file = openRegular(path);
  } catch (error) {
    const detail = error instanceof EngineError ? String(error.details.reason ?? error.code) : reason(error);
    if (detail === 'ENOENT') return { path, result: 'missing', bytes: 0, sha256: null, detail: null };
    return { path, result: 'failed', bytes: 0, sha256: null, detail };
  }
  let sha256: string | null = null;
  try {
    if (options.expectSha256) {
      sha256 = sha256FdSync(file.fd, file.size);
      if (sha256 !== options.expectSha256)
        return { path, result: 'changed', bytes: file.size, sha256, detail: null };
    }
    const bytes = overwriteOpened(file, options.onBytes);
    deleteOpened(file);
    return { path, result: 'overwritten', bytes, sha256, detail: null };
  } catch (error) {
    const detail = error instanceof EngineError ? String(error.details.reason ?? error.code) : reason(error);
    return { path, result: 'failed', bytes: file.size, sha256, detail };
  } finally {
    closeSync(file.fd);
  }
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
