// The certificate of sanitisation: NIST SP 800-88 §4.8's fields (who, which media, the type and method,
// the tool and its version, verification, date, signature) with PIPL Art. 47's trigger, counts per
// scope, what was kept and why, the backups destroyed or left unreadable, the paper and cloud logs, the
// deletion manifest's SHA-256 and the audit head. Prepared (JSON, detached CMS signature, PDF, company
// certificate) in the wipe's journal folder, then published to the chosen folder — once, even if a kill
// makes a rerun publish it. Format: docs/FORMATS.md.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WipeCertificateFiles } from '../../../shared/contract';
import { certificateJson, writeDocumentFiles } from '../documents/signed-document';
import { fileStamp } from '../util/file-stamp';
import { EngineError } from '../kernel/engine-error';
import { certificateInfo } from '../pki';
import { cmsSign, type SessionSigner } from '../vault/signer';
import type { SanitisationCertificate } from './certificate-format';
import { renderCertificatePdf } from './certificate-pdf';
import type { Journal } from './journal';

/** The names the published files take: one base per wipe (the time it began), five files. */
export function certificateNames(
  journal: Journal,
): Record<keyof Omit<WipeCertificateFiles, 'sha256'>, string> {
  const b = journal.begin;
  const base = `closeout-sanitisation-${b.vaultId.slice(0, 8)}-${fileStamp(new Date(b.at))}`;
  return {
    pdf: `${base}.pdf`,
    json: `${base}.json`,
    signature: `${base}.json.p7s`,
    manifest: `${base}.deletion-manifest.json`,
    companyCertificate: `${base}.company.pem`,
  };
}

const PREPARED = {
  json: 'certificate.json',
  signature: 'certificate.json.p7s',
  pdf: 'certificate.pdf',
  companyCertificate: 'company.pem',
  manifest: 'deletion-manifest.json',
} as const;

/** Writes the deletion manifest into the journal folder; returns its SHA-256. */
export function prepareManifest(journal: Journal, manifest: unknown): string {
  const bytes = certificateJson(manifest);
  journal.put(PREPARED.manifest, bytes);
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The session's certified signer (the acting user's key, or the company CA in a recovery-key session),
 * asked for before a wipe changes anything: a certificate nobody can sign is refused up front.
 */
export function requireCertifiedSigner(signer: SessionSigner): SessionSigner & { certificatePem: string } {
  if (!signer.key || !signer.certificatePem || (signer.kind !== 'user' && signer.kind !== 'company'))
    throw new EngineError('SIGNING_KEY_PENDING');
  return signer as SessionSigner & { certificatePem: string };
}

/** The company CA that issued the signer's certificate: the trust anchor a verifier gives openssl. */
const companyPemOf = (signer: SessionSigner & { certificatePem: string }): string =>
  signer.chain.at(-1) ?? signer.certificatePem;

export const signerSummary = (signer: SessionSigner) => {
  const signed = requireCertifiedSigner(signer);
  const info = certificateInfo(signed.certificatePem);
  const company = certificateInfo(companyPemOf(signed));
  return {
    subject: info.subject,
    fingerprintSha256: info.fingerprintSha256,
    serial: signer.id,
    company: { subject: company.subject, fingerprintSha256: company.fingerprintSha256 },
  };
};

/**
 * Signs the certificate and writes it (JSON, signature, PDF, company certificate) into the journal folder,
 * then journals 'certificate-ready' with its SHA-256: from here a rerun publishes these very bytes.
 */
export async function prepareCertificate(
  journal: Journal,
  certificate: SanitisationCertificate,
  signer: SessionSigner,
): Promise<string> {
  const signed = requireCertifiedSigner(signer);
  const json = certificateJson(certificate);
  const signature = cmsSign(signed, json, new Date(certificate.issuedAt));
  if (!signature) throw new EngineError('SIGNING_KEY_PENDING');
  const pdf = await renderCertificatePdf(certificate, certificateNames(journal));
  journal.put(PREPARED.signature, signature);
  journal.put(PREPARED.pdf, pdf);
  journal.put(PREPARED.companyCertificate, companyPemOf(signed));
  journal.put(PREPARED.json, json);
  const sha256 = createHash('sha256').update(json).digest('hex');
  journal.step('certificate-ready', { sha256 });
  return sha256;
}

/** The prepared certificate's SHA-256, once it is ready. */
export const preparedSha256 = (journal: Journal): string | null =>
  (journal.detail('certificate-ready')?.sha256 as string | undefined) ?? null;

/** Copies the prepared files into the chosen folder (a rerun finds them there and is done). */
export function publishCertificate(journal: Journal): WipeCertificateFiles {
  const names = certificateNames(journal);
  const dir = journal.begin.certificateDir;
  const keys = Object.keys(PREPARED) as Array<keyof typeof PREPARED>;
  writeDocumentFiles(
    keys.map((k) => ({ path: join(dir, names[k]), bytes: readFileSync(journal.path(PREPARED[k])) })),
    { sameIsDone: true },
  );
  return {
    pdf: join(dir, names.pdf),
    json: join(dir, names.json),
    signature: join(dir, names.signature),
    manifest: join(dir, names.manifest),
    companyCertificate: join(dir, names.companyCertificate),
    sha256: preparedSha256(journal) ?? '',
  };
}
