// backup.create: a copy of the open vault's encrypted pages, as a consistent snapshot (vault-snapshot.ts;
// the file is already encrypted, so nothing is decrypted or re-encrypted but its header), in a folder on
// another disk, read back from there (every page's HMAC, the SHA-256, the pages against those copied),
// with a manifest signed by the user who made it (certificate issued by the company CA). The backup file
// is renamed into place last, in the same transaction that records it, so a crash or a cancel never
// leaves a `.cobackup` that is not complete.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupCheck, BackupCreated, OpParsedInput } from '../../../shared/contract';
import pkg from '../../../package.json';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { writeFileAtomic, fsyncDir } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import { auditHead } from '../vault/audit';
import { verifyDetached } from '../pki';
import { signedHead } from '../vault/anchors';
import { requireCompanyCertificate } from '../vault/certificates';
import { readKeyring } from '../vault/keyring';
import { cmsSign } from '../vault/signer';
import { readMeta } from '../vault/meta';
import { schemaVersion } from '../vault/migrate';
import type { OpenVault } from '../vault/open-vault';
import { upsertRegistry } from '../vault/registry';
import { noteBackupHealth } from './backup-health';
import { checkDestination, destinationFull, sweepDebris, volumeOf } from './destination';
import { fsyncFile } from './file-hash';
import {
  backupFileName,
  manifestBytes,
  manifestPathFor,
  MANIFEST_VERSION,
  parseManifest,
  signaturePathFor,
  summarise,
  type BackupManifest,
} from './manifest';
import { pageIsAuthentic, scanPages, type PageScan } from './pages';
import { countRows, useRollbackJournal } from './snapshot-content';
import { sha256 } from './util';
import { freezeVault, type FrozenVault } from './vault-snapshot';

/** Copies the frozen vault file page by page into `to` (created, never overwritten), then fsyncs it. */
async function copyPages(from: string, to: string, job: JobContext): Promise<PageScan> {
  job.progress(0, null, 'copying');
  const out = openSync(to, 'wx', 0o600);
  try {
    const scan = await scanPages(from, {
      copyTo: out,
      tick: async (done, total) => {
        job.progress(done, total, 'copying');
        await job.checkpoint();
      },
    });
    fsyncSync(out);
    return scan;
  } finally {
    closeSync(out);
  }
}

/**
 * Reads the copy back from the destination: SHA-256 and every page's HMAC, and pages 2…n the same as
 * those copied (page 1 is the header SQLite rewrote). A page that fails is looked up in the vault, still
 * frozen, to say which side is damaged. Returns the read-back scan and its checks, all passed.
 */
async function readBack(
  temp: string,
  vault: OpenVault,
  copied: PageScan,
  job: JobContext,
): Promise<{ scan: PageScan; checks: BackupCheck[] }> {
  job.progress(0, null, 'verifying');
  const key = vault.vaultKey();
  try {
    const scan = await scanPages(temp, {
      key,
      hash: true,
      tick: async (done, total) => {
        job.progress(done, total, 'verifying');
        await job.checkpoint();
      },
    });
    const first = scan.badPages[0];
    if (first !== undefined && !pageIsAuthentic(vault.file, key, first))
      throw new EngineError('VAULT_DAMAGED', {
        path: vault.file,
        reason: `page ${first} fails its HMAC`,
      });
    const name = basename(temp);
    if (first !== undefined)
      throw new EngineError('WRITE_FAILED', { path: name, reason: `page ${first} reads back damaged` });
    if (scan.pages !== copied.pages || scan.bodyDigest !== copied.bodyDigest)
      throw new EngineError('WRITE_FAILED', { path: name, reason: 'the copy reads back differently' });
    return {
      scan,
      checks: [
        { name: 'sha256', ok: true, detail: `SHA-256 ${scan.sha256}, read back from the destination` },
        {
          name: 'pages',
          ok: true,
          detail: `every one of ${scan.pages} pages is authentic under the vault key (SQLCipher HMAC, read back)`,
        },
        {
          name: 'copy',
          ok: true,
          detail:
            "the pages read back are the vault's pages at the snapshot (page 1: header in rollback-journal mode)",
        },
      ],
    };
  } finally {
    key.fill(0);
  }
}

export async function createBackup(
  vault: OpenVault,
  input: OpParsedInput<'backup.create'>,
  job: JobContext,
  dataDir: string,
  now = new Date(),
): Promise<BackupCreated> {
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
  // Removed on any failure: the copy, what SQLite opens beside it while it rewrites the header, the manifests.
  const written = [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`];
  let frozen: FrozenVault | null = null;
  let renamed = false;
  let committed = false;

  try {
    await job.checkpoint();
    job.progress(0, null, 'snapshot');
    frozen = await freezeVault(vault, job);
    const rowCounts = countRows(frozen.db);
    const head = auditHead(frozen.db);
    const version = schemaVersion(frozen.db);
    await job.checkpoint();

    const copied = await copyPages(vault.file, temp, job);
    chmodSync(temp, 0o600);
    const key = vault.vaultKey();
    try {
      useRollbackJournal(temp, key);
    } finally {
      key.fill(0);
    }
    fsyncFile(temp);
    await job.checkpoint();
    const back = await readBack(temp, vault, copied, job);
    frozen.release();
    frozen = null;

    job.progress(0, 1, 'signing');
    const backupId = randomUUID();
    const anchor = signedHead(vault.db, vault.vaultId, vault.signer, now);
    const manifest: BackupManifest = {
      format: 'closeout-backup-manifest',
      version: MANIFEST_VERSION,
      backupId,
      vaultId: vault.vaultId,
      clientName: meta.clientName,
      schemaVersion: version,
      appVersion: pkg.version,
      operator: vault.actor.userName,
      createdAt: now.toISOString(),
      file: name,
      size: back.scan.size,
      sha256: back.scan.sha256 as string,
      rowCounts,
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
    written.push(manifestPathFor(final), signaturePathFor(final));
    writeFileAtomic(manifestPathFor(final), bytes);
    writeFileAtomic(signaturePathFor(final), signature);
    const manifestBack = readFileSync(manifestPathFor(final));
    if (!('manifest' in parseManifest(manifestBack)) || !manifestBack.equals(bytes))
      throw new EngineError('WRITE_FAILED', {
        path: basename(manifestPathFor(final)),
        reason: 'reads back differently',
      });
    // The signature read back must hold under the company CA the manifest names, as backup.verify checks it.
    const signed = await verifyDetached(readFileSync(signaturePathFor(final), 'utf8'), manifestBack, {
      trustAnchors: [manifest.certificatePem],
      at: now,
    }).catch(() => null);
    if (!signed?.ok)
      throw new EngineError('WRITE_FAILED', {
        path: basename(signaturePathFor(final)),
        reason: 'reads back differently',
      });
    await job.checkpoint();

    job.progress(0, 1, 'recording');
    const volume = volumeOf(dir);
    const verifiedAt = new Date().toISOString();
    vault.change(
      () => ({
        op: 'backup.create',
        params: { backupId, schemaVersion: version }, // no path: paths can carry people's names
        counts: { bytes: back.scan.size, rows: Object.values(rowCounts).reduce((a, b) => a + b, 0) },
        outcome: 'ok',
      }),
      () => {
        vault.db
          .prepare(
            `INSERT INTO backups (id, created_at, path, volume, sha256, size, manifest_sha256,
                                  last_verified_at, last_verify_ok)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
          )
          .run(
            backupId,
            manifest.createdAt,
            final,
            volume,
            manifest.sha256,
            manifest.size,
            sha256(bytes),
            verifiedAt,
          );
        // The commit point: if the rename fails the row is rolled back, and nothing claims a backup.
        renameSync(temp, final);
        renamed = true;
        fsyncDir(dir);
      },
    );
    committed = true;
    upsertRegistry(dataDir, { id: vault.vaultId, lastBackupAt: manifest.createdAt });
    noteBackupHealth(dataDir, vault, { backupId, ok: true, at: verifiedAt, drill: false });
    job.progress(1, 1, 'done');
    const signer = signed.signers[0];
    const checks: BackupCheck[] = [
      { name: 'manifest', ok: true, detail: `version ${MANIFEST_VERSION}, read back` },
      {
        name: 'signature',
        ok: true,
        detail: 'the manifest read back is signed under the company certificate it names',
      },
      { name: 'signer', ok: true, detail: "the open vault's company certificate" },
      { name: 'size', ok: true, detail: `${manifest.size} bytes` },
      ...back.checks,
    ];
    return {
      backupId,
      path: final,
      manifestPath: manifestPathFor(final),
      signaturePath: signaturePathFor(final),
      size: manifest.size,
      sha256: manifest.sha256,
      createdAt: manifest.createdAt,
      rowCounts,
      verification: {
        ok: true,
        path: final,
        checks,
        manifest: summarise(manifest),
        signer: { subject: signer.subject, fingerprintSha256: signer.fingerprintSha256, pinnedTo: 'vault' },
        recorded: true,
      },
    };
  } catch (error) {
    // Looked at before the cleanup frees anything: SQLite reports a full disk as CANTOPEN or IOERR.
    const full = !committed && destinationFull(dir);
    frozen?.release();
    if (!committed) {
      if (renamed) rmSync(final, { force: true }); // the record was rolled back: take the file back too
      for (const file of written) rmSync(file, { force: true });
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
