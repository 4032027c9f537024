// BagIt (RFC 8493) bags, as the evidence pack holds one: payload under data/, bagit.txt, bag-info.txt,
// manifest-sha256.txt (written as `sha256sum` writes, so `sha256sum -c manifest-sha256.txt` checks it in
// the bag's folder) and tagmanifest-sha256.txt; and checking one, naming every file that changed, is
// missing or is not listed.
import { createHash } from 'node:crypto';
import { csvLine, UTF8_BOM } from '../../../shared/csv';
import type { EvidenceProblem } from '../../../shared/contract';

export interface BagEntry {
  /** Path inside the bag, e.g. data/ropa/ropa.json. */
  path: string;
  content: Buffer;
}

/** A bag file's content: JSON (2-space indented, newline-terminated), or CSV (UTF-8 with BOM, CRLF). */
export const jsonContent = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
export const csvContent = (header: unknown[], rows: unknown[][]) =>
  Buffer.from(UTF8_BOM + csvLine(header) + rows.map((r) => csvLine(r)).join(''), 'utf8');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const manifestOf = (entries: readonly BagEntry[]) =>
  entries.map((e) => `${sha256(e.content)}  ${e.path}\n`).join('');

/** A path safe in a bag, a tar and a `sha256sum` manifest: no spaces, separators or control characters. */
export function safeName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return cleaned || fallback;
}

/** The payload with the tag files a bag needs, every path under the bag's own folder name. */
export function buildBag(
  payload: readonly BagEntry[],
  info: ReadonlyArray<readonly [string, string]>,
): BagEntry[] {
  const sorted = [...payload].sort((a, b) => a.path.localeCompare(b.path));
  const bytes = sorted.reduce((n, e) => n + e.content.length, 0);
  const bagit = Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n', 'utf8');
  const bagInfo = Buffer.from(
    [...info, ['Payload-Oxum', `${bytes}.${sorted.length}`] as const]
      .map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`)
      .join(''),
    'utf8',
  );
  const manifest = Buffer.from(manifestOf(sorted), 'utf8');
  const tags: BagEntry[] = [
    { path: 'bagit.txt', content: bagit },
    { path: 'bag-info.txt', content: bagInfo },
    { path: 'manifest-sha256.txt', content: manifest },
  ];
  const tagManifest = Buffer.from(manifestOf(tags), 'utf8');
  return [...tags, { path: 'tagmanifest-sha256.txt', content: tagManifest }, ...sorted];
}

export function parseBagInfo(content: Buffer | undefined): Map<string, string> {
  const info = new Map<string, string>();
  for (const line of (content?.toString('utf8') ?? '').split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return info;
}

function parseManifest(content: Buffer): Array<{ hash: string; path: string }> | null {
  const lines = content
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const out: Array<{ hash: string; path: string }> = [];
  for (const line of lines) {
    const m = /^([0-9a-f]{64}) [ *]?(.+)$/.exec(line);
    if (!m) return null;
    out.push({ hash: m[1], path: m[2] });
  }
  return out;
}

/** Every problem of a bag whose files are given by path inside it (without the bag's folder name). */
export function checkBag(files: ReadonlyMap<string, Buffer>): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  const bagit = files.get('bagit.txt');
  if (!bagit || !/^BagIt-Version: 1\.\d+/m.test(bagit.toString('utf8')))
    problems.push({
      file: 'bagit.txt',
      problem: bagit ? 'changed' : 'missing',
      detail: 'not a BagIt declaration',
    });
  const check = (manifestName: string, within: (path: string) => boolean) => {
    const content = files.get(manifestName);
    if (!content) {
      problems.push({ file: manifestName, problem: 'missing', detail: 'the manifest is not in the bag' });
      return;
    }
    const lines = parseManifest(content);
    if (!lines) {
      problems.push({ file: manifestName, problem: 'changed', detail: 'a line is not "<sha256>  <path>"' });
      return;
    }
    const listed = new Set(lines.map((l) => l.path));
    for (const { hash, path } of lines) {
      const file = files.get(path);
      if (!file) problems.push({ file: path, problem: 'missing', detail: `listed in ${manifestName}` });
      else if (sha256(file) !== hash)
        problems.push({ file: path, problem: 'changed', detail: `SHA-256 differs from ${manifestName}` });
    }
    for (const path of files.keys())
      if (within(path) && !listed.has(path))
        problems.push({ file: path, problem: 'unlisted', detail: `not in ${manifestName}` });
  };
  check('manifest-sha256.txt', (p) => p.startsWith('data/'));
  check('tagmanifest-sha256.txt', (p) => !p.startsWith('data/') && p !== 'tagmanifest-sha256.txt');
  const oxum = parseBagInfo(files.get('bag-info.txt')).get('Payload-Oxum');
  const payload = [...files].filter(([p]) => p.startsWith('data/'));
  const actual = `${payload.reduce((n, [, b]) => n + b.length, 0)}.${payload.length}`;
  if (oxum && oxum !== actual)
    problems.push({
      file: 'bag-info.txt',
      problem: 'changed',
      detail: `Payload-Oxum ${oxum}, the payload is ${actual}`,
    });
  return problems;
}
