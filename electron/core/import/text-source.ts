// Decoded text of a file, chunk by chunk (1 MiB of bytes at a time), for the text readers. Pulled with
// for-await, so a reader that is still delivering rows simply does not ask for the next chunk yet.
import { createReadStream } from 'node:fs';
import { createDecoder } from './encoding';

const CHUNK_BYTES = 1024 * 1024;

export async function* readText(
  file: string,
  encoding: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      onBytes?.(bytes);
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}
