// A streaming BER reader for CMS: reads headers and small elements (certificates, SignerInfos,
// RecipientInfos) into memory under hard limits, and streams the octets of the one large string (the
// content) without holding it. Definite and indefinite lengths, chunked (constructed) strings; anything
// malformed, truncated, nested too deeply or larger than allowed is PKI_CMS_MALFORMED, never a hang.
import { toBuffer } from './encoding';
import { malformed } from './errors';

export interface Header {
  /** The identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  constructed: boolean;
  /** Value length, or null for the indefinite form (value ends with 00 00). */
  length: number | null;
  /** The identifier and length octets as read. */
  bytes: Buffer;
  /** Absolute offset just past the value (null when indefinite). */
  end: number | null;
}

const MAX_DEPTH = 32;
const MAX_LENGTH_OCTETS = 6; // 2^48 bytes: more than any file, and within Number's exact range
const EOC = Buffer.from([0, 0]);

export class BerReader {
  private buffer: Buffer = Buffer.alloc(0);
  private consumed = 0;
  private finished = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Absolute offset of the next unread byte. */
  get offset(): number {
    return this.consumed;
  }

  private async pull(): Promise<Buffer | null> {
    while (!this.finished) {
      const { value, done } = await this.iterator.next();
      if (done) this.finished = true;
      else if (value.length > 0) return toBuffer(value);
    }
    return null;
  }

  /** Makes at least n unread bytes available; false when the input ends first. */
  private async fill(n: number): Promise<boolean> {
    if (this.buffer.length >= n) return true;
    const parts = [this.buffer];
    let total = this.buffer.length;
    while (total < n) {
      const chunk = await this.pull();
      if (!chunk) break;
      parts.push(chunk);
      total += chunk.length;
    }
    this.buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
    return total >= n;
  }

  async take(n: number, what: string): Promise<Buffer> {
    if (!(await this.fill(n))) throw malformed(`${what} is cut short`, this.offset);
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.consumed += n;
    return out;
  }

  /** Exactly n bytes, in the pieces they arrive in, never all at once. */
  async *stream(n: number, what: string): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buffer.length === 0) {
        const chunk = await this.pull();
        if (!chunk) throw malformed(`${what} is cut short`, this.offset);
        this.buffer = chunk;
      }
      const piece = this.buffer.subarray(0, Math.min(left, this.buffer.length));
      this.buffer = this.buffer.subarray(piece.length);
      this.consumed += piece.length;
      left -= piece.length;
      yield piece;
    }
  }

  /** Lets the source go (closes a file stream) when reading stops early; harmless after the end. */
  async release(): Promise<void> {
    this.finished = true;
    await this.iterator.return?.();
  }

  /** True when the input has no more bytes. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** Reads an identifier and length; `limit` is the enclosing definite value's end, if any. */
  async header(limit: number | null, what: string): Promise<Header> {
    const first = await this.take(2, what);
    const tag = first[0];
    if (tag === 0) throw malformed(`${what}: end-of-contents where an element belongs`, this.offset - 2);
    if ((tag & 0x1f) === 0x1f)
      throw malformed(`${what}: high tag numbers are not used in CMS`, this.offset - 2);
    const constructed = (tag & 0x20) !== 0;
    let length: number | null;
    let bytes = first;
    if (first[1] < 0x80) length = first[1];
    else if (first[1] === 0x80) {
      if (!constructed) throw malformed(`${what}: indefinite length on a primitive`, this.offset);
      length = null;
    } else {
      const n = first[1] & 0x7f;
      if (n > MAX_LENGTH_OCTETS) throw malformed(`${what}: length too large`, this.offset);
      const octets = await this.take(n, what);
      length = octets.readUIntBE(0, n);
      bytes = Buffer.concat([first, octets]);
    }
    const end = length === null ? null : this.offset + length;
    if (limit !== null && (this.offset > limit || (end !== null && end > limit)))
      throw malformed(`${what} runs past its container`, this.offset);
    return { tag, constructed, length, bytes, end };
  }

  /** Reads a header and checks its identifier octet. */
  async expect(tag: number, limit: number | null, what: string): Promise<Header> {
    const header = await this.header(limit, what);
    if (header.tag !== tag)
      throw malformed(`${what}: expected tag 0x${tag.toString(16)}, found 0x${header.tag.toString(16)}`);
    return header;
  }

  /**
   * Whether the constructed element has more children. For the indefinite form this consumes the
   * end-of-contents octets when it answers false, so call it once per child and once at the end.
   */
  async more(frame: Header): Promise<boolean> {
    if (frame.end !== null) {
      if (this.offset > frame.end) throw malformed('an element runs past its container', this.offset);
      return this.offset < frame.end;
    }
    if (!(await this.fill(2))) throw malformed('input ends inside an indefinite-length element', this.offset);
    if (this.buffer[0] === 0 && this.buffer[1] === 0) {
      await this.take(2, 'end-of-contents');
      return false;
    }
    return true;
  }

  /** Requires the constructed element to end here. */
  async close(frame: Header, what: string): Promise<void> {
    if (await this.more(frame)) throw malformed(`${what} has unexpected elements at its end`, this.offset);
  }

  /** A whole element (header included) as raw BER bytes, refusing more than maxBytes. */
  async element(
    limit: number | null,
    maxBytes: number,
    what: string,
  ): Promise<{ header: Header; raw: Buffer }> {
    const header = await this.header(limit, what);
    return { header, raw: await this.rest(header, limit, maxBytes, what, 0) };
  }

  /** The rest of an element whose header was read: raw BER bytes, header included. */
  async rest(
    header: Header,
    limit: number | null,
    maxBytes: number,
    what: string,
    depth = 0,
  ): Promise<Buffer> {
    if (header.length !== null) {
      if (header.bytes.length + header.length > maxBytes) throw malformed(`${what} is larger than allowed`);
      return Buffer.concat([header.bytes, await this.take(header.length, what)]);
    }
    if (depth >= MAX_DEPTH) throw malformed(`${what} is nested too deeply`, this.offset);
    const parts = [header.bytes];
    let size = header.bytes.length + EOC.length;
    while (await this.more(header)) {
      const child = await this.header(limit, what);
      const raw = await this.rest(child, limit, maxBytes - size, what, depth + 1);
      parts.push(raw);
      size += raw.length;
    }
    if (size > maxBytes) throw malformed(`${what} is larger than allowed`);
    parts.push(EOC);
    return Buffer.concat(parts, size);
  }

  /** The octets of an OCTET STRING (primitive, or constructed chunks at any depth), streamed. */
  async *octets(header: Header, what: string, depth = 0): AsyncGenerator<Buffer> {
    if (!header.constructed) {
      yield* this.stream(header.length ?? 0, what);
      return;
    }
    if (depth >= MAX_DEPTH) throw malformed(`${what} is nested too deeply`, this.offset);
    while (await this.more(header)) {
      const chunk = await this.header(header.end, what);
      if ((chunk.tag & 0xdf) !== 0x04)
        throw malformed(`${what}: a chunk is not an OCTET STRING`, this.offset);
      yield* this.octets(chunk, what, depth + 1);
    }
  }

  /** Skips one element whose header was read (an optional field this library does not use). */
  async skip(header: Header, limit: number | null, what: string, depth = 0): Promise<void> {
    if (header.length !== null) {
      for await (const piece of this.stream(header.length, what)) void piece;
      return;
    }
    if (depth >= MAX_DEPTH) throw malformed(`${what} is nested too deeply`, this.offset);
    while (await this.more(header)) await this.skip(await this.header(limit, what), limit, what, depth + 1);
  }
}
