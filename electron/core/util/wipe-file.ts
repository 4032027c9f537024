// Overwriting and deleting a file a person named, through one open file descriptor: the file is opened
// once (never through a symbolic link), checked and hashed from that descriptor, overwritten through it,
// and unlinked only while its path still names the very file that was opened — so nothing swapped in
// between (another file renamed over it, a link planted in its place) is ever overwritten or deleted.
// The one step no descriptor covers is the unlink itself, which names the path: it is checked right before.
import {
  closeSync,
  constants,
  fsyncSync,
  fstatSync,
  lstatSync,
  openSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { sha256Fd } from '../backup/file-hash';
import { EngineError } from '../kernel/engine-error';

export interface OpenedFile {
  readonly path: string;
  readonly fd: number;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
}

const WIPE_CHUNK = 1 << 20;

/** Opens `path` for reading and writing (a regular file, not through a link), runs `work`, closes it. */
export async function withOpenedFile<T>(path: string, work: (file: OpenedFile) => Promise<T>): Promise<T> {
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
    return await work({ path, fd, dev: stats.dev, ino: stats.ino, size: stats.size });
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of the opened file's bytes, read from its descriptor. */
export function hashOpened(file: OpenedFile): Promise<{ sha256: string; size: number }> {
  return sha256Fd(file.fd);
}

function assertStillNamed(file: OpenedFile): void {
  let now;
  try {
    now = lstatSync(file.path);
  } catch {
    now = null;
  }
  if (!now || now.isSymbolicLink() || now.dev !== file.dev || now.ino !== file.ino)
    throw new EngineError('FILE_CHANGED', { path: file.path });
}

/** Zeros over every byte through the descriptor, flushed, then the name unlinked (if it still names it). */
export function overwriteAndUnlink(file: OpenedFile): void {
  assertStillNamed(file);
  try {
    const size = fstatSync(file.fd).size;
    const zeros = Buffer.alloc(Math.min(WIPE_CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length)
      writeSync(file.fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(file.fd);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: file.path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  assertStillNamed(file);
  try {
    unlinkSync(file.path);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: file.path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}
