// The copies a wipe publishes into the chosen folder (certificate, signature, PDF, deletion manifest,
// company certificate, the audit export) go through the write guard like every other output: never onto
// a file Closeout manages, never through a symbolic link — and nothing of the set is written then.
import { existsSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishFiles } from '../../../../electron/core/wipe/certificate';
import type { Journal } from '../../../../electron/core/wipe/journal';
import { bareJournal } from '../../support/wipe-journal';
import { tempDir } from '../../helpers';
import { makeVault, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(60_000);

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let journal: Journal;

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-wipe-publish-');
  journal = bareJournal(v.dataDir, {
    wipeId: '00000000-0000-4000-8000-00000000c0de',
    kind: 'records',
    vaultId: '00000000-0000-4000-8000-00000000beef',
    vaultFile: v.file,
    certificateDir: out.path,
  });
});
afterAll(async () => {
  out.remove();
  await v.remove();
});

const doc = (name: string) => ({ path: join(out.path, name), bytes: `{"name":"${name}"}\n` });

test('the journal knows its data folder (the registry the guard reads)', () => {
  expect(journal.dataDir).toBe(v.dataDir);
});

test('a copy aimed at a file Closeout manages is refused, and none of the set is written', () => {
  const wal = `${v.file}-wal`;
  const before = existsSync(wal) ? readFileSync(wal) : null;
  expect(() => publishFiles(journal, null, [doc('first.json'), { path: wal, bytes: 'x' }])).toThrow(
    expect.objectContaining({ code: 'FILE_MANAGED' }),
  );
  expect(existsSync(join(out.path, 'first.json'))).toBe(false);
  expect(existsSync(wal) ? readFileSync(wal) : null).toEqual(before);
});

test('a link planted under a copy’s name is refused, not replaced', () => {
  const elsewhere = join(out.path, 'elsewhere.txt');
  writeFileSync(elsewhere, 'keep\n');
  const link = join(out.path, 'planted.json');
  symlinkSync(join(out.path, 'not-there-yet.json'), link); // dangling: an atomic write would replace it
  expect(() => publishFiles(journal, null, [doc('planted.json')])).toThrow(
    expect.objectContaining({ code: 'FILE_IS_SYMLINK' }),
  );
  expect(readlinkSync(link)).toBe(join(out.path, 'not-there-yet.json'));
  expect(readFileSync(elsewhere, 'utf8')).toBe('keep\n');
});

test('ordinary copies are written, and publishing them again is done', () => {
  const files = [doc('cert.json'), doc('cert.json.p7s')];
  publishFiles(journal, null, files);
  publishFiles(journal, null, files);
  for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(f.bytes);
});
