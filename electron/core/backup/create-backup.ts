// backup.create: an encrypted, consistent snapshot of the open vault (VACUUM INTO keeps the SQLCipher
// key and cipher) in a folder on another disk, with a manifest signed by the company key. The backup
// file is renamed into place last, in the same transaction that records it, so a crash or a cancel
// never leaves a `.cobackup` that is not complete.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupCreated, OpParsedInput } from '../../../shared/contract';
import pkg from '../../../package.json';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { writeFileAtomic, fsyncDir } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import { auditHead } from '../vault/audit';
import { signedHead } from '../vault/anchors';
import { requireCompanyCertificate } from '../vault/certificates';
import { readKeyring } from '../vault/keyring';
import { cmsSign } from '../vault/signer';
import { readMeta } from '../vault/meta';
import { schemaVersion } from '../vault/migrate';
import type { OpenVault } from '../vault/open-vault';
import { upsertRegistry } from '../vault/registry';
import { checkDestination, destinationFull, sweepDebris, volumeOf } from './destination';
import { fsyncFile, sha256File } from './file-hash';
import {
  backupFileName,
  manifestBytes,
  manifestPathFor,
  signaturePathFor,
  type BackupManifest,
} from './manifest';
import { describeContent, openBackupReadOnly, type ContentDescription } from './snapshot-content';
import { sha256 } from './util';

export async function createBackup(
  vault: OpenVault,
  input: OpParsedInput<'backup.create'>,
  job: JobContext,
  dataDir: string,
  now = new Date(),
): Promise<Omit<BackupCreated, 'verification'> & { content: ContentDescription }> {
  job.progress(0, null, 'checking');
  const dir = checkDestination(pathOf(input.dir), vault.file);
  sweepDebris(dir);
  const company = requireCompanyCertificate(vault.db);
  if (!vault.signer.certificatePem) throw new EngineError('SIGNING_KEY_PENDING');
  const meta = readMeta(vault.db);
  const name = backupFileName(meta.clientName, now, (n) => existsSync(join(dir, n)));
  const final = join(dir, name);
  // The destination's files are new names, but never a managed file's, nor links planted under them.
  for (const file of [final, manifestPathFor(final), signaturePathFor(final)])
    guardWrite(file, { vault, dataDir });
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.partial`);
  const written: string[] = [];
  let renamed = false;
  let committed = false;

  try {
    await job.checkpoint();
    job.progress(0, null, 'snapshot');
    written.push(temp); // before it exists: VACUUM INTO can fail after creating the file
    vault.db.prepare('VACUUM INTO ?').run(temp); // one read transaction: a consistent snapshot
    chmodSync(temp, 0o600);
    fsyncFile(temp);
    await job.checkpoint();

    const { sha256: fileSha, size } = await sha256File(temp, async (done, total) => {
      job.progress(done, total, 'hashing');
      await job.checkpoint();
    });

    job.progress(0, null, 'counting');
    const key = vault.vaultKey();
    let snapshot;
    try {
      snapshot = openBackupReadOnly(temp, key);
    } finally {
      key.fill(0);
    }
    let content;
    let head;
    let version;
    try {
      content = await describeContent(snapshot, async (rows) => {
        job.progress(rows, null, 'counting');
        await job.checkpoint();
      });
      head = auditHead(snapshot);
      version = schemaVersion(snapshot);
    } finally {
      snapshot.close();
    }

    job.progress(0, 1, 'signing');
    const backupId = randomUUID();
    const anchor = signedHead(vault.db, vault.vaultId, vault.signer, now);
    const manifest: BackupManifest = {
      format: 'closeout-backup-manifest',
      version: 2,
      backupId,
      vaultId: vault.vaultId,
      clientName: meta.clientName,
      schemaVersion: version,
      appVersion: pkg.version,
      operator: vault.actor.userName,
      createdAt: now.toISOString(),
      file: name,
      size,
      sha256: fileSha,
      rowCounts: content.rowCounts,
      contentDigest: content.contentDigest,
      auditHead: head,
      keySlots: 'none',
      certificatePem: company.pem!,
      keyGeneration: readKeyring(vault.file).generation,
      signedHead: {
        seq: head.seq,
        hash: head.hash,
        at: now.toISOString(),
        signature: anchor?.signature ?? '',
      },
    };
    const bytes = manifestBytes(manifest);
    const signature = cmsSign(vault.signer, bytes, now, { chain: false }) ?? ''; // the manifest names the CA
    await job.checkpoint();

    job.progress(0, 1, 'writing');
    written.push(manifestPathFor(final));
    writeFileAtomic(manifestPathFor(final), bytes);
    written.push(signaturePathFor(final));
    writeFileAtomic(signaturePathFor(final), signature);
    await job.checkpoint();

    job.progress(0, 1, 'recording');
    const volume = volumeOf(dir);
    vault.change(
      () => ({
        op: 'backup.create',
        params: { backupId, schemaVersion: version }, // no path: paths can carry people's names
        counts: { bytes: size, rows: Object.values(content.rowCounts).reduce((a, b) => a + b, 0) },
        outcome: 'ok',
      }),
      () => {
        vault.db
          .prepare(
            `INSERT INTO backups (id, created_at, path, volume, sha256, size, manifest_sha256)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(backupId, manifest.createdAt, final, volume, fileSha, size, sha256(bytes));
        // The commit point: if the rename fails the row is rolled back, and nothing claims a backup.
        renameSync(temp, final);
        renamed = true;
        fsyncDir(dir);
      },
    );
    committed = true;
    upsertRegistry(dataDir, { id: vault.vaultId, lastBackupAt: manifest.createdAt });
    job.progress(1, 1, 'done');
    return {
      backupId,
      path: final,
      manifestPath: manifestPathFor(final),
      signaturePath: signaturePathFor(final),
      size,
      sha256: fileSha,
      createdAt: manifest.createdAt,
      rowCounts: content.rowCounts,
      contentDigest: content.contentDigest,
      content,
    };
  } catch (error) {
    // Looked at before the cleanup frees anything: SQLite reports a full disk as CANTOPEN or IOERR.
    const full = !committed && destinationFull(dir);
    if (!committed) {
      if (renamed) rmSync(final, { force: true }); // the record was rolled back: take the file back too
      for (const file of written) rmSync(file, { force: true });
      rmSync(`${temp}-journal`, { force: true });
    }
    if (error instanceof EngineError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL' || full)
      throw new EngineError('BACKUP_NO_SPACE', { path: dir, needed: '?', available: '0' });
    if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('SQLITE_')))
      throw new EngineError('WRITE_FAILED', { path: basename(final), reason: code });
    throw error;
  }
}
