// Reads a backup back and checks everything that can be checked: the manifest's signature and signer,
// the file's size and SHA-256, then (with the vault key) every page, the structure, the row counts,
// the content digest and the audit chain against the manifest. Each check is a named value; only
// "this is not a backup at all" and "no key / the wrong key" are errors.
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
import { sha256File } from './file-hash';
import { manifestPathFor, parseManifest, signaturePathFor, summarise, type BackupManifest } from './manifest';
import {
  describeContent,
  openBackupReadOnly,
  pragmaLines,
  type ContentDescription,
} from './snapshot-content';

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
 * How much of the record-by-record work to do. `known`: the description of a snapshot made moments ago
 * (backup.create): when the file read back has exactly its SHA-256, it holds exactly those records, so
 * they are not read a second time. `records: false` (the restore drill, which compares its restored copy
 * record by record instead): no row counts or content digest of the file itself.
 */
export interface InspectOptions {
  known?: { sha256: string; content: ContentDescription };
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

  const { sha256, size } = await sha256File(file, async (done, total) => {
    job.progress(done, total, 'hashing');
    await job.checkpoint();
  });
  const fileIntact = manifest !== null && manifest.size === size && manifest.sha256 === sha256;
  if (manifest) {
    check('size', manifest.size === size, `${size} bytes, manifest says ${manifest.size}`);
    check('sha256', manifest.sha256 === sha256, `SHA-256 ${sha256}`);
  }

  const key = resolveKey(file, source, manifest, signatureOk);
  let db: VaultDb | null = null;
  try {
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
    if (db) {
      const known = options.known && options.known.sha256 === sha256 ? options.known.content : null;
      await checkContent(db, manifest, signer, checks, job, options.records === false ? 'skip' : known);
    }
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
  known: ContentDescription | 'skip' | null,
): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const guard = (name: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      check(name, false, (error as Error).message);
    }
  };

  job.progress(0, 2, 'pages');
  const quick = pragmaLines(db, 'quick_check');
  check('quick_check', quick.join() === 'ok', quick.slice(0, 5).join('; '));
  await job.checkpoint();
  job.progress(1, 2, 'structure');
  const integrity = pragmaLines(db, 'integrity_check');
  check('integrity_check', integrity.join() === 'ok', integrity.slice(0, 5).join('; '));
  await job.checkpoint();

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

  let described: ContentDescription | undefined;
  const same = known !== null && known !== 'skip' ? ' (the same bytes as the snapshot described)' : '';
  try {
    if (known === null)
      described = await describeContent(db, async (rows) => {
        job.progress(rows, null, 'records');
        await job.checkpoint();
      });
    else if (known !== 'skip') described = known;
  } catch (error) {
    if (error instanceof EngineError && error.code === 'CANCELLED') throw error;
    check('records', false, (error as Error).message);
  }
  if (described) {
    const total = Object.values(described.rowCounts).reduce((a, b) => a + b, 0);
    check(
      'row-counts',
      !manifest || sameJson(sortedEntries(described.rowCounts), sortedEntries(manifest.rowCounts)),
      `${total} rows in ${Object.keys(described.rowCounts).length} tables${same}`,
    );
    check(
      'content-digest',
      !manifest || described.contentDigest === manifest.contentDigest,
      `content ${described.contentDigest}${same}`,
    );
  }
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
