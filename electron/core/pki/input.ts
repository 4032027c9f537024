// What the streaming functions accept: a Buffer or any async iterable of bytes (a file stream, another
// generator of this library). CMS input may also be PEM ("BEGIN CMS" / "BEGIN PKCS7"), decoded on the fly.
import { type Writable } from 'node:stream';
import { toBuffer } from './encoding';
import { malformed } from './errors';

export type ContentInput = Buffer | Uint8Array | AsyncIterable<Uint8Array>;
export type CmsInput = ContentInput | string;

const PIECE = 64 * 1024;
const CMS_PEM_LABELS = ['CMS', 'PKCS7', 'PKCS #7 SIGNED DATA'] as const;

/** The bytes as a stream of Buffers; a Buffer is handed out in 64 KiB views (no copy). */
export async function* chunksOf(input: ContentInput): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    const all = toBuffer(input);
    for (let i = 0; i < all.length; i += PIECE) yield all.subarray(i, i + PIECE);
    return;
  }
  if (typeof (input as AsyncIterable<Uint8Array>)?.[Symbol.asyncIterator] !== 'function')
    throw malformed('input is neither bytes nor a stream of bytes');
  for await (const chunk of input) {
    if (typeof chunk === 'string') throw malformed('a stream of text where bytes were expected');
    if (chunk.length > 0) yield toBuffer(chunk);
  }
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** CMS bytes from DER/BER, or from PEM text (detected by its first non-blank byte, a dash). */
export async function* cmsChunks(input: CmsInput): AsyncGenerator<Buffer> {
  const source = chunksOf(typeof input === 'string' ? Buffer.from(input, 'latin1') : input);
  let first: Buffer | undefined;
  for (let blank = 0; !first; blank++) {
    const next = await source.next(); // not for-await: breaking out of one would close the source
    if (next.done) throw malformed('input is empty');
    const i = next.value.findIndex((b) => !isSpace(b));
    if (i >= 0) first = next.value.subarray(i);
    else if (blank > 16) throw malformed('input is blank');
  }
  async function* rest(head: Buffer): AsyncGenerator<Buffer> {
    yield head;
    yield* source;
  }
  if (first[0] === 0x2d) yield* pemDecoded(rest(first));
  else yield* rest(first);
}

const MAX_PEM_LINE = 4096;

/** Base64 between a CMS PEM header and its END line, decoded as it streams; any stray byte is malformed. */
async function* pemDecoded(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let text = '';
  let label: string | null = null;
  let carry = '';
  let padded = false;
  let ended = false;
  for await (const chunk of source) {
    if (ended) continue; // text after the END line is ignored, as openssl does
    text += chunk.toString('latin1');
    if (label === null) {
      const newline = text.indexOf('\n');
      if (newline < 0) {
        if (text.length > MAX_PEM_LINE) throw malformed('PEM header line');
        continue;
      }
      const match = /^-----BEGIN ([A-Z0-9 #]+)-----\r?$/.exec(text.slice(0, newline));
      if (!match || !(CMS_PEM_LABELS as readonly string[]).includes(match[1]))
        throw malformed('not a CMS PEM header (BEGIN CMS or BEGIN PKCS7)');
      label = match[1];
      text = text.slice(newline + 1);
    }
    const dash = text.indexOf('-');
    const body = (dash >= 0 ? text.slice(0, dash) : text).replace(/[\r\n\t ]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || (padded && body.length > 0)) throw malformed('PEM body');
    carry += body;
    const usable = carry.length - (carry.length % 4);
    if (usable > 0) {
      if (carry.slice(0, usable).includes('=')) padded = true;
      yield Buffer.from(carry.slice(0, usable), 'base64');
      carry = carry.slice(usable);
    }
    text = dash >= 0 ? text.slice(dash) : '';
    if (dash >= 0) {
      if (text.length < `-----END ${label}-----`.length) continue;
      if (!text.startsWith(`-----END ${label}-----`)) throw malformed('PEM END line');
      ended = true;
    }
  }
  if (!ended || carry.length > 0) throw malformed('PEM without its END line');
}

/** Writes a chunk, waiting for the writer to drain: the caller's memory stays flat. */
export async function writeTo(output: Writable, chunk: Buffer): Promise<void> {
  try {
    await writeAndDrain(output, chunk);
  } catch (error) {
    throw new StreamFailure(error);
  }
}

async function writeAndDrain(output: Writable, chunk: Buffer): Promise<void> {
  if (output.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('error', done);
      output.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the output closed before the content was written'));
    output.once('drain', onDrain);
    output.once('error', done);
    output.once('close', onClose);
  });
}

/**
 * Marks an error of the caller's own streams (a read error, a failed decryption upstream, a full disk on
 * the output), so a parser can tell it from malformed bytes and rethrow it as it was.
 */
export class StreamFailure extends Error {
  constructor(readonly original: unknown) {
    super('a stream of the caller failed');
  }
}

/** The input with its own errors marked, so a parser can tell them from malformed bytes and rethrow them. */
export function guardSource<T extends CmsInput>(input: T): T {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  const stream = input as AsyncIterable<Uint8Array>;
  return (async function* guarded() {
    try {
      yield* stream;
    } catch (error) {
      throw new StreamFailure(error);
    }
  })() as unknown as T;
}
