// The bag as a tar (ustar, with pax headers where a name needs them), streamed for signing, and read back
// from a file with every entry's name kept, so a check names what it found. tar-stream does the format.
import { createReadStream } from 'node:fs';
import tar from 'tar-stream';
import type { BagEntry } from './bag';

/** The entries as a tar stream, each under `<root>/`, with a fixed time so the same bag makes the same tar. */
export function tarOf(root: string, entries: readonly BagEntry[], mtime: Date): AsyncIterable<Buffer> {
  const pack = tar.pack();
  for (const e of entries)
    pack.entry({ name: `${root}/${e.path}`, size: e.content.length, mtime, mode: 0o644 }, e.content);
  pack.finalize();
  return pack as unknown as AsyncIterable<Buffer>;
}

export interface ReadTar {
  /** By path inside the tar. */
  files: Map<string, Buffer>;
  /** Set when the tar could not be read to its end: the last entry read before the break. */
  broken: { after: string | null; reason: string } | null;
}

const MAX_TOTAL = 2 * 1024 * 1024 * 1024;

export async function readTar(path: string): Promise<ReadTar> {
  const files = new Map<string, Buffer>();
  let last: string | null = null;
  let total = 0;
  const extract = tar.extract();
  const done = new Promise<ReadTar>((resolve) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (data: unknown) => {
        const c = data as Buffer;
        total += c.length;
        if (total > MAX_TOTAL) extract.destroy(new Error('larger than 2 GiB'));
        else chunks.push(c);
      });
      stream.on('end', () => {
        if (header.type === 'file') files.set(header.name, Buffer.concat(chunks));
        last = header.name;
        next();
      });
      stream.resume();
    });
    extract.on('finish', () => resolve({ files, broken: null }));
    extract.on('error', (error: Error) => resolve({ files, broken: { after: last, reason: error.message } }));
  });
  const source = createReadStream(path);
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  return done;
}
