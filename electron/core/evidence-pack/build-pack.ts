// evidence.pack: the bag (pack-contents.ts) tarred, CMS-signed as attached SignedData (streamed), then,
// when a certificate is given, enveloped to it (AES-256-CBC with RSA-OAEP key transport, which any
// OpenSSL opens), written atomically as <dir>/closeout-evidence-<vault>-<time>.p7m (DER) and kept in the
// evidence archive. Format: docs/FORMATS.md §15.2.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidencePack, OpParsedInput } from '../../../shared/contract';
import pkg from '../../../package.json';
import { writeSetting } from '../compliance/settings';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { certificateInfo, encrypt, isPkiError, signAttached } from '../pki';
import { openAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { archiveDir, keepUntil } from './archive';
import { buildBag } from './bag';
import { packContents } from './pack-contents';
import { documentSigner } from '../vault/signer';
import { ensureDir, stampedName } from './signed-files';
import { tarOf } from './tar';

function recipientCertificate(ref: OpParsedInput<'evidence.pack'>['encryptTo']): string | null {
  if (!ref) return null;
  const path = pathOf(ref);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  try {
    certificateInfo(pem);
  } catch (error) {
    throw new EngineError('CERTIFICATE_UNREADABLE', { path, reason: (error as Error).message });
  }
  return pem;
}

export async function buildEvidencePack(
  vault: OpenVault,
  input: OpParsedInput<'evidence.pack'>,
  job: JobContext,
  dataDir: string,
  now = new Date(),
): Promise<EvidencePack> {
  const dir = pathOf(input.dir);
  const recipient = recipientCertificate(input.encryptTo);
  const signer = documentSigner(vault.signer);
  const signerInfo = certificateInfo(signer.certificatePem);
  const bagName = stampedName('evidence', vault.vaultId, now);
  ensureDir(dir);
  const file = join(dir, `${bagName}.p7m`);
  if (existsSync(file)) throw new EngineError('FILE_EXISTS', { path: basename(file) });

  job.progress(0, 3, 'collecting');
  const payload = await packContents(vault, signer, {
    now,
    bagName,
    encrypted: recipient !== null,
    includeRecordList: input.includeRecordList,
  });
  const keep = keepUntil(now);
  const entries = buildBag(payload, [
    ['Source-Organization', vault.session().clientName],
    ['External-Identifier', vault.vaultId],
    ['External-Description', 'Closeout evidence pack / 证据包'],
    ['Bagging-Date', now.toISOString().slice(0, 10)],
    ['Bag-Software-Agent', `Closeout ${pkg.version}`],
    ['Keep-Until', keep],
    ['Closeout-Personal-Data', input.includeRecordList ? 'record list' : 'none'],
  ]);
  await job.checkpoint();

  job.progress(1, 3, 'signing');
  const out = openAtomic(file, 0o600);
  try {
    const signed = signAttached(tarOf(bagName, entries, now), signer, { signingTime: now });
    const stream = recipient ? encrypt(signed, [{ certificate: recipient }]) : signed;
    for await (const piece of stream) {
      out.write(piece);
      if (out.bytes % (8 * 1024 * 1024) < piece.length) await job.checkpoint();
    }
    out.commit();
  } catch (error) {
    out.abort();
    if (isPkiError(error))
      throw new EngineError('CERTIFICATE_UNREADABLE', { path: file, reason: error.message });
    throw error;
  }

  job.progress(2, 3, 'archiving');
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let archived: string | null = null;
  try {
    if (input.archive) {
      archived = join(archiveDir(dataDir, vault.vaultId), basename(file));
      copyFileSync(file, archived);
    }
    vault.change(
      () => ({
        op: 'evidence.pack',
        params: {
          bag: bagName,
          sha256,
          encrypted: recipient !== null,
          recordList: input.includeRecordList,
          archived: archived !== null,
        },
        counts: { files: payload.length, bytes: bytes.length },
        outcome: 'ok',
      }),
      () => writeSetting(vault.db, 'evidence.lastPack', { at: now.toISOString(), sha256, keepUntil: keep }),
      true,
    );
  } catch (error) {
    rmSync(file, { force: true });
    if (archived) rmSync(archived, { force: true });
    throw error;
  }
  job.progress(3, 3, 'done');
  return {
    path: file,
    archived,
    sha256,
    size: bytes.length,
    encrypted: recipient !== null,
    bag: bagName,
    files: payload.length,
    payloadBytes: payload.reduce((n, e) => n + e.content.length, 0),
    keepUntil: keep,
    signer: { subject: signerInfo.subject, fingerprintSha256: signerInfo.fingerprintSha256 },
    includesPersonalData: input.includeRecordList,
  };
}

/**
 * The closure's final evidence pack, written by a whole-vault wipe before the keys are destroyed: straight
 * into the evidence archive, inside the wipe's job (whose progress it leaves alone and which it does not
 * let a cancel interrupt half-way: the wipe's journal has begun).
 */
export async function finalEvidencePack(
  vault: OpenVault,
  job: JobContext,
  dataDir: string,
  now = new Date(),
): Promise<{ file: string; sha256: string }> {
  const quiet: JobContext = {
    id: job.id,
    signal: job.signal,
    progress: () => undefined,
    checkpoint: () => new Promise((resolve) => setImmediate(resolve)),
  };
  const dir = { path: archiveDir(dataDir, vault.vaultId) };
  const pack = await buildEvidencePack(
    vault,
    { dir, includeRecordList: false, archive: false },
    quiet,
    dataDir,
    now,
  );
  return { file: pack.path, sha256: pack.sha256 };
}
