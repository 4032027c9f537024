// The receipt: the recipient signs (CMS SignedData, attached; Closeout or `openssl cms -sign`) a small JSON
// naming the package's SHA-256. Importing it on the sender's side checks the signature against the
// recipient's certificate (the one the package was locked to; for a password package, the certificate in
// the receipt, recorded by fingerprint), that it names a package of this handover, and then closes the
// handover: its records become TRANSFERRED (the closure plan then moves the stage on).
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import * as pkijs from 'pkijs';
import type { OpParsedInput, ReceiptImported, ReceiptWritten } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { signAttached, verifyAttached } from '../pki';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite, type WriteScope } from '../util/write-guard';
import type { OpenVault } from '../vault/open-vault';
import { credentialOf } from './open-package';
import { receiptJson } from './readme';
import { loadHandover } from './store';

const RECEIPT_FORMAT = 'closeout-handover-receipt';
const MAX_RECEIPT = 1 << 20;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return hash.digest('hex');
}

export async function createReceipt(
  input: OpParsedInput<'handover.receiptCreate'>,
  scope: WriteScope,
): Promise<ReceiptWritten> {
  const packagePath = pathOf(input.package);
  const out = pathOf(input.out);
  guardWrite(out, scope);
  const packageSha256 = await sha256File(packagePath);
  const handoverId =
    /closeout-handover-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-/i.exec(
      basename(packagePath),
    )?.[1] ?? null;
  const { certificatePem, privateKeyPem } = await credentialOf(input);
  if (!certificatePem || !privateKeyPem)
    throw new EngineError('INVALID_INPUT', {
      detail: 'a receipt is signed with a key and its certificate (or a PKCS#12 kit)',
    });
  const content = Buffer.from(
    receiptJson({
      handoverId: handoverId ?? '',
      packageFile: basename(packagePath),
      sha256: packageSha256,
      records: null,
    }),
    'utf8',
  );
  const pieces: Buffer[] = [];
  try {
    for await (const piece of signAttached(content, { certificatePem, privateKeyPem })) pieces.push(piece);
  } catch (error) {
    throw new EngineError('RECEIPT_INVALID', { path: out, detail: (error as Error).message });
  }
  try {
    statSync(out);
    throw new EngineError('FILE_EXISTS', { path: out });
  } catch (error) {
    if (error instanceof EngineError) throw error;
  }
  try {
    writeFileAtomic(out, Buffer.concat(pieces), 0o644);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: out,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return { path: out, packageSha256, handoverId };
}

/** The first certificate a SignedData carries (a password package's receipt is checked against it). */
function embeddedCertificate(der: Buffer): string | null {
  try {
    const info = pkijs.ContentInfo.fromBER(der);
    const signed = new pkijs.SignedData({ schema: info.content });
    const first = signed.certificates?.[0];
    if (!(first instanceof pkijs.Certificate)) return null;
    const body = Buffer.from(first.toSchema().toBER(false)).toString('base64');
    return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  } catch {
    return null;
  }
}

function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > MAX_RECEIPT) done(new Error('receipt content too large'));
      else {
        chunks.push(chunk);
        done();
      }
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

export async function importReceipt(
  vault: OpenVault,
  input: OpParsedInput<'handover.receiptImport'>,
  now = new Date(),
): Promise<ReceiptImported> {
  const handover = loadHandover(vault.db, input.handoverId);
  if (handover.state !== 'packaged')
    throw new EngineError('HANDOVER_CLOSED', {
      handoverId: handover.id,
      state: handover.state === 'open' ? 'not packaged' : handover.state,
    });
  const path = pathOf(input.receipt);
  let der: Buffer;
  try {
    if (statSync(path).size > MAX_RECEIPT)
      throw new EngineError('RECEIPT_INVALID', { path, detail: 'larger than 1 MiB' });
    der = readFileSync(path);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  const anchor = handover.keyMode === 'password' ? embeddedCertificate(der) : handover.certificatePem;
  if (!anchor) throw new EngineError('RECEIPT_INVALID', { path, detail: 'it carries no certificate' });
  const { sink, bytes } = collector();
  let result;
  try {
    result = await verifyAttached(der, sink, { trustAnchors: [anchor], at: now });
  } catch (error) {
    throw new EngineError('RECEIPT_INVALID', { path, detail: (error as Error).message });
  }
  if (!result.ok)
    throw result.failure === 'untrusted-chain'
      ? new EngineError('RECEIPT_SIGNER_MISMATCH', { detail: result.detail })
      : new EngineError('RECEIPT_INVALID', { path, detail: `${result.failure}: ${result.detail}` });
  let receipt: { format?: unknown; packageSha256?: unknown; handoverId?: unknown };
  try {
    receipt = JSON.parse(bytes().toString('utf8')) as typeof receipt;
  } catch {
    throw new EngineError('RECEIPT_INVALID', { path, detail: 'the signed content is not JSON' });
  }
  if (receipt.format !== RECEIPT_FORMAT || typeof receipt.packageSha256 !== 'string')
    throw new EngineError('RECEIPT_INVALID', { path, detail: `not a ${RECEIPT_FORMAT}` });
  const sha256 = receipt.packageSha256.toLowerCase();
  const transfer = vault.db
    .prepare('SELECT id, records FROM handover_transfers WHERE handover_id = ? AND sha256 = ?')
    .get(handover.id, sha256) as { id: number; records: number } | undefined;
  if (!transfer || (receipt.handoverId && receipt.handoverId !== handover.id))
    throw new EngineError('RECEIPT_WRONG_PACKAGE', { sha256 });
  const signer = result.signers[0];
  const at = now.toISOString();
  vault.change(
    () => ({
      op: 'handover.receiptImport',
      params: {
        handoverId: handover.id,
        transferId: transfer.id,
        packageSha256: sha256,
        signerFingerprint: signer.fingerprintSha256,
      },
      counts: { records: transfer.records },
      outcome: 'ok',
    }),
    () => {
      vault.db
        .prepare(
          'UPDATE handover_transfers SET receipt = ?, receipt_signer = ?, received_at = ? WHERE id = ?',
        )
        .run(
          der,
          JSON.stringify({ subject: signer.subject, fingerprintSha256: signer.fingerprintSha256 }),
          at,
          transfer.id,
        );
      vault.db
        .prepare(`UPDATE handovers SET state = 'closed', closed_at = ? WHERE id = ?`)
        .run(at, handover.id);
    },
    true,
  );
  return {
    handoverId: handover.id,
    transferId: transfer.id,
    records: transfer.records,
    signer: { subject: signer.subject, fingerprintSha256: signer.fingerprintSha256 },
    wipeOffered: transfer.records,
  };
}
