// Streams a file through SHA-256 in large chunks, yielding between them (progress and cancellation).
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync } from 'node:fs';

const CHUNK = 4 * 1024 * 1024;

export async function sha256File(
  file: string,
  tick: (done: number, total: number) => Promise<void> = async () => undefined,
): Promise<{ sha256: string; size: number }> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      done += n;
      await tick(done, size);
    }
    return { sha256: hash.digest('hex'), size: done };
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
