// Reads a backup back and checks everything that can be checked: the manifest's signature and signer,
// the file's size, SHA-256 and every page's SQLCipher HMAC (one read through one buffer), then (with the
// vault key) SQLite's page-structure check, the row counts, the content digest when there is one to
// compare with, and the audit chain against the manifest. Each check is a named value; only "this is not
// a backup at all" and "no key / the wrong key" are errors.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BackupCheck, BackupSigner, BackupVerification } from '../../../shared/contract';
import { recoveryVaultKey } from '../vault/recovery-secret';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { auditHead, verifyAuditChain } from '../vault/audit';
import type { VaultDb } from '../vault/database';
import { verifyDetached } from '../pki';
import { companyCertificatePems } from '../vault/certificates';
import { readKeyring } from '../vault/keyring';
import { readMeta } from '../vault/meta';
import { schemaVersion } from '../vault/migrate';
import type { OpenVault } from '../vault/open-vault';
import { recordedContentDigest } from './backups-table';
import { manifestPathFor, parseManifest, signaturePathFor, summarise, type BackupManifest } from './manifest';
import { scanPages } from './pages';
import { countRows, describeContent, openBackupReadOnly, pragmaLines } from './snapshot-content';

export interface Inspection {
  verification: Omit<BackupVerification, 'recorded'>;
  manifest: BackupManifest | null;
  /** The key that opened the backup; the caller zeroes it. */
  key: Buffer;
}

export interface KeySource {
  recoveryKey?: string;
  vault: OpenVault | null;
}

/**
 * `records: false` (the restore drill, which checks the structure and compares records on its restored
 * copy instead): no page-structure check, row counts or content digest of the file itself.
 */
export interface InspectOptions {
  records?: boolean;
}

/** `trusted`: the manifest's signature holds, so its vault id can be believed. */
function resolveKey(
  file: string,
  source: KeySource,
  manifest: BackupManifest | null,
  trusted: boolean,
): Buffer {
  if (source.recoveryKey !== undefined) return recoveryVaultKey(source.recoveryKey);
  if (!source.vault) throw new EngineError('BACKUP_KEY_NEEDED', { path: file });
  if (manifest && trusted && manifest.vaultId !== source.vault.vaultId)
    throw new EngineError('BACKUP_FOREIGN', { path: file, vaultId: manifest.vaultId });
  return source.vault.vaultKey();
}

function currentGeneration(vaultFile: string): number | null {
  try {
    return readKeyring(vaultFile).generation;
  } catch {
    return null;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedEntries = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export async function inspectBackup(
  file: string,
  source: KeySource,
  job: JobContext,
  options: InspectOptions = {},
): Promise<Inspection> {
  if (!existsSync(file)) throw new EngineError('BACKUP_NOT_FOUND', { path: file });
  if (!statSync(file).isFile()) throw new EngineError('NOT_A_BACKUP', { path: file, reason: 'not a file' });
  const manifestFile = manifestPathFor(file);
  if (!existsSync(manifestFile))
    throw new EngineError('NOT_A_BACKUP', {
      path: file,
      reason: `no manifest ${basename(manifestFile)} beside it`,
    });

  const checks: BackupCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  job.progress(0, null, 'manifest');
  const manifestBytes = readFileSync(manifestFile);
  const parsed = parseManifest(manifestBytes);
  const manifest = 'manifest' in parsed ? parsed.manifest : null;
  check('manifest', manifest !== null, 'problem' in parsed ? parsed.problem : 'readable');

  const signatureFile = signaturePathFor(file);
  const signaturePem = existsSync(signatureFile) ? readFileSync(signatureFile, 'utf8') : null;
  // Version 1 manifests are signed by the company certificate itself, version 2 by a user whose
  // certificate the company CA issued: either way the manifest's company certificate is the anchor.
  const verified =
    manifest !== null && signaturePem !== null
      ? await verifyDetached(signaturePem, manifestBytes, {
          trustAnchors: [manifest.certificatePem],
          at: new Date(manifest.createdAt),
        }).catch(() => null)
      : null;
  const signatureOk = verified?.ok === true;
  check(
    'signature',
    signatureOk,
    signaturePem === null
      ? `${basename(signatureFile)} is missing`
      : manifest === null
        ? 'the manifest is unreadable, so its signature cannot hold'
        : signatureOk
          ? 'the manifest is signed by the certificate it names'
          : `the signature does not match the manifest${verified && !verified.ok ? ` (${verified.failure})` : ''}`,
  );

  let signer: BackupSigner | null = null;
  if (manifest && verified?.ok) {
    const by = verified.signers[0];
    signer = { subject: by.subject, fingerprintSha256: by.fingerprintSha256, pinnedTo: null };
    const live =
      source.vault && source.vault.vaultId === manifest.vaultId
        ? companyCertificatePems(source.vault.db)
        : null;
    if (live) {
      const same = live.some((pem) => pem.trim() === manifest.certificatePem.trim());
      check(
        'signer',
        same,
        same ? "the open vault's company certificate" : "not the open vault's certificate",
      );
      signer.pinnedTo = 'vault';
    }
  }
  if (manifest) check('file-name', manifest.file === basename(file), `manifest names ${manifest.file}`);

  const key = resolveKey(file, source, manifest, signatureOk);
  let db: VaultDb | null = null;
  try {
    const scan = await scanPages(file, {
      key,
      hash: true,
      tick: async (done, total) => {
        job.progress(done, total, 'hashing');
        await job.checkpoint();
      },
    });
    const fileIntact = manifest !== null && manifest.size === scan.size && manifest.sha256 === scan.sha256;
    if (manifest) {
      check('size', manifest.size === scan.size, `${scan.size} bytes, manifest says ${manifest.size}`);
      check('sha256', manifest.sha256 === scan.sha256, `SHA-256 ${scan.sha256}`);
    }
    check(
      'pages',
      scan.badCount === 0,
      scan.badCount === 0
        ? `every one of ${scan.pages} pages is authentic under the key (SQLCipher HMAC)`
        : `${scan.badCount} of ${scan.pages} pages fail their HMAC (first: ${scan.badPages.join(', ')})`,
    );
    try {
      db = openBackupReadOnly(file, key);
      check('open', true, 'the key opens the backup');
    } catch (error) {
      // An intact, signed file the key does not open was made under another key: say so plainly.
      if (fileIntact && signatureOk) {
        if (source.recoveryKey !== undefined) throw new EngineError('WRONG_RECOVERY_KEY');
        const now = source.vault ? currentGeneration(source.vault.file) : null;
        if (manifest && manifest.version === 2 && now !== null && manifest.keyGeneration < now)
          throw new EngineError('BACKUP_OLD_KEY', { path: file, generation: manifest.keyGeneration });
        throw new EngineError('BACKUP_FOREIGN', { path: file, vaultId: manifest?.vaultId ?? '?' });
      }
      check('open', false, (error as Error).message);
    }
    if (db) await checkContent(db, manifest, signer, checks, job, options.records !== false, source.vault);
  } catch (error) {
    key.fill(0);
    throw error;
  } finally {
    db?.close();
  }

  return {
    verification: {
      ok: checks.every((c) => c.ok),
      path: file,
      checks,
      manifest: manifest ? summarise(manifest) : null,
      signer,
    },
    manifest,
    key,
  };
}

async function checkContent(
  db: VaultDb,
  manifest: BackupManifest | null,
  signer: BackupSigner | null,
  checks: BackupCheck[],
  job: JobContext,
  records: boolean,
  vault: OpenVault | null,
): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const guard = (name: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      check(name, false, (error as Error).message);
    }
  };

  if (records) {
    job.progress(0, null, 'structure');
    const quick = pragmaLines(db, 'quick_check');
    check('quick_check', quick.join() === 'ok', quick.slice(0, 5).join('; '));
    await job.checkpoint();
  }

  guard('vault-id', () => {
    const vaultId = readMeta(db).vaultId;
    check('vault-id', !manifest || vaultId === manifest.vaultId, `vault ${vaultId}`);
  });
  if (signer && signer.pinnedTo === null)
    guard('signer', () => {
      const inside = companyCertificatePems(db);
      const same = manifest !== null && inside.some((pem) => pem.trim() === manifest.certificatePem.trim());
      check(
        'signer',
        same,
        same ? 'the company certificate stored inside the backup' : 'not the certificate inside the backup',
      );
      if (same) signer.pinnedTo = 'backup';
    });
  guard('schema-version', () => {
    const version = schemaVersion(db);
    check('schema-version', !manifest || version === manifest.schemaVersion, `schema ${version}`);
  });
  if (records) await checkRecords(db, manifest, vault, checks, job);
  guard('audit-head', () => {
    const head = auditHead(db);
    check('audit-head', !manifest || sameJson(head, manifest.auditHead), `entry ${head.seq} ${head.hash}`);
  });
  guard('audit-chain', () => {
    const chain = verifyAuditChain(db);
    check(
      'audit-chain',
      chain.firstProblem === null,
      chain.firstProblem
        ? `breaks at entry ${chain.firstProblem.seq} (${chain.firstProblem.kind})`
        : `${chain.entries} entries follow`,
    );
  });
}

/**
 * Row counts against the manifest, and the content digest when there is one to compare with: the
 * manifest's (version 1), or else the one a restore drill of this backup recorded in the open vault.
 */
async function checkRecords(
  db: VaultDb,
  manifest: BackupManifest | null,
  vault: OpenVault | null,
  checks: BackupCheck[],
  job: JobContext,
): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const recorded =
    manifest && !manifest.contentDigest && vault && vault.vaultId === manifest.vaultId
      ? recordedContentDigest(vault.db, manifest.backupId)
      : null;
  const expected = manifest ? (manifest.contentDigest ?? recorded?.contentDigest ?? null) : null;
  let counts: Record<string, number>;
  let digest: string | null = null;
  try {
    if (expected) {
      job.progress(0, null, 'records');
      const described = await describeContent(db, async (rows) => {
        job.progress(rows, null, 'records');
        await job.checkpoint();
      });
      counts = described.rowCounts;
      digest = described.contentDigest;
    } else counts = countRows(db);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CANCELLED') throw error;
    check('records', false, (error as Error).message);
    return;
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  check(
    'row-counts',
    !manifest || sameJson(sortedEntries(counts), sortedEntries(manifest.rowCounts)),
    `${total} rows in ${Object.keys(counts).length} tables`,
  );
  if (digest !== null)
    check(
      'content-digest',
      expected === null || digest === expected,
      `content ${digest}` +
        (recorded && !manifest?.contentDigest ? ` (compared with the drill of ${recorded.at})` : ''),
    );
}
