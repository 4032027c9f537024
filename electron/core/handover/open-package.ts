// handover.open (job), the recipient's side: decrypt a package (ours, or one openssl made to the same
// layout) with a key, a PKCS#12 kit or the password, verify the sender's signature against the sender's
// company certificate, check the bag as it streams (paths, every digest, nothing missing or extra), show
// a preview, and — when asked — import the records into a new vault. Until signature and bag both hold,
// the decrypted content lives only in a private folder that is deleted on any failure.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OpParsedInput, PackageOpened } from '../../../shared/contract';
import { CUSTOMER_FIELDS, type ColumnTarget } from '../../../shared/customer';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { runImport } from '../import/import-source';
import { certificateInfo, decrypt, isPkiError, keyFromPkcs12, verifyAttached, type Credential } from '../pki';
import { pathOf } from '../util/file-ref';
import { createVault, VAULT_EXTENSION } from '../vault/create-vault';
import { keyringPathFor } from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';
import { forgetVault } from '../vault/registry';
import { BagReader } from './bag-read';

const PREVIEW_ROWS = 20;

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** The key, kit or password that opens the package (or signs a receipt). */
export async function credentialOf(input: {
  key?: { path: string } | { handle: string };
  certificate?: { path: string } | { handle: string };
  pkcs12?: { path: string } | { handle: string };
  password?: string;
}): Promise<{ credential: Credential; certificatePem: string | null; privateKeyPem: string | null }> {
  if (input.pkcs12) {
    if (!input.password)
      throw new EngineError('INVALID_INPUT', { detail: 'password: a PKCS#12 kit needs its password' });
    try {
      const kit = await keyFromPkcs12(readInput(pathOf(input.pkcs12)), input.password);
      return {
        credential: { privateKey: kit.privateKeyPem, certificate: kit.certificatePem },
        ...kit,
      };
    } catch (error) {
      if (isPkiError(error)) throw new EngineError('PACKAGE_WRONG_KEY', { path: pathOf(input.pkcs12) });
      throw error;
    }
  }
  if (input.key) {
    const privateKeyPem = readInput(pathOf(input.key)).toString('latin1');
    const certificatePem = input.certificate ? readInput(pathOf(input.certificate)).toString('latin1') : null;
    return {
      credential: certificatePem
        ? { privateKey: privateKeyPem, certificate: certificatePem }
        : { privateKey: privateKeyPem },
      certificatePem,
      privateKeyPem,
    };
  }
  if (input.password)
    return { credential: { password: input.password }, certificatePem: null, privateKeyPem: null };
  throw new EngineError('INVALID_INPUT', { detail: 'give a private key, a PKCS#12 kit or the password' });
}

/** The sender's company certificate: the file named, or the .sender.pem written beside the package. */
function trustAnchor(packagePath: string, trust: OpParsedInput<'handover.open'>['trust']): string {
  const path = trust ? pathOf(trust) : packagePath.replace(/\.p7m$/i, '') + '.sender.pem';
  if (!trust && !existsSync(path)) throw new EngineError('PACKAGE_TRUST_NEEDED');
  const pem = readInput(path).toString('latin1');
  try {
    certificateInfo(pem);
  } catch {
    throw new EngineError('PACKAGE_TRUST_NEEDED');
  }
  return pem;
}

const README_LIMIT = 256 * 1024;

/** The README written beside the package (`<name>.README.txt`), as text; null when there is none. */
function readmeBeside(packagePath: string): string | null {
  const path = packagePath.replace(/\.p7m$/i, '') + '.README.txt';
  try {
    const bytes = readFileSync(path);
    return bytes.subarray(0, README_LIMIT).toString('utf8');
  } catch {
    return null;
  }
}

async function* hashed(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}

function packageError(path: string, error: unknown): unknown {
  if (!isPkiError(error)) return error;
  if (
    error.code === 'PKI_NO_RECIPIENT' ||
    error.code === 'PKI_DECRYPT_FAILED' ||
    error.code === 'PKI_KEY_INVALID'
  )
    return new EngineError('PACKAGE_WRONG_KEY', { path });
  if (error.code === 'PKI_INTEGRITY_FAILED')
    return new EngineError('PACKAGE_TAMPERED', { path, detail: 'the envelope' });
  return new EngineError('PACKAGE_UNREADABLE', { path, detail: String(error.details.what ?? error.code) });
}

/** Import mapping for customers.jsonl: each field to itself, everything else kept as an extra field. */
function mappingOf(keys: string[]): Record<string, ColumnTarget> {
  return Object.fromEntries(
    keys.map((k) => [k, (CUSTOMER_FIELDS as readonly string[]).includes(k) ? (k as ColumnTarget) : 'extra']),
  );
}

export async function openPackage(
  input: OpParsedInput<'handover.open'>,
  dataDir: string,
  job: JobContext,
): Promise<{ opened: PackageOpened; vault: OpenVault | null }> {
  const path = pathOf(input.package);
  if (!existsSync(path)) throw new EngineError('FILE_UNREADABLE', { path, reason: 'ENOENT' });
  const anchor = trustAnchor(path, input.trust);
  const { credential } = await credentialOf(input);
  let target: string | null = null;
  if (input.to) {
    if (!input.owner)
      throw new EngineError('INVALID_INPUT', { detail: 'owner: a new vault needs its owner' });
    target = pathOf(input.to);
    if (!target.endsWith(VAULT_EXTENSION)) target += VAULT_EXTENSION;
    if (existsSync(target)) throw new EngineError('VAULT_EXISTS', { path: target });
  }
  const scratch = target ? join(dirname(target), `.closeout-open-${randomBytes(6).toString('hex')}`) : null;
  const hash = createHash('sha256');
  let vault: OpenVault | null = null;
  const reader = new BagReader({ dir: scratch, previewRows: PREVIEW_ROWS });
  try {
    if (scratch) mkdirSync(scratch, { mode: 0o700 });
    job.progress(0, null, 'verifying');
    let verified;
    try {
      verified = await verifyAttached(decrypt(hashed(path, hash), credential), reader.writable, {
        trustAnchors: [anchor],
      });
    } catch (error) {
      throw packageError(path, error);
    }
    if (!verified.ok)
      throw verified.failure === 'malformed' || verified.failure === 'digest-mismatch'
        ? new EngineError('PACKAGE_TAMPERED', { path, detail: `${verified.failure}: ${verified.detail}` })
        : new EngineError('PACKAGE_SIGNATURE_INVALID', {
            path,
            detail: `${verified.failure}: ${verified.detail}`,
          });
    await reader.finish();
    const bagInfo = reader.check();
    const signer = verified.signers[0];
    const schema =
      reader.files.has('data/schema.json') && scratch
        ? (JSON.parse(readFileSync(join(scratch, 'data/schema.json'), 'utf8')) as {
            columns?: Array<{ key: string }>;
          })
        : null;
    const fields = schema?.columns?.map((c) => c.key) ?? Object.keys(reader.preview[0] ?? {});
    const opened: PackageOpened = {
      signer: {
        subject: signer.subject,
        organisation: signer.organisation,
        fingerprintSha256: signer.fingerprintSha256,
        signingTime: signer.signingTime,
      },
      trust: (({ subject, organisation, fingerprintSha256 }) => ({
        subject,
        organisation,
        fingerprintSha256,
      }))(certificateInfo(anchor)),
      readme: readmeBeside(path),
      bagInfo,
      files: [...reader.files].map(([name, f]) => ({ path: name, ...f })),
      records: reader.records,
      fields,
      preview: reader.preview,
      packageSha256: hash.digest('hex'),
      vault: null,
    };
    if (!target || !scratch || !input.owner) return { opened, vault: null };

    job.progress(0, reader.records, 'importing');
    const created = await createVault(
      {
        file: { path: target },
        details: {
          clientName:
            bagInfo['Closeout-Recipient'] || signer.organisation || basename(target, VAULT_EXTENSION),
          creditCode: bagInfo['Closeout-Recipient-Credit-Code'] || null,
          closureReason: null,
          contact: null,
        },
        owner: input.owner,
      },
      dataDir,
    );
    vault = created.vault;
    const imported = await runImport(
      vault,
      {
        inputs: [{ file: { path: join(scratch, 'data/customers.jsonl') }, mapping: mappingOf(fields) }],
        allowSameSource: false,
      },
      job,
    );
    vault.audit({
      op: 'handover.open',
      params: {
        packageSha256: opened.packageSha256,
        signerFingerprint: signer.fingerprintSha256,
        handoverId: bagInfo['External-Identifier'] ?? null,
      },
      counts: { records: reader.records, imported: imported.totals.imported },
      outcome: 'ok',
    });
    opened.vault = { path: target, imported: imported.totals.imported, session: vault.session() };
    return { opened, vault };
  } catch (error) {
    if (vault) {
      const id = vault.vaultId;
      vault.close();
      for (const file of [target!, `${target}-wal`, `${target}-shm`, keyringPathFor(target!)])
        rmSync(file, { force: true });
      forgetVault(dataDir, id);
    }
    throw error;
  } finally {
    await reader.abort();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
