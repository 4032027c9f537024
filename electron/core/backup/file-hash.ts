// Streams a file through SHA-256 in large chunks, yielding between them (progress and cancellation).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

type Tick = (done: number, total: number) => Promise<void>;

export async function sha256File(
  file: string,
  tick: Tick = async () => undefined,
): Promise<{ sha256: string; size: number }> {
  const fd = openSync(file, 'r');
  try {
    return await sha256Fd(fd, tick);
  } finally {
    closeSync(fd);
  }
}

/** The same, from an open descriptor (from its first byte, whatever its position). */
export async function sha256Fd(
  fd: number,
  tick: Tick = async () => undefined,
): Promise<{ sha256: string; size: number }> {
  const size = fstatSync(fd).size;
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let done = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, CHUNK, done);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    done += n;
    await tick(done, size);
  }
  return { sha256: hash.digest('hex'), size: done };
}

/** The same without yielding, for callers that cannot wait (`size`: how many bytes from the first). */
export function sha256FdSync(fd: number, size = fstatSync(fd).size): string {
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

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
