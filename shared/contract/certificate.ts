// certificate.*: checking a certificate Closeout issued (sanitisation, restore drill) against the company
// certificate, without a vault: the signature over the JSON's exact bytes and the signer's chain.
import { z } from 'zod';
import { fileRef, op, type OpSpec } from './op';

export interface CertificateVerification {
  /** True only when the signature is sound, chains to the company certificate, and the JSON is ours. */
  ok: boolean;
  /** Why not: digest-mismatch, bad-signature, untrusted-chain, revoked, expired, malformed, unsupported, not-a-certificate. */
  failure: string | null;
  detail: string;
  /** The JSON's own format and identity, when it could be read. */
  format: string | null;
  certificateId: string | null;
  issuedAt: string | null;
  clientName: string | null;
  signer: { subject: string; fingerprintSha256: string; signingTime: string | null } | null;
}

export const certificateOps = {
  'certificate.verify': op<CertificateVerification>()({
    input: z.strictObject({
      json: fileRef('certificate', 'open'),
      signature: fileRef('certificate', 'open'),
      companyCertificate: fileRef('certificate', 'open'),
    }),
    access: 'public',
    job: false,
    writes: false,
    summary: "Check a certificate's detached CMS signature and its chain to the company certificate",
  }),
} as const satisfies Record<string, OpSpec>;
