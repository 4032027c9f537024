// Who may restore and verify a backup, on real files: restoring is an owner's act (it re-points the
// registry at the restored copy), or that of whoever holds the recovery key, which unlocks as the owner;
// verifying is open to every role and changes nothing but the copy's own verification record.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { readRegistry } from '../../../../electron/core/vault/registry';
import type { OpResult, Role } from '../../../../shared/contract';
import { tempDir } from '../../helpers';
import {
  AUDITOR_PASS,
  OPERATOR_PASS,
  OWNER_PASS,
  makeVault,
  unwrap,
  type VaultFixture,
} from '../../support/vault-fixture';
import { allRows, keyOf } from './backup-support';
import { openVaultDatabase } from '../../../../electron/core/vault/database';

jest.setTimeout(60_000); // Argon2id slots and backups on a loaded 2-core machine

const PASS: Record<Role, string> = { owner: OWNER_PASS, operator: OPERATOR_PASS, auditor: AUDITOR_PASS };
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let backup: OpResult<'backup.create'>;

async function as(role: Role): Promise<void> {
  await v.engine.call('vault.lock', {});
  unwrap(
    await v.engine.call('vault.unlock', { vault: { path: v.file }, userName: role, passphrase: PASS[role] }),
  );
}

/** Every table of the vault as the raw database holds it (read with the key, on a second connection). */
function tables(): Record<string, unknown[]> {
  const db = openVaultDatabase(v.file, keyOf(v));
  try {
    return allRows(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-backup-roles-');
  unwrap(await v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  unwrap(await v.engine.call('users.add', { name: 'auditor', role: 'auditor', passphrase: AUDITOR_PASS }));
  backup = unwrap(await v.engine.call('backup.create', { dir: { path: out.path } }));
});
afterAll(async () => {
  await v.remove();
  out.remove();
});

describe('backup.restore is an owner’s act', () => {
  it.each<Role>(['auditor', 'operator'])(
    '%s: refused (NOT_ALLOWED, audited); no file written, the registry still names the live vault',
    async (role) => {
      await as(role);
      const to = join(out.path, `restored-by-${role}.cvault`);
      const registry = readRegistry(v.dataDir);
      const res = await v.engine.call('backup.restore', {
        backup: { backupId: backup.backupId },
        to: { path: to },
      });
      expect(codeOf(res)).toBe('NOT_ALLOWED');
      expect(existsSync(to)).toBe(false);
      expect(existsSync(`${to}.keys`)).toBe(false);
      expect(readRegistry(v.dataDir)).toEqual(registry);
      expect(readRegistry(v.dataDir)[0].path).toBe(v.file);
      await as('owner');
      const refused = unwrap(await v.engine.call('audit.list', { userName: role, op: 'backup.restore' }));
      expect(refused.map((e) => e.outcome)).toContain('refused');
    },
  );

  it('an auditor holding a recovery key that does not open the copy: refused, nothing written', async () => {
    const other = await makeVault({ clientName: '另一家公司' });
    try {
      await as('auditor');
      const to = join(out.path, 'restored-with-a-wrong-key.cvault');
      const res = await v.engine.call('backup.restore', {
        backup: { path: backup.path },
        to: { path: to },
        recoveryKey: other.created.recoveryKey,
      });
      expect(codeOf(res)).toBe('WRONG_RECOVERY_KEY');
      expect(existsSync(to)).toBe(false);
      expect(readRegistry(v.dataDir)[0].path).toBe(v.file);
    } finally {
      await other.remove();
    }
  });

  it('without any vault open: needs the recovery key (UNLOCK_OR_RECOVERY_KEY), and restores with it', async () => {
    const data = tempDir('closeout-backup-roles-data-');
    const engine = createEngine({ dataDir: data.path, electronVersion: null });
    try {
      const to = join(out.path, 'restored-with-the-key.cvault');
      const without = await engine.call('backup.restore', {
        backup: { path: backup.path },
        to: { path: to },
      });
      expect(codeOf(without)).toBe('UNLOCK_OR_RECOVERY_KEY');
      expect(existsSync(to)).toBe(false);
      const restored = unwrap(
        await engine.call('backup.restore', {
          backup: { path: backup.path },
          to: { path: to },
          recoveryKey: v.created.recoveryKey,
        }),
      );
      expect(restored).toMatchObject({ path: to, keyring: 'recovery-only', registered: true });
      expect(restored.session).toMatchObject({ role: 'owner', viaRecoveryKey: true });
    } finally {
      await engine.close();
      data.remove();
    }
  });
});

describe('backup.verify: every role, changing nothing but the copy’s verification record', () => {
  it.each<Role>(['auditor', 'operator', 'owner'])(
    '%s: verifies a listed copy; only its backups row, the registry’s backup health and the audit entry change',
    async (role) => {
      await as(role);
      // Read beside the open session (WAL: a second connection sees every committed change).
      const before = tables();
      const registryBefore = readRegistry(v.dataDir);
      const filesBefore = readdirSync(out.path).sort();
      const verified = unwrap(
        await v.engine.call('backup.verify', { backup: { backupId: backup.backupId } }),
      );
      expect(verified).toMatchObject({ ok: true, recorded: true });
      const after = tables();

      for (const table of Object.keys(before)) {
        if (table === 'audit' || table === 'backups' || table === 'checkpoints') continue;
        expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      }
      // The copy's row: only when it was last verified and how it went.
      const strip = (rows: unknown[]) =>
        rows.map((r) => ({ ...(r as object), last_verified_at: null, last_verify_ok: null }));
      expect(strip(after.backups)).toEqual(strip(before.backups));
      expect(after.backups).toEqual([
        expect.objectContaining({
          id: backup.backupId,
          last_verify_ok: 1n,
          last_verified_at: expect.any(String),
        }),
      ]);
      // The audit chain grew by the verification (and whatever checkpoint it was due), nothing else.
      const added = after.audit.slice(before.audit.length) as Array<{ op: string }>;
      expect(added.map((e) => e.op)).toEqual(['backup.verify']);
      // The registry: the same entry, apart from the backup-health dates and the signed head it keeps
      // as an anchor, which follows the chain to the verification's own entry.
      const health = (e: Record<string, unknown>) => ({
        ...e,
        lastVerifiedBackupAt: null,
        lastVerifyFailure: null,
        lastRestoreVerifiedAt: null,
        anchor: null,
      });
      expect(readRegistry(v.dataDir).map(health)).toEqual(registryBefore.map(health));
      const head = after.audit[after.audit.length - 1] as { seq: bigint };
      expect(readRegistry(v.dataDir)[0].anchor?.seq).toBe(Number(head.seq));
      expect(readRegistry(v.dataDir)[0].lastVerifiedBackupAt).toBe(backup.createdAt);
      // No file appears or goes beside the copy.
      expect(readdirSync(out.path).sort()).toEqual(filesBefore);
    },
  );

  it('without any vault open: needs the recovery key (UNLOCK_OR_RECOVERY_KEY), and verifies with it', async () => {
    const data = tempDir('closeout-backup-roles-data-');
    const engine = createEngine({ dataDir: data.path, electronVersion: null });
    try {
      expect(codeOf(await engine.call('backup.verify', { backup: { path: backup.path } }))).toBe(
        'UNLOCK_OR_RECOVERY_KEY',
      );
      const r = unwrap(
        await engine.call('backup.verify', {
          backup: { path: backup.path },
          recoveryKey: v.created.recoveryKey,
        }),
      );
      expect(r).toMatchObject({ ok: true, recorded: false });
    } finally {
      await engine.close();
      data.remove();
    }
  });
});
