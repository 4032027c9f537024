// Output that exists only if it is sound: written to a temporary file beside the target, kept (flushed to
// disk and renamed into place) only when the work says so, removed otherwise and on any error.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export async function writeFileIf<T>(
  path: string,
  work: (output: Writable) => Promise<T>,
  keep: (result: T) => boolean,
): Promise<T> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  // flush: the descriptor is fsync'ed before it closes, so a kept file survives a power cut.
  const output = createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true });
  let kept = false;
  try {
    await new Promise<void>((resolve, reject) => {
      output.once('ready', resolve);
      output.once('error', reject);
    });
    const result = await work(output);
    output.end();
    await finished(output); // 'finish', then 'close' once flushed
    if (keep(result)) {
      await rename(temporary, path);
      kept = true;
    }
    return result;
  } finally {
    if (!kept) {
      if (!output.closed) {
        output.destroy();
        await finished(output).catch(() => undefined);
      }
      await rm(temporary, { force: true });
    }
  }
}
