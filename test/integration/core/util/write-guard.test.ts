// No write ever lands on a file Closeout manages, nor through a symbolic link: every writer refuses with
// one catalogue error naming the file, and the managed files keep every byte. Real vaults, real backups,
// real links on disk.
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { guardWrite } from '../../../../electron/core/util/write-guard';
import type { OpResult } from '../../../../shared/contract';
import { tempDir } from '../../helpers';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(60_000); // Argon2id slots and backups on a loaded 2-core machine

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let backup: OpResult<'backup.create'>;
let second: string;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const codeOf = (res: { ok: boolean; error?: { code: string; message: string } }) =>
  res.ok ? 'ok' : res.error?.code;

/** What must never change: the vaults, their keyrings, the backup and its manifest, the registry. */
function managedBytes(): Record<string, string> {
  const files = [
    v.file,
    `${v.file}.keys`,
    second,
    `${second}.keys`,
    backup.path,
    backup.manifestPath,
    backup.signaturePath,
    join(v.dataDir, 'vaults.json'),
  ];
  return Object.fromEntries(files.map((f) => [f, sha(f)]));
}

async function exportTo(path: string) {
  return v.engine.call('records.export', { format: 'csv', file: { path } });
}

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-guard-');
  backup = unwrap(await v.engine.call('backup.create', { dir: { path: out.path } }));
  // A second registered vault (not the open one): creating it opens it; then the first again.
  second = join(out.path, 'second.cvault');
  unwrap(
    await v.engine.call('vault.create', {
      file: { path: second },
      details: { clientName: '第二家公司' },
      owner: { name: 'owner', passphrase: OWNER_PASS },
    }),
  );
  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  // Settle the WAL so the vault file's bytes are what the tests compare.
  await v.engine.call('vault.lock', {});
  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
});
afterAll(async () => {
  await v.remove();
  out.remove();
});

describe('records.export refuses every managed file and every link, changing no byte', () => {
  const cases: Array<[string, () => string, string]> = [
    ['the open vault', () => v.file, 'FILE_MANAGED'],
    ['its keyring', () => `${v.file}.keys`, 'FILE_MANAGED'],
    ['its WAL', () => `${v.file}-wal`, 'FILE_MANAGED'],
    ['a backup of it', () => backup.path, 'FILE_MANAGED'],
    ["that backup's signed manifest", () => backup.manifestPath, 'FILE_MANAGED'],
    ['the registry', () => join(v.dataDir, 'vaults.json'), 'FILE_MANAGED'],
    ['another registered vault', () => second, 'FILE_MANAGED'],
    ["another registered vault's keyring", () => `${second}.keys`, 'FILE_MANAGED'],
  ];
  it.each(cases)('onto %s', async (_what, target, code) => {
    const before = managedBytes();
    const res = await exportTo(target());
    expect(codeOf(res)).toBe(code);
    if (!res.ok) expect(res.error.message).toContain(target());
    expect(managedBytes()).toEqual(before);
  });

  it('to a symbolic link pointing at the vault', async () => {
    const before = managedBytes();
    const link = join(out.path, 'records.csv');
    symlinkSync(v.file, link);
    expect(codeOf(await exportTo(link))).toBe('FILE_IS_SYMLINK');
    expect(managedBytes()).toEqual(before);
    expect(readlinkSync(link)).toBe(v.file);
  });

  it('to a symbolic link pointing at an ordinary file (a link planted in a download folder)', async () => {
    const downloads = join(out.path, 'downloads');
    mkdirSync(downloads);
    const precious = join(out.path, 'precious.txt');
    writeFileSync(precious, 'do not overwrite me\n');
    const link = join(downloads, 'closeout-records.csv');
    symlinkSync(precious, link);
    expect(codeOf(await exportTo(link))).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(precious, 'utf8')).toBe('do not overwrite me\n');
    expect(readlinkSync(link)).toBe(precious);
    expect(readdirSync(downloads)).toEqual(['closeout-records.csv']); // no temp file left behind
  });

  it('to the vault named through a linked folder, or through a hard link elsewhere', async () => {
    const before = managedBytes();
    const folderLink = join(out.path, 'vaults-link');
    symlinkSync(dirname(v.file), folderLink);
    expect(codeOf(await exportTo(join(folderLink, basename(v.file))))).toBe('FILE_MANAGED');
    const hard = join(out.path, 'hard-link.csv');
    linkSync(v.file, hard);
    expect(codeOf(await exportTo(hard))).toBe('FILE_MANAGED');
    expect(managedBytes()).toEqual(before);
  });

  it('an ordinary new file is written', async () => {
    const target = join(out.path, 'ok.csv');
    expect(unwrap(await exportTo(target))).toMatchObject({ path: target, count: 0 });
    expect(readFileSync(target, 'utf8')).toMatch(/^\uFEFF/);
  });
});

describe('every other writer uses the same guard', () => {
  it('import.exportQuarantine: onto the keyring, or through a link', async () => {
    const before = managedBytes();
    const res = await v.engine.call('import.exportQuarantine', { out: { path: `${v.file}.keys` } });
    expect(codeOf(res)).toBe('FILE_MANAGED');
    const link = join(out.path, 'quarantine.csv');
    symlinkSync(join(out.path, 'nowhere.csv'), link);
    expect(codeOf(await v.engine.call('import.exportQuarantine', { out: { path: link } }))).toBe(
      'FILE_IS_SYMLINK',
    );
    expect(existsSync(join(out.path, 'nowhere.csv'))).toBe(false);
    expect(managedBytes()).toEqual(before);
  });

  it('vault.writeRecoverySheet: through a link', async () => {
    const target = join(out.path, 'sheet-target.pdf');
    const link = join(out.path, 'sheet.pdf');
    symlinkSync(target, link);
    expect(codeOf(await v.engine.call('vault.writeRecoverySheet', { out: { path: link } }))).toBe(
      'FILE_IS_SYMLINK',
    );
    expect(existsSync(target)).toBe(false);
  });

  it('backup.restore: to a link where the new vault would go', async () => {
    const before = managedBytes();
    const link = join(out.path, 'restored.cvault');
    symlinkSync(join(out.path, 'elsewhere.cvault'), link);
    const res = await v.engine.call('backup.restore', { backup: { path: backup.path }, to: { path: link } });
    expect(codeOf(res)).toBe('FILE_IS_SYMLINK');
    expect(existsSync(join(out.path, 'elsewhere.cvault'))).toBe(false);
    expect(managedBytes()).toEqual(before);
  });

  it('audit.export and the drill certificate: a link planted under the name they will write', async () => {
    const precious = join(out.path, 'precious-audit.txt');
    writeFileSync(precious, 'keep\n');
    const auditDir = join(out.path, 'audit');
    const certDir = join(out.path, 'certificates');
    mkdirSync(auditDir);
    mkdirSync(certDir);
    // Their names carry the time to the second: plant a link for each of the next seconds.
    const vaultId = unwrap(await v.engine.call('vault.session', {}))!.vaultId.slice(0, 8);
    const start = Date.now();
    for (let s = 0; s < 30; s++) {
      const at = new Date(start + s * 1000).toISOString();
      symlinkSync(
        precious,
        join(auditDir, `closeout-audit-${vaultId}-${at.slice(0, 19).replace(/[:T]/g, '-')}.csv`),
      );
      const stamp = at.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
      symlinkSync(precious, join(certDir, `closeout-restore-drill-${vaultId}-${stamp}.json`));
    }
    expect(codeOf(await v.engine.call('audit.export', { dir: { path: auditDir } }))).toBe('FILE_IS_SYMLINK');
    // The drill itself passed and is recorded; its certificate is not written through the link.
    const drill = await v.engine.call('backup.drill', {
      backup: { path: backup.path },
      certificateDir: { path: certDir },
    });
    expect(codeOf(drill)).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(precious, 'utf8')).toBe('keep\n');
  });
});

describe('guardWrite, the check itself', () => {
  it('knows the vault’s side files, pre-migration copies and the backups’ signatures; not a file merely beside them', () => {
    const scope = { vault: null, dataDir: v.dataDir };
    for (const name of ['-shm', '-journal', '.keys.tmp', '.schema-v1-2026-01-01T00-00-00-000Z.bak'])
      expect(() => guardWrite(`${v.file}${name}`, scope)).toThrow(/FILE_MANAGED|Closeout manages/);
    expect(() => guardWrite(join(dirname(v.file), 'client-records.csv'), scope)).not.toThrow();
    expect(() => guardWrite(join(out.path, 'fresh.csv'), { vault: null, dataDir: null })).not.toThrow();
  });
});
