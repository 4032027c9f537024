// Decoded text of a file, chunk by chunk (1 MiB of bytes at a time), for the text readers. Pulled with
// for-await, so a reader that is still delivering rows simply does not ask for the next chunk yet.
// With `checkMix` (the encoding was detected, not chosen), each chunk's bytes are checked for a second
// encoding before they are decoded: the file is refused naming the first line in it, and since the
// import is one transaction, nothing read before that line stays either.
import { createReadStream } from 'node:fs';
import { EngineError } from '../kernel/engine-error';
import { createDecoder } from './encoding';
import { encodingBreakCheck, type EncodingBreak } from './encoding-break';

const CHUNK_BYTES = 1024 * 1024;

export async function* readText(
  file: string,
  encoding: string,
  onBytes?: (bytesRead: number) => void,
  checkMix = false,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  const mix = checkMix ? encodingBreakCheck(encoding) : null;
  const refuse = (found: EncodingBreak | null) => {
    if (found) throw new EngineError('INPUT_MIXED_ENCODING', { path: file, ...found });
  };
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      onBytes?.(bytes);
      refuse(mix?.check(chunk) ?? null);
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    refuse(mix?.end() ?? null);
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}
