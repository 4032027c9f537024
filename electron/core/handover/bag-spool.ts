// A data file of the bag while the package is being built: its plaintext is written once, in order,
// encrypted with a key that lives only in this object (AES-256-GCM), to a temporary file beside the
// package — so memory stays flat, no customer value rests on disk in the clear, and the file's size and
// SHA-256 are known before the tar needs them. Read back once (the GCM tag checked at the end), then deleted.
import { createCipheriv, createDecipheriv, createHash, randomBytes, type CipherGCM } from 'node:crypto';
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class Spool {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(12);
  private readonly cipher: CipherGCM;
  private readonly hash = createHash('sha256');
  private fd: number | null;
  private pending: string[] = [];
  private pendingLength = 0;
  private tag: Buffer | null = null;
  private size = 0;
  private digest: string | null = null;

  constructor(readonly path: string) {
    this.cipher = createCipheriv('aes-256-gcm', this.key, this.iv);
    this.fd = openSync(path, 'wx', 0o600);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0 || this.fd === null) return;
    const plain = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(plain);
    this.size += plain.length;
    this.writeAll(this.cipher.update(plain));
  }

  private writeAll(bytes: Buffer): void {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd!, bytes, offset, bytes.length - offset);
  }

  /** Ends writing: the plaintext's size and SHA-256 (hex). */
  finish(): { bytes: number; sha256: string } {
    if (this.digest === null) {
      this.flush();
      this.writeAll(this.cipher.final());
      this.tag = this.cipher.getAuthTag();
      closeSync(this.fd!);
      this.fd = null;
      this.digest = this.hash.digest('hex');
    }
    return { bytes: this.size, sha256: this.digest };
  }

  /** The plaintext again, streamed; throws at the end if the temporary file was altered meanwhile. */
  async *read(): AsyncGenerator<Buffer> {
    if (!this.tag) throw new Error('spool read before finish');
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.iv);
    decipher.setAuthTag(this.tag);
    for await (const chunk of createReadStream(this.path, { highWaterMark: FLUSH_AT })) {
      const plain = decipher.update(chunk as Buffer);
      if (plain.length > 0) yield plain;
    }
    const last = decipher.final();
    if (last.length > 0) yield last;
  }

  remove(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.path, { force: true });
    this.key.fill(0);
  }
}
