// Reading a bag out of a package as it streams (tar-stream): every entry's path checked (relative, no
// `..`, no absolute or drive paths, regular files only, no duplicates), hashed, and — when importing —
// written into a private folder; then the bag checked whole against its manifests (every digest, no file
// missing, no file extra). Nothing is trusted until both this and the signature say so.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import tar from 'tar-stream';
import { EngineError } from '../kernel/engine-error';
import { DATA_FILES, TAG_FILES } from './bag-content';

const TAG_LIMIT = 1 << 20;

const bagInvalid = (detail: string, where: string) => new EngineError('BAG_INVALID', { detail, where });

/** A tar member's name as a bag path, or the reason it is refused. */
function bagPath(raw: string): string {
  const name = raw.replace(/^(\.\/)+/, '');
  if (name === '' || name === '.') return '';
  if (name.includes('\0')) throw bagInvalid('a NUL in a path', JSON.stringify(raw));
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\'))
    throw bagInvalid('an absolute path', raw);
  if (name.split('/').some((part) => part === '..')) throw bagInvalid('a path that climbs out (..)', raw);
  return name.replace(/\/+$/, '');
}

export interface BagFile {
  bytes: number;
  sha256: string;
}

export class BagReader {
  readonly files = new Map<string, BagFile>();
  private readonly tags = new Map<string, Buffer>();
  readonly preview: Array<Record<string, string | number | null>> = [];
  private readonly extract = tar.extract();
  private lines = 0;

  /** The first thing wrong with the bag; once set, the rest of the stream is read and discarded. */
  private failure: unknown = null;
  private readonly sink: Writable;
  /** The entry being read, so an abort can wait for it before its folder is removed. */
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly options: { dir: string | null; previewRows: number }) {
    this.extract.on('error', (error: unknown) => {
      this.failure ??= error;
    });
    this.extract.on('entry', (header, stream, next) => {
      this.current = this.entry(header, stream as unknown as AsyncIterable<Buffer>).then(
        () => next(),
        (error: unknown) => {
          this.failure ??= error;
          this.extract.destroy(error as Error);
        },
      );
    });
    // The decrypted, not yet verified stream goes here. It never fails the stream: a bad bag is reported
    // only after the envelope and the signature have had their say (an altered package is "tampered",
    // not "a bad bag"), so after a failure the rest is simply read and dropped.
    this.sink = new Writable({
      highWaterMark: 1 << 16,
      write: (chunk: Buffer, _encoding, done) => {
        if (this.failure || this.extract.destroyed) return done();
        if (this.extract.write(chunk)) return done();
        const settle = () => {
          this.extract.off('drain', settle);
          this.extract.off('close', settle);
          done();
        };
        this.extract.on('drain', settle);
        this.extract.on('close', settle);
      },
    });
  }

  get writable(): Writable {
    return this.sink;
  }

  /** The records in data/customers.jsonl (its lines). */
  get records(): number {
    return this.lines;
  }

  tag(name: string): Buffer | undefined {
    return this.tags.get(name);
  }

  private async entry(header: tar.Header, stream: AsyncIterable<Buffer>): Promise<void> {
    const name = bagPath(header.name);
    if (header.type === 'directory' || name === '') {
      for await (const _ of stream) void _;
      return;
    }
    if (header.type !== 'file' && header.type !== 'contiguous-file')
      throw bagInvalid(`not a regular file (${header.type})`, name);
    if (this.files.has(name)) throw bagInvalid('the same path twice', name);
    const isTag = !name.includes('/');
    const hash = createHash('sha256');
    const keep: Buffer[] = [];
    let bytes = 0;
    let out: ReturnType<typeof createWriteStream> | null = null;
    if (this.options.dir && name.startsWith('data/') && !this.failure) {
      const target = resolve(this.options.dir, name);
      if (!target.startsWith(resolve(this.options.dir) + sep))
        throw bagInvalid('a path that climbs out', name);
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
    }
    const jsonl = name === 'data/customers.jsonl';
    let partial = '';
    for await (const chunk of stream) {
      hash.update(chunk);
      bytes += chunk.length;
      if (isTag) {
        if (bytes > TAG_LIMIT) throw bagInvalid('a tag file larger than 1 MiB', name);
        keep.push(chunk);
      }
      if (jsonl) {
        for (const b of chunk) if (b === 0x0a) this.lines++;
        if (this.preview.length < this.options.previewRows)
          partial = this.takePreview(partial + chunk.toString('utf8'));
      }
      if (out && !out.write(chunk)) await new Promise<void>((r) => out!.once('drain', () => r()));
    }
    if (out) {
      out.end();
      await finished(out);
    }
    this.files.set(name, { bytes, sha256: hash.digest('hex') });
    if (isTag) this.tags.set(name, Buffer.concat(keep));
  }

  private takePreview(text: string): string {
    let rest = text;
    for (
      let i = rest.indexOf('\n');
      i >= 0 && this.preview.length < this.options.previewRows;
      i = rest.indexOf('\n')
    ) {
      try {
        this.preview.push(JSON.parse(rest.slice(0, i)) as Record<string, string | number | null>);
      } catch {
        throw bagInvalid('a line that is not JSON', 'data/customers.jsonl');
      }
      rest = rest.slice(i + 1);
    }
    return this.preview.length < this.options.previewRows ? rest : '';
  }

  /** After the stream (and its verification): waits for the last entry; throws what was wrong with the bag. */
  async finish(): Promise<void> {
    if (!this.failure && !this.extract.destroyed) {
      await new Promise<void>((resolve) => {
        this.extract.once('close', () => resolve());
        this.extract.end(() => undefined);
      });
    }
    const failure = this.failure;
    if (failure instanceof EngineError) throw failure;
    if (failure)
      throw bagInvalid(`not a readable tar archive (${(failure as Error).message ?? failure})`, 'bag.tar');
  }

  /** Stops reading (after any failure): no file is opened after this resolves. */
  async abort(): Promise<void> {
    this.failure ??= new Error('aborted');
    this.extract.destroy();
    await this.current.catch(() => undefined);
  }

  /** The bag whole: bagit.txt, every manifest line, nothing missing, nothing extra, Payload-Oxum. */
  check(): Record<string, string> {
    const bagit = this.tags.get('bagit.txt')?.toString('utf8');
    if (!bagit || !/^BagIt-Version: (1\.0|0\.97)\r?$/m.test(bagit))
      throw bagInvalid('no bagit.txt of BagIt 1.0', 'bagit.txt');
    const info = parseBagInfo(this.tags.get('bag-info.txt')?.toString('utf8') ?? '');
    const listed = this.checkManifest('manifest-sha256.txt', (path) => path.startsWith('data/'));
    for (const path of this.files.keys()) {
      if (path.startsWith('data/') && !listed.has(path))
        throw bagInvalid('a file the manifest does not list', path);
      if (!path.startsWith('data/') && !(TAG_FILES as readonly string[]).includes(path))
        throw bagInvalid('a file that does not belong in the bag', path);
    }
    for (const required of DATA_FILES)
      if (!this.files.has(required)) throw bagInvalid('a file is missing', required);
    if (this.tags.has('tagmanifest-sha256.txt'))
      this.checkManifest(
        'tagmanifest-sha256.txt',
        (path) => !path.includes('/') && path !== 'tagmanifest-sha256.txt',
      );
    const oxum = info['Payload-Oxum'];
    if (oxum) {
      const data = [...this.files].filter(([path]) => path.startsWith('data/'));
      const actual = `${data.reduce((n, [, f]) => n + f.bytes, 0)}.${data.length}`;
      if (oxum !== actual) throw bagInvalid(`Payload-Oxum ${oxum}, found ${actual}`, 'bag-info.txt');
    }
    const records = info['Closeout-Records'];
    if (records && Number(records) !== this.lines)
      throw bagInvalid(`bag-info says ${records} records, customers.jsonl has ${this.lines}`, 'bag-info.txt');
    return info;
  }

  private checkManifest(name: string, allowed: (path: string) => boolean): Set<string> {
    const text = this.tags.get(name)?.toString('utf8');
    if (text === undefined) throw bagInvalid('a file is missing', name);
    const listed = new Set<string>();
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      if (line.trim() === '') continue;
      const match = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line);
      if (!match) throw bagInvalid(`line ${i + 1} is not "<sha256>  <path>"`, name);
      const path = bagPath(match[2]);
      if (!allowed(path)) throw bagInvalid(`it lists ${path}`, name);
      const file = this.files.get(path);
      if (!file) throw bagInvalid('a file is missing', path);
      if (file.sha256 !== match[1].toLowerCase())
        throw bagInvalid('its SHA-256 differs from the manifest', path);
      listed.add(path);
    }
    return listed;
  }
}

function parseBagInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([^:\s][^:]*):\s?(.*)$/.exec(line);
    if (match) out[match[1].trim()] = match[2].trim();
  }
  return out;
}
