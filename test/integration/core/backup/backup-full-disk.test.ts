// A full destination, for real: small tmpfs file systems mounted by the test (root only). A vault larger
// than the disk is refused before anything is written; a disk that runs out part-way (no inodes left for
// the manifest or its signature) gives one clear BACKUP_NO_SPACE and leaves no partial file behind. The
// live vault is untouched either way. Where mounting is not permitted the tests say so in their names and
// output and are reported as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { fillScratch, keyOf, withRawVault } from './backup-support';
import { openVaultDatabase } from '../../../../electron/core/vault/database';

jest.setTimeout(120_000);

const root = tempDir('closeout-full-disk-');
const mounted: string[] = [];

/** Mounts a tmpfs at a new folder; null (with the reason) where this machine does not allow it. */
function mountTmpfs(name: string, options: string): { dir: string } | { problem: string } {
  const dir = join(root.path, name);
  mkdirSync(dir);
  if (process.getuid?.() !== 0) return { problem: 'not running as root' };
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.error || run.status !== 0)
    return { problem: (run.error?.message ?? run.stderr.trim()) || `mount exited ${run.status}` };
  mounted.push(dir);
  return { dir };
}

const small = mountTmpfs('small', 'size=2m,mode=0700');
const inodeLimited = [2, 3].map((n) => ({ n, mount: mountTmpfs(`inodes-${n}`, `size=64m,nr_inodes=${n}`) }));
const problem = 'problem' in small ? small.problem : null;
if (problem)
  console.log(`backup full-destination tests NOT RUN: cannot mount a tmpfs here (${problem}); run as root`);
const maybe = problem ? test.skip : test;
const label = problem ? ` — NOT RUN: cannot mount a tmpfs (${problem})` : '';

let v: VaultFixture;
/**
 * The vault file's SHA-256 with every committed page in it: a backup may checkpoint the WAL into the file
 * (it copies the file), which moves bytes but changes nothing in the vault; anything else would show.
 */
function vaultSha(): string {
  const db = openVaultDatabase(v.file, keyOf(v));
  try {
    const [state] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    expect(state.busy).toBe(0);
  } finally {
    db.close();
  }
  return createHash('sha256').update(readFileSync(v.file)).digest('hex');
}

beforeAll(async () => {
  if (problem) return;
  v = await makeVault();
  await withRawVault(v, (db) => fillScratch(db, 40_000)); // several MiB: larger than the 2 MiB disk
}, 120_000);

afterAll(async () => {
  await v?.remove();
  for (const dir of mounted.reverse()) spawnSync('umount', [dir]);
  root.remove();
});

maybe(`a vault larger than the destination disk is refused before anything is written${label}`, async () => {
  const dir = (small as { dir: string }).dir;
  const before = vaultSha();
  const backupsBefore = unwrap(await v.engine.call('backup.list', {})).length;
  expect(readFileSync(v.file).length).toBeGreaterThan(2 * 1024 * 1024);
  const res = await v.engine.call('backup.create', { dir: { path: dir } });
  expect(res.ok ? 'ok' : res.error.code).toBe('BACKUP_NO_SPACE');
  if (!res.ok) expect(res.error.message).toMatch(/MiB/);
  expect(readdirSync(dir)).toEqual([]);
  expect(vaultSha()).toBe(before);
  expect(unwrap(await v.engine.call('backup.list', {})).length).toBe(backupsBefore);
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
});

maybe.each(inodeLimited)(
  `a disk that fills part-way (tmpfs with room for $n files) gives BACKUP_NO_SPACE and no partial file${label}`,
  async ({ mount }) => {
    if (!('dir' in mount)) throw new Error(`could not mount: ${mount.problem}`);
    const before = vaultSha();
    const backupsBefore = unwrap(await v.engine.call('backup.list', {})).length;
    const res = await v.engine.call('backup.create', { dir: { path: mount.dir } });
    expect(res.ok ? 'ok' : res.error.code).toBe('BACKUP_NO_SPACE');
    expect(readdirSync(mount.dir)).toEqual([]);
    expect(vaultSha()).toBe(before);
    expect(unwrap(await v.engine.call('backup.list', {})).length).toBe(backupsBefore);
    expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
  },
);
