// certificate.verify: is this a certificate Closeout issued, unchanged, signed by a key that chains to
// this company certificate? The detached CMS signature over the JSON's exact bytes is checked by the
// pki library (digest, signature, chain, validity); then the JSON must be one of Closeout's certificates.
import { readFileSync } from 'node:fs';
import type { CertificateVerification, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { isPkiError, verifyDetached } from '../pki';
import { pathOf } from '../util/file-ref';

const CERTIFICATE_FORMATS = ['closeout-sanitisation-certificate', 'closeout-restore-drill-certificate'];

function read(ref: OpParsedInput<'certificate.verify'>['json']): Buffer {
  const path = pathOf(ref);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

interface CertificateHead {
  format?: unknown;
  certificateId?: unknown;
  issuedAt?: unknown;
  vault?: { clientName?: unknown };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function verifyCertificate(
  input: OpParsedInput<'certificate.verify'>,
): Promise<CertificateVerification> {
  const json = read(input.json);
  const signature = read(input.signature);
  const company = read(input.companyCertificate);
  let head: CertificateHead;
  try {
    head = JSON.parse(json.toString('utf8')) as CertificateHead;
  } catch {
    head = {};
  }
  const facts = {
    format: text(head.format),
    certificateId: text(head.certificateId),
    issuedAt: text(head.issuedAt),
    clientName: text(head.vault?.clientName),
  };
  let result: Awaited<ReturnType<typeof verifyDetached>>;
  try {
    result = await verifyDetached(signature, json, { trustAnchors: [company] });
  } catch (error) {
    if (!isPkiError(error)) throw error;
    return { ok: false, failure: 'malformed', detail: error.message, ...facts, signer: null };
  }
  if (!result.ok)
    return {
      ok: false,
      failure: result.failure,
      detail: result.detail,
      ...facts,
      signer: result.signer
        ? {
            subject: result.signer.subject,
            fingerprintSha256: result.signer.fingerprintSha256,
            signingTime: result.signer.signingTime,
          }
        : null,
    };
  const signer = result.signers[0];
  const ours = facts.format !== null && CERTIFICATE_FORMATS.includes(facts.format);
  return {
    ok: ours,
    failure: ours ? null : 'not-a-certificate',
    detail: ours
      ? `signed by ${signer.subject} (SHA-256 ${signer.fingerprintSha256}), chained to the company certificate`
      : 'the signature is sound, but the JSON is not a certificate Closeout issues',
    ...facts,
    signer: {
      subject: signer.subject,
      fingerprintSha256: signer.fingerprintSha256,
      signingTime: signer.signingTime,
    },
  };
}
