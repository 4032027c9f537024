// backup.drill: proves a backup can be restored. Checks the file (signature, SHA-256, every page's HMAC),
// restores it (the same copy and keyring steps as backup.restore) into a scratch folder, opens it as a
// vault with the live key, checks its whole structure, reads every record (row counts and the content
// digest) and checks the live audit chain still contains the backup's head, deletes the scratch folder,
// and records the drill with its content digest: a signed audit checkpoint and a line in the backups
// table, the registry's backup health, and (when a folder is given and the drill passed) a signed
// certificate.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackupCheck, BackupDrillResult, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { pathOf } from '../util/file-ref';
import { auditHead } from '../vault/audit';
import { openVaultDatabase, type VaultDb } from '../vault/database';
import { keyMatches, readKeyring, writeKeyring } from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';
import pkg from '../../../package.json';
import { readMeta } from '../vault/meta';
import { noteBackupHealth } from './backup-health';
import { backupPathOf } from './backup-ref';
import { recordDrill, recordedContentDigest } from './backups-table';
import { checkCertificateDir } from '../documents/signed-document';
import { recordOutputs } from '../wipe/outputs';
import { certificateOf, writeDrillCertificate } from './drill-certificate';
import { inspectBackup } from './inspect-backup';
import { copyIntoPlace } from './restore-backup';
import { describeContent, pragmaLines } from './snapshot-content';
import type { BackupManifest } from './manifest';

/** The restored copy's page cache at most (bytes): the integrity check and the digest then share pages. */
const DRILL_CACHE_MAX = 128 * 1024 * 1024;

export async function drillBackup(
  vault: OpenVault,
  input: OpParsedInput<'backup.drill'>,
  job: JobContext,
  dataDir: string | null,
  now = new Date(),
): Promise<BackupDrillResult> {
  const backup = backupPathOf(input.backup, vault);
  const certificateDir = input.certificateDir ? pathOf(input.certificateDir) : null;
  if (certificateDir) checkCertificateDir(certificateDir);
  // The file's hash, signature and pages are checked here; its records are compared on the restored copy.
  const inspection = await inspectBackup(backup, { vault }, job, { records: false });
  const { manifest, key } = inspection;
  const checks: BackupCheck[] = [...inspection.verification.checks];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const sandbox = mkdtempSync(join(tmpdir(), 'closeout-drill-'));
  let contentDigest: string | null = null;
  try {
    if (manifest && inspection.verification.ok) {
      const restored = join(sandbox, 'restored.cvault');
      await copyIntoPlace(backup, restored, manifest, job);
      writeKeyring(restored, readKeyring(vault.file));
      check('restored-keyring', keyMatches(readKeyring(restored), key), 'the live keyring opens the copy');
      // Every page of the backup held its HMAC (`pages`) and the copy reads back with the backup's
      // SHA-256: SQLite need not check each page's HMAC a second time while it reads the copy.
      const db = openVaultDatabase(restored, key, { pagesAuthenticated: true });
      try {
        // One decryption of each page for both passes below, when the vault fits a bounded cache.
        db.pragma(`cache_size = -${Math.ceil(Math.min(statSync(restored).size, DRILL_CACHE_MAX) / 1024)}`);
        contentDigest = await compareRestored(db, manifest, vault, check, job);
      } finally {
        db.close();
      }
      // The live chain must extend the backup's: same hash at the backup's head.
      const live = vault.db.prepare('SELECT hash FROM audit WHERE seq = ?').get(manifest.auditHead.seq) as
        { hash: string } | undefined;
      check(
        'live-chain-contains-backup',
        manifest.auditHead.seq === 0 || live?.hash === manifest.auditHead.hash,
        live ? `live entry ${manifest.auditHead.seq}` : 'the live chain has no such entry',
      );
    }
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CANCELLED') throw error;
    check('restore', false, (error as Error).message);
  } finally {
    key.fill(0);
    rmSync(sandbox, { recursive: true, force: true });
  }
  check('sandbox-removed', !existsSync(sandbox), 'the scratch copy is deleted');

  const ok = checks.every((c) => c.ok);
  const at = now.toISOString();
  const failed = checks.filter((c) => !c.ok).map((c) => c.name);
  const backupId = manifest?.backupId ?? null;
  job.progress(0, 1, 'recording');
  vault.change(
    () => ({
      op: 'backup.drill',
      params: { backupId, restoreVerified: ok, failed, ...(contentDigest ? { contentDigest } : {}) },
      outcome: ok ? 'ok' : 'failed',
    }),
    () => {
      if (backupId)
        recordDrill(vault.db, backupId, {
          at,
          ok,
          by: vault.actor.userName,
          failed,
          ...(contentDigest ? { contentDigest } : {}),
        });
    },
    true, // a restore drill is evidence a regulator may ask for: sign the chain head now
  );
  if (dataDir) noteBackupHealth(dataDir, vault, { backupId, ok, at, drill: true });

  let certificate: BackupDrillResult['certificate'] = null;
  if (ok && manifest && contentDigest && certificateDir && vault.signer.certificatePem) {
    job.progress(0, 1, 'certificate');
    const facts = {
      manifest,
      contentDigest,
      creditCode: readMeta(vault.db).creditCode,
      at: now,
      by: vault.actor.userName,
      checks,
      auditEntry: auditHead(vault.db), // the backup.drill entry just written
      appVersion: pkg.version,
    };
    certificate = await writeDrillCertificate(
      certificateDir,
      certificateOf(facts, vault.signer),
      vault.signer,
      now,
      { vault, dataDir },
    );
    recordOutputs(vault.db, 'drill-certificate', Object.values(certificate), vault.actor.userName);
  }
  job.progress(1, 1, 'done');
  return { ok, backupId, at, checks, contentDigest, certificate };
}

/**
 * The restored copy opened as a vault: SQLite's full structure check (every b-tree, every index against
 * its table), then every record: row counts against the manifest, and the content digest, compared with
 * the manifest's (version 1) or an earlier drill's, else recorded as this drill's. Returns the digest.
 */
async function compareRestored(
  db: VaultDb,
  manifest: BackupManifest,
  vault: OpenVault,
  check: (name: string, ok: boolean, detail: string) => void,
  job: JobContext,
): Promise<string> {
  job.progress(0, null, 'structure');
  const integrity = pragmaLines(db, 'integrity_check');
  check('restored-integrity', integrity.join() === 'ok', integrity.slice(0, 5).join('; '));
  await job.checkpoint();
  job.progress(0, null, 'comparing');
  const content = await describeContent(db, async (rows) => {
    job.progress(rows, null, 'comparing');
    await job.checkpoint();
  });
  const differing = Object.keys({ ...content.rowCounts, ...manifest.rowCounts }).filter(
    (t) => content.rowCounts[t] !== manifest.rowCounts[t],
  );
  check(
    'restored-row-counts',
    differing.length === 0,
    differing.length ? `differ in ${differing.join(', ')}` : 'every table as in the manifest',
  );
  const earlier = manifest.contentDigest ? null : recordedContentDigest(vault.db, manifest.backupId);
  const expected = manifest.contentDigest ?? earlier?.contentDigest ?? null;
  check(
    'restored-content-digest',
    expected === null || content.contentDigest === expected,
    `content ${content.contentDigest}` +
      (manifest.contentDigest
        ? " (the manifest's)"
        : earlier
          ? ` (the drill of ${earlier.at} recorded ${earlier.contentDigest})`
          : ' (recorded by this drill: the manifest, version 2, carries none)'),
  );
  const head = auditHead(db);
  check(
    'restored-audit-head',
    head.seq === manifest.auditHead.seq && head.hash === manifest.auditHead.hash,
    `entry ${head.seq}`,
  );
  return content.contentDigest;
}
