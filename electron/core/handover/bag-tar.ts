// The bag as a tar stream (tar-stream, ustar with PAX where needed): entries of known size, their bytes
// pulled from each entry's source as the consumer (the signature, then the envelope, then the disk)
// asks for them, so nothing is held beyond a few chunks.
import { once } from 'node:events';
import tar from 'tar-stream';

export interface TarEntry {
  name: string;
  bytes: number;
  source: () => AsyncIterable<Buffer> | Buffer;
}

export async function* tarOf(entries: readonly TarEntry[], mtime: Date): AsyncGenerator<Buffer> {
  const pack = tar.pack();
  const stop = new AbortController();
  const producer = (async () => {
    for (const entry of entries) {
      const header = { name: entry.name, size: entry.bytes, mtime, mode: 0o644, type: 'file' as const };
      const source = entry.source();
      if (Buffer.isBuffer(source)) {
        pack.entry(header, source);
        continue;
      }
      const stream = pack.entry(header);
      let written = 0;
      for await (const chunk of source) {
        written += chunk.length;
        if (!stream.write(chunk)) await once(stream, 'drain', { signal: stop.signal });
      }
      if (written !== entry.bytes)
        throw new Error(`${entry.name}: ${written} bytes, ${entry.bytes} announced`);
      stream.end(() => undefined);
    }
    pack.finalize();
  })();
  producer.catch((error: unknown) => pack.destroy(error as Error));
  try {
    for await (const chunk of pack) yield chunk as Buffer;
    await producer;
  } finally {
    stop.abort();
    pack.destroy();
    await producer.catch(() => undefined);
  }
}
