// import.deleteSource overwrites and deletes a plaintext source through one open descriptor: never
// through a link, never a file swapped in after it was checked; the wipe's form of the same overwrite
// says what it did instead of throwing. Real files, a real import, real links.
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  overwriteAndDelete,
  overwriteAndUnlink,
  withOpenedFile,
} from '../../../../electron/core/util/wipe-file';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(60_000);

const CSV = '客户名称,联系电话\n张伟,13800138000\n李娜,13900139000\n';
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

let v: VaultFixture;

beforeAll(async () => {
  v = await makeVault();
  const source = join(v.dir, 'imported.csv');
  writeFileSync(source, CSV);
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: source } }] }));
});
afterAll(() => v.remove());

/** A fresh copy of the imported file (same bytes, so the same SHA-256 as the recorded source). */
function copyOfSource(name: string): string {
  const file = join(v.dir, name);
  writeFileSync(file, CSV);
  return file;
}

it('overwrites the file itself (every name of it reads random bytes) and unlinks it', async () => {
  const file = copyOfSource('to-delete.csv');
  const otherName = join(v.dir, 'to-delete-hard-link.csv');
  linkSync(file, otherName);
  const deleted = unwrap(await v.engine.call('import.deleteSource', { file: { path: file } }));
  expect(deleted).toMatchObject({ path: file, bytes: Buffer.byteLength(CSV), ssdCaveat: true });
  expect(existsSync(file)).toBe(false);
  const after = readFileSync(otherName);
  expect(after.length).toBe(Buffer.byteLength(CSV));
  expect(after.includes(Buffer.from('张伟'))).toBe(false);
  expect(after.equals(Buffer.alloc(after.length))).toBe(false); // random data, not zeros
});

it('refuses a symbolic link to the source: the file it points at keeps every byte', async () => {
  const target = copyOfSource('real-source.csv');
  const link = join(v.dir, 'link-to-source.csv');
  symlinkSync(target, link);
  expect(codeOf(await v.engine.call('import.deleteSource', { file: { path: link } }))).toBe(
    'FILE_IS_SYMLINK',
  );
  expect(readFileSync(target, 'utf8')).toBe(CSV);
  expect(readlinkSync(link)).toBe(target);
});

it('refuses a file Closeout manages, whatever its contents', async () => {
  const before = sha(readFileSync(`${v.file}.keys`));
  expect(codeOf(await v.engine.call('import.deleteSource', { file: { path: `${v.file}.keys` } }))).toBe(
    'FILE_MANAGED',
  );
  expect(sha(readFileSync(`${v.file}.keys`))).toBe(before);
});

it('a file that is not a source is neither overwritten nor deleted', async () => {
  const file = join(v.dir, 'not-a-source.csv');
  writeFileSync(file, 'something else\n');
  expect(codeOf(await v.engine.call('import.deleteSource', { file: { path: file } }))).toBe(
    'IMPORT_SOURCE_UNKNOWN',
  );
  expect(readFileSync(file, 'utf8')).toBe('something else\n');
});

it('once opened, a file renamed over the path is neither overwritten nor deleted (FILE_CHANGED)', async () => {
  const file = copyOfSource('swapped.csv');
  const replacement = join(v.dir, 'replacement.csv');
  writeFileSync(replacement, 'a different file\n');
  await expect(
    withOpenedFile(file, async (opened) => {
      renameSync(replacement, file); // another file now has the name that was checked
      overwriteAndUnlink(opened);
    }),
  ).rejects.toMatchObject({ code: 'FILE_CHANGED' });
  expect(readFileSync(file, 'utf8')).toBe('a different file\n');
});

it('once opened, a link planted in its place is neither followed nor removed (FILE_CHANGED)', async () => {
  const file = copyOfSource('replaced-by-link.csv');
  const precious = join(v.dir, 'precious.txt');
  writeFileSync(precious, 'keep me\n');
  await expect(
    withOpenedFile(file, async (opened) => {
      renameSync(file, join(v.dir, 'moved-away.csv'));
      symlinkSync(precious, file);
      overwriteAndUnlink(opened);
    }),
  ).rejects.toMatchObject({ code: 'FILE_CHANGED' });
  expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
  expect(readlinkSync(file)).toBe(precious);
});

describe("the wipe's form: overwriteAndDelete says what it did", () => {
  it('overwrites a file whose SHA-256 is the expected one, leaving no name behind', () => {
    const file = copyOfSource('wipe-form.csv');
    const otherName = join(v.dir, 'wipe-form-link.csv');
    linkSync(file, otherName);
    const outcome = overwriteAndDelete(file, { expectSha256: sha(CSV) });
    expect(outcome).toMatchObject({ result: 'overwritten', bytes: Buffer.byteLength(CSV), sha256: sha(CSV) });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(otherName).includes(Buffer.from('张伟'))).toBe(false);
  });

  it('leaves a changed file alone, reports a missing one, and refuses a link', () => {
    const file = copyOfSource('wipe-form-changed.csv');
    expect(overwriteAndDelete(file, { expectSha256: sha('other bytes') })).toMatchObject({
      result: 'changed',
      sha256: sha(CSV),
    });
    expect(readFileSync(file, 'utf8')).toBe(CSV);
    expect(overwriteAndDelete(join(v.dir, 'never-written.csv'))).toMatchObject({ result: 'missing' });
    const link = join(v.dir, 'wipe-form-link-to.csv');
    symlinkSync(file, link);
    expect(overwriteAndDelete(link)).toMatchObject({ result: 'failed' });
    expect(readFileSync(file, 'utf8')).toBe(CSV);
    expect(readlinkSync(link)).toBe(file);
  });
});
