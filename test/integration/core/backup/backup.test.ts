// Backup to disk, verify, restore and the restore drill, through the real engine on real files:
// encrypted vaults, real signatures, real fsyncs, no mocks.
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createEngine } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { readRegistry } from '../../../../electron/core/vault/registry';
import type { JobProgress, OpResult } from '../../../../shared/contract';
import { tempDir } from '../../helpers';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { allFiles, allRows, fillScratch, keyOf, withRawVault } from './backup-support';

jest.setTimeout(30_000); // a loaded 2-core machine

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let created: OpResult<'backup.create'>;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-backups-');
  before = await withRawVault(v, (db) => {
    fillScratch(db, 3000);
    return allRows(db);
  });
  created = unwrap(await v.engine.call('backup.create', { dir: { path: out.path } }));
}, 60_000);
afterAll(async () => {
  await v.remove();
  out.remove();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

describe('backup.create', () => {
  it('reads the new backup back from the destination and checks it before answering', () => {
    expect(created.verification).toMatchObject({ ok: true, recorded: true, path: created.path });
    const names = created.verification.checks.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['sha256', 'signature', 'pages', 'copy']));
    expect(created.verification.checks.every((c) => c.ok)).toBe(true);
  });

  it('writes the backup, its manifest and signature, and nothing else', () => {
    expect(created.path).toMatch(/杭州示例商贸有限公司-\d{8}T\d{6}Z\.cobackup$/);
    const name = created.path.split('/').pop() as string;
    expect(allFiles(out.path)).toEqual([name, `${name}.manifest.json`, `${name}.manifest.json.p7s`].sort());
    const manifest = JSON.parse(readFileSync(created.manifestPath, 'utf8'));
    expect(manifest).toMatchObject({
      format: 'closeout-backup-manifest',
      version: 2,
      vaultId: v.created.session.vaultId,
      schemaVersion: SCHEMA_VERSION,
      operator: 'owner',
      file: name,
      size: created.size,
      sha256: created.sha256,
      keySlots: 'none',
    });
    // The content digest is the restore drill's to compute (manifest version 2).
    expect(manifest).not.toHaveProperty('contentDigest');
    // The keys in the order docs/FORMATS.md gives.
    expect(Object.keys(manifest)).toEqual([
      'format',
      'version',
      'backupId',
      'vaultId',
      'clientName',
      'schemaVersion',
      'appVersion',
      'operator',
      'createdAt',
      'file',
      'size',
      'sha256',
      'rowCounts',
      'auditHead',
      'keySlots',
      'certificatePem',
      'keyGeneration',
      'signedHead',
    ]);
    expect(manifest.rowCounts).toMatchObject({ scratch: 3000, backups: 0, users: 1 });
    expect(manifest.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(readFileSync(created.signaturePath, 'utf8')).toContain('BEGIN PKCS7');
  });

  it('records the copy in the backups table, the audit chain (no path) and the registry', async () => {
    const list = unwrap(await v.engine.call('backup.list', {}));
    expect(list).toEqual([
      expect.objectContaining({
        id: created.backupId,
        path: created.path,
        sha256: created.sha256,
        present: true,
      }),
    ]);
    expect(list[0].volume).toBeTruthy();
    const [entry] = unwrap(await v.engine.call('audit.list', { op: 'backup.create' }));
    expect(entry.params).toEqual({ backupId: created.backupId, schemaVersion: SCHEMA_VERSION });
    expect(JSON.stringify(entry)).not.toContain(out.path);
    const reg = readRegistry(v.dataDir).find((e) => e.id === v.created.session.vaultId);
    expect(reg?.lastBackupAt).toBe(created.createdAt);
  });

  it('refuses, before writing anything, a destination that is missing, a file, inside the vault folder or read-only', async () => {
    const file = join(out.path, 'not-a-folder');
    writeFileSync(file, 'x');
    const sub = join(v.dir, 'backups');
    mkdirSync(sub);
    const ro = tempDir('closeout-ro-');
    chmodSync(ro.path, 0o555);
    // root writes into a 0555 folder anyway; /proc refuses everyone.
    const readOnly = process.getuid?.() === 0 ? '/proc' : ro.path;
    const cases: Array<[string, string]> = [
      [join(out.path, 'missing'), 'BACKUP_DEST_UNUSABLE'],
      [file, 'BACKUP_DEST_UNUSABLE'],
      [v.dir, 'BACKUP_DEST_INSIDE_VAULT'],
      [sub, 'BACKUP_DEST_INSIDE_VAULT'],
      [readOnly, 'BACKUP_DEST_UNUSABLE'],
    ];
    const vaultFolder = allFiles(v.dir);
    for (const [dir, code] of cases) {
      expect({ dir, code: codeOf(await v.engine.call('backup.create', { dir: { path: dir } })) }).toEqual({
        dir,
        code,
      });
    }
    expect(allFiles(sub)).toEqual([]);
    expect(allFiles(v.dir)).toEqual(vaultFolder);
    expect(allFiles(ro.path)).toEqual([]);
    expect(unwrap(await v.engine.call('backup.list', {}))).toHaveLength(1);
    chmodSync(ro.path, 0o755);
    ro.remove();
  });

  it('clears old debris of interrupted backups from the destination, but not fresh debris', async () => {
    const dest = tempDir('closeout-debris-');
    try {
      const old = join(dest.path, '.acme-20260101T000000Z.cobackup.0123456789ab.partial');
      const oldJournal = `${old}-journal`;
      const oldManifest = join(dest.path, '.acme-20260101T000000Z.cobackup.manifest.json.0123456789ab.tmp');
      const fresh = join(dest.path, '.acme-20260102T000000Z.cobackup.ba9876543210.partial');
      const mine = join(dest.path, '.notes.txt');
      for (const file of [old, oldJournal, oldManifest, fresh, mine]) writeFileSync(file, 'x');
      const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      for (const file of [old, oldJournal, oldManifest, mine]) utimesSync(file, longAgo, longAgo);
      const made = unwrap(await v.engine.call('backup.create', { dir: { path: dest.path } }));
      const name = made.path.split('/').pop() as string;
      expect(allFiles(dest.path)).toEqual(
        [
          name,
          `${name}.manifest.json`,
          `${name}.manifest.json.p7s`,
          '.acme-20260102T000000Z.cobackup.ba9876543210.partial',
          '.notes.txt',
        ].sort(),
      );
    } finally {
      dest.remove();
    }
  });

  it.each(['snapshot', 'copying', 'verifying', 'signing', 'writing'])(
    'cancelled during %s: no file left behind, nothing recorded',
    async (phase) => {
      const dest = tempDir('closeout-cancel-');
      const jobId = `cancel-${phase}-${Date.now()}`;
      const stop = v.engine.on((event, payload) => {
        const p = payload as JobProgress;
        if (event === 'job.progress' && p.job === jobId && p.phase === phase)
          void v.engine.call('job.cancel', { job: jobId });
      });
      const res = await v.engine.call('backup.create', { dir: { path: dest.path } }, { jobId });
      stop();
      expect(codeOf(res)).toBe('CANCELLED');
      expect(allFiles(dest.path)).toEqual([]);
      expect(unwrap(await v.engine.call('backup.list', {}))).toHaveLength(2);
      dest.remove();
    },
  );
});

describe('backup.verify', () => {
  it('passes a good backup with the open vault, pins the signer to it and records the result', async () => {
    const r = unwrap(await v.engine.call('backup.verify', { backup: { path: created.path } }));
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signer?.pinnedTo).toBe('vault');
    expect(r.recorded).toBe(true);
    expect(r.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'signature',
        'sha256',
        'pages',
        'quick_check',
        'row-counts',
        'audit-head',
        'audit-chain',
      ]),
    );
    const row = unwrap(await v.engine.call('backup.list', {})).find((b) => b.id === created.backupId);
    expect(row?.lastVerifyOk).toBe(true);
  });

  it('passes with only the recovery key (no vault open), pinning the signer to the certificate inside', async () => {
    const engine = createEngine({ dataDir: join(out.path, 'other-data'), electronVersion: null });
    try {
      const r = unwrap(
        await engine.call('backup.verify', {
          backup: { path: created.path },
          recoveryKey: v.created.recoveryKey,
        }),
      );
      expect(r.ok).toBe(true);
      expect(r.signer?.pinnedTo).toBe('backup');
      expect(r.signer?.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(r.recorded).toBe(false);
      // Without any key, and no vault unlocked, it says what it needs.
      expect(codeOf(await engine.call('backup.verify', { backup: { path: created.path } }))).toBe(
        'UNLOCK_OR_RECOVERY_KEY',
      );
    } finally {
      await engine.close();
    }
  });

  it('says clearly when a file is not a backup, was renamed, or belongs to another vault', async () => {
    const dir = tempDir('closeout-foreign-');
    try {
      const random = join(dir.path, 'random.cobackup');
      writeFileSync(random, randomBytes(8192));
      expect(codeOf(await v.engine.call('backup.verify', { backup: { path: random } }))).toBe('NOT_A_BACKUP');
      expect(
        codeOf(await v.engine.call('backup.verify', { backup: { path: join(dir.path, 'none.cobackup') } })),
      ).toBe('BACKUP_NOT_FOUND');

      // A random file given a real manifest: the hash and the pages say no.
      writeFileSync(`${random}.manifest.json`, readFileSync(created.manifestPath));
      writeFileSync(`${random}.manifest.json.p7s`, readFileSync(created.signaturePath));
      const fake = unwrap(await v.engine.call('backup.verify', { backup: { path: random } }));
      expect(fake.ok).toBe(false);
      expect(fake.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(
        expect.arrayContaining(['file-name', 'size', 'sha256', 'open']),
      );

      // The three files renamed together: the signed manifest still names the original file.
      const renamed = join(dir.path, 'renamed.cobackup');
      writeFileSync(renamed, readFileSync(created.path));
      writeFileSync(`${renamed}.manifest.json`, readFileSync(created.manifestPath));
      writeFileSync(`${renamed}.manifest.json.p7s`, readFileSync(created.signaturePath));
      const r = unwrap(await v.engine.call('backup.verify', { backup: { path: renamed } }));
      expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['file-name']);
      // Only the data file renamed: its manifest is not beside it.
      renameSync(`${renamed}.manifest.json`, join(dir.path, 'elsewhere.json'));
      expect(codeOf(await v.engine.call('backup.verify', { backup: { path: renamed } }))).toBe(
        'NOT_A_BACKUP',
      );

      // Another vault's backup.
      const other = await makeVault({ clientName: '另一家公司' });
      try {
        const theirs = unwrap(await other.engine.call('backup.create', { dir: { path: dir.path } }));
        expect(codeOf(await v.engine.call('backup.verify', { backup: { path: theirs.path } }))).toBe(
          'BACKUP_FOREIGN',
        );
        expect(codeOf(await v.engine.call('backup.drill', { backup: { path: theirs.path } }))).toBe(
          'BACKUP_FOREIGN',
        );
        await other.engine.call('vault.lock', {});
        const wrongKey = await other.engine.call('backup.verify', {
          backup: { path: theirs.path },
          recoveryKey: v.created.recoveryKey,
        });
        expect(codeOf(wrongKey)).toBe('WRONG_RECOVERY_KEY');
      } finally {
        await other.remove();
      }
    } finally {
      dir.remove();
    }
  }, 60_000);
});

describe('backup.restore and backup.drill', () => {
  it('restores with the recovery key: every table equal to the vault at backup time, registered, unlocked', async () => {
    const engine = createEngine({ dataDir: join(out.path, 'restore-data'), electronVersion: null });
    const dest = tempDir('closeout-restore-');
    try {
      const to = join(dest.path, 'restored');
      const r = unwrap(
        await engine.call('backup.restore', {
          backup: { path: created.path },
          to: { path: to },
          recoveryKey: v.created.recoveryKey,
        }),
      );
      expect(r).toMatchObject({ path: `${to}.cvault`, keyring: 'recovery-only', registered: true });
      expect(r.session).toMatchObject({
        viaRecoveryKey: true,
        role: 'owner',
        vaultId: v.created.session.vaultId,
      });
      expect(JSON.parse(readFileSync(`${to}.cvault.keys`, 'utf8')).slots).toEqual([]);
      expect(unwrap(await engine.call('vault.check', {})).ok).toBe(true);
      await engine.call('vault.lock', {});

      const db = openVaultDatabase(r.path, keyOf(v));
      let after: Record<string, unknown[]>;
      try {
        after = allRows(db);
      } finally {
        db.close();
      }
      // The restore itself appended its unlock and restore entries (and a checkpoint) after the backup's head.
      const seqLimit = (before.audit as Array<{ seq: bigint }>).length;
      for (const table of ['audit', 'audit_checkpoints'])
        after[table] = (after[table] as Array<{ seq: bigint }>).filter((row) => Number(row.seq) <= seqLimit);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const table of Object.keys(before))
        expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

      // Never over an existing file.
      const again = await engine.call('backup.restore', {
        backup: { path: created.path },
        to: { path: r.path },
        recoveryKey: v.created.recoveryKey,
      });
      expect(codeOf(again)).toBe('VAULT_EXISTS');
    } finally {
      await engine.close();
      dest.remove();
    }
  });

  it('with the live vault open, restores with a copy of its keyring and registers the copy as the vault', async () => {
    const dest = tempDir('closeout-restore-live-');
    try {
      const r = unwrap(
        await v.engine.call('backup.restore', {
          backup: { path: created.path },
          to: { path: join(dest.path, 'copy.cvault') },
        }),
      );
      expect(r).toMatchObject({ keyring: 'copied', registered: true, session: null });
      expect(readFileSync(`${r.path}.keys`, 'utf8')).toBe(readFileSync(`${v.file}.keys`, 'utf8'));
      // One vault id, one registered file: the restored copy, opened with the same passphrases.
      expect(readRegistry(v.dataDir).find((e) => e.id === r.vaultId)?.path).toBe(r.path);
      expect(existsSync(v.file)).toBe(true);
      const other = createEngine({ dataDir: v.dataDir, electronVersion: null });
      try {
        const session = unwrap(
          await other.call('vault.unlock', {
            vault: { vaultId: r.vaultId },
            userName: 'owner',
            passphrase: OWNER_PASS,
          }),
        );
        expect(session.path).toBe(r.path);
      } finally {
        await other.close();
      }
      // Put the registry back on the live vault for the tests that follow.
      unwrap(await v.engine.call('vault.locate', { vaultId: r.vaultId, file: { path: v.file } }));
    } finally {
      dest.remove();
    }
  });

  it('refuses a wrong recovery key and writes nothing', async () => {
    const engine = createEngine({ dataDir: join(out.path, 'wrong-data'), electronVersion: null });
    const dest = tempDir('closeout-wrong-');
    const other = await makeVault();
    try {
      const res = await engine.call('backup.restore', {
        backup: { path: created.path },
        to: { path: join(dest.path, 'x.cvault') },
        recoveryKey: other.created.recoveryKey,
      });
      expect(codeOf(res)).toBe('WRONG_RECOVERY_KEY');
      const mistyped = await engine.call('backup.restore', {
        backup: { path: created.path },
        to: { path: join(dest.path, 'x.cvault') },
        recoveryKey: 'ABCD-1234',
      });
      expect(codeOf(mistyped)).toBe('RECOVERY_KEY_MALFORMED');
      expect(allFiles(dest.path)).toEqual([]);
      expect(existsSync(join(out.path, 'wrong-data', 'vaults.json'))).toBe(false);
    } finally {
      await engine.close();
      await other.remove();
      dest.remove();
    }
  }, 30_000);

  it('drill: restores into a sandbox, compares, deletes it, records a signed "restore verified" entry', async () => {
    const checkpointsBefore = unwrap(await v.engine.call('audit.verify', {})).checkpoints;
    const r = unwrap(await v.engine.call('backup.drill', { backup: { path: created.path } }));
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'restored-content-digest',
        'restored-row-counts',
        'restored-audit-head',
        'live-chain-contains-backup',
        'sandbox-removed',
      ]),
    );
    const [entry] = unwrap(await v.engine.call('audit.list', { op: 'backup.drill' }));
    expect(entry).toMatchObject({
      outcome: 'ok',
      params: { backupId: created.backupId, restoreVerified: true },
    });
    const audit = unwrap(await v.engine.call('audit.verify', {}));
    expect(audit.ok).toBe(true);
    expect(audit.checkpoints).toBe(checkpointsBefore + 1);
    const row = unwrap(await v.engine.call('backup.list', {})).find((b) => b.id === created.backupId);
    expect(row?.drills).toEqual([expect.objectContaining({ ok: true, by: 'owner', failed: [] })]);
  });
});
