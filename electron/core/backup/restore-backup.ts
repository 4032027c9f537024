// backup.restore: verify first, then copy the backup to a NEW vault file (temp, fsync, read back,
// rename) and give it a keyring: the open vault's own (same vault: same passphrases) or an empty one
// (the recovery key only), in which case the restored vault is unlocked with the recovery key so its
// owner can set passphrases. Never writes over an existing file; writes nothing if a check fails.
// Either way the restored file is then the registered file of its vault id (one id, one registered
// file): restoring is how a person moves on to the copy. The old file stays where it was.
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupRestored, OpParsedInput, SessionInfo } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { fsyncDir } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite, type WriteScope } from '../util/write-guard';
import { VAULT_EXTENSION } from '../vault/create-vault';
import { keyringPathFor, newKeyring, readKeyring, writeKeyring } from '../vault/keyring';
import { readMeta } from '../vault/meta';
import { upsertRegistry } from '../vault/registry';
import type { OpenVault } from '../vault/open-vault';
import type { UnlockThrottle } from '../vault/unlock-throttle';
import { unlockVault } from '../vault/unlock-vault';
import { backupPathOf } from './backup-ref';
import { fsyncFile, sha256File } from './file-hash';
import { inspectBackup, type Inspection } from './inspect-backup';
import type { BackupManifest } from './manifest';

function requireVerified(inspection: Inspection, file: string): BackupManifest {
  const failed = inspection.verification.checks.filter((c) => !c.ok).map((c) => c.name);
  if (!inspection.manifest || failed.length) {
    inspection.key.fill(0);
    throw new EngineError('BACKUP_INVALID', { path: file, check: failed.join(', ') || 'manifest' });
  }
  return inspection.manifest;
}

/** Copies a verified backup to `to` under a temp name, reads the copy back, then renames it into place. */
export async function copyIntoPlace(
  backup: string,
  to: string,
  manifest: BackupManifest,
  job: JobContext,
): Promise<void> {
  const temp = join(dirname(to), `.${basename(to)}.${randomBytes(6).toString('hex')}.restoring`);
  try {
    copyFileSync(backup, temp, constants.COPYFILE_EXCL);
    chmodSync(temp, 0o600);
    fsyncFile(temp);
    const copy = await sha256File(temp, async (done, total) => {
      job.progress(done, total, 'copying');
      await job.checkpoint();
    });
    if (copy.sha256 !== manifest.sha256)
      throw new EngineError('WRITE_FAILED', { path: to, reason: 'the copy reads back differently' });
    if (existsSync(to)) throw new EngineError('VAULT_EXISTS', { path: to });
    renameSync(temp, to);
    fsyncDir(dirname(to));
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof EngineError) throw error;
    throw new EngineError('WRITE_FAILED', {
      path: to,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
}

function restoreTarget(ref: OpParsedInput<'backup.restore'>['to'], scope: WriteScope): string {
  let to = pathOf(ref);
  if (!to.endsWith(VAULT_EXTENSION)) to += VAULT_EXTENSION;
  if (existsSync(to)) throw new EngineError('VAULT_EXISTS', { path: to });
  if (existsSync(keyringPathFor(to))) throw new EngineError('VAULT_EXISTS', { path: keyringPathFor(to) });
  guardWrite(to, scope);
  guardWrite(keyringPathFor(to), scope);
  try {
    accessSync(dirname(to), constants.W_OK);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: dirname(to),
      reason: (error as NodeJS.ErrnoException).code,
    });
  }
  return to;
}

/** What a restore needs of the engine: the open vault (if any), which it may replace with the restored one. */
export interface RestoreContext {
  readonly env: { readonly dataDir: string };
  readonly vault: OpenVault | null;
  readonly throttle: UnlockThrottle;
  setVault(vault: OpenVault | null, reason?: 'user'): void;
}

export async function restoreBackup(
  input: OpParsedInput<'backup.restore'>,
  ctx: RestoreContext,
  job: JobContext,
): Promise<BackupRestored> {
  const backup = backupPathOf(input.backup, ctx.vault);
  const to = restoreTarget(input.to, { vault: ctx.vault, dataDir: ctx.env.dataDir });
  const vault = ctx.vault;
  const inspection = await inspectBackup(backup, { recoveryKey: input.recoveryKey, vault }, job);
  const manifest = requireVerified(inspection, backup);
  const { key } = inspection;
  const sameVaultOpen =
    vault !== null && vault.vaultId === manifest.vaultId && input.recoveryKey === undefined;
  try {
    await job.checkpoint();
    await copyIntoPlace(backup, to, manifest, job);
    job.progress(0, 1, 'keyring');
    writeKeyring(to, sameVaultOpen && vault ? readKeyring(vault.file) : newKeyring(manifest.vaultId, key));
  } catch (error) {
    key.fill(0);
    throw error;
  }
  key.fill(0);

  let session: SessionInfo | null = null;
  let registered = false;
  if (sameVaultOpen && vault) {
    // The registry entry keeps pointing at the live vault: one vault id, one registered file.
    vault.audit({
      op: 'backup.restore',
      params: { backupId: manifest.backupId, keyring: 'copied' },
      outcome: 'ok',
    });
    // Same passphrases: the person opens the restored file from the unlock screen, as the vault.
    const meta = readMeta(vault.db);
    upsertRegistry(ctx.env.dataDir, {
      id: manifest.vaultId,
      path: to,
      clientName: meta.clientName,
      creditCode: meta.creditCode,
      stage: meta.stage,
    });
    registered = true;
  } else if (input.recoveryKey !== undefined) {
    job.progress(0, 1, 'unlocking');
    ctx.setVault(null, 'user');
    const restored = await unlockVault(
      { vault: { path: to }, recoveryKey: input.recoveryKey },
      ctx.env.dataDir,
      ctx.throttle,
    );
    ctx.setVault(restored);
    restored.audit({
      op: 'backup.restore',
      params: { backupId: manifest.backupId, keyring: 'recovery-only' },
      outcome: 'ok',
    });
    session = restored.session();
    registered = true;
  }
  job.progress(1, 1, 'done');
  return {
    path: to,
    vaultId: manifest.vaultId,
    keyring: sameVaultOpen ? 'copied' : 'recovery-only',
    session,
    registered,
  };
}
