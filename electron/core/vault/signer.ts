// Who signs for a session, and the signature every audit entry carries: ECDSA P-256 (a user's key) or
// RSA PKCS#1 v1.5 (the company CA, for recovery-key sessions), SHA-256, over a domain-separated message
// naming the vault, the entry's seq and its hash. The hash of an entry does not cover its signature, so
// entries written before signatures existed keep their hashes.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { EngineError } from '../kernel/engine-error';
import { signDetachedSync, signaturePem, type Signer } from '../pki';
import { keyFingerprint } from './certificates';

export interface SessionSigner {
  /**
   * `user`: a certified user key; `pending`: the user's own key awaiting an owner's certification;
   * `company`: the company CA (recovery-key sessions); `none`: nothing to sign with (a version 1
   * recovery key in an upgraded vault).
   */
  kind: 'user' | 'pending' | 'company' | 'none';
  key: KeyObject | null;
  /** What the audit row's `signer` column holds: the certificate serial, or `key:<fingerprint>`. */
  id: string | null;
  certificatePem: string | null;
  /** The company CA certificate, for CMS signatures' certificate sets. */
  chain: string[];
}

export const NO_SIGNER: SessionSigner = {
  kind: 'none',
  key: null,
  id: null,
  certificatePem: null,
  chain: [],
};

export function certifiedSigner(
  key: KeyObject,
  certificatePem: string,
  serial: string,
  companyPem: string,
): SessionSigner {
  return {
    kind: 'user',
    key,
    id: serial,
    certificatePem,
    chain: companyPem === certificatePem ? [] : [companyPem],
  };
}

export function companySigner(key: KeyObject, companyPem: string, serial: string): SessionSigner {
  return { kind: 'company', key, id: serial, certificatePem: companyPem, chain: [] };
}

export function pendingSigner(key: KeyObject): SessionSigner {
  return { kind: 'pending', key, id: `key:${keyFingerprint(key)}`, certificatePem: null, chain: [] };
}

const ENTRY_FORMAT = 'closeout-audit-entry/2';

/** The signed message, UTF-8, LF line ends: format line, `vault: <id>`, `seq: <n>`, `hash: <64 hex>`. */
export function entryMessage(vaultId: string, seq: number, hash: string): Buffer {
  return Buffer.from(`${ENTRY_FORMAT}\nvault: ${vaultId}\nseq: ${seq}\nhash: ${hash}\n`, 'utf8');
}

export function signEntry(
  signer: SessionSigner,
  vaultId: string,
  seq: number,
  hash: string,
): { signature: string | null; signer: string | null } {
  if (!signer.key || !signer.id) return { signature: null, signer: null };
  return {
    signature: sign('sha256', entryMessage(vaultId, seq, hash), signer.key).toString('base64'),
    signer: signer.id,
  };
}

export function entrySignatureHolds(
  publicKeyPem: string,
  vaultId: string,
  seq: number,
  hash: string,
  signature: string,
): boolean {
  try {
    return verify(
      'sha256',
      entryMessage(vaultId, seq, hash),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** Whether the session holds a certified key (a user's, or the company CA's) that documents are signed with. */
export const hasCertifiedKey = (signer: SessionSigner): boolean =>
  signer.key !== null &&
  signer.certificatePem !== null &&
  (signer.kind === 'user' || signer.kind === 'company');

/**
 * A detached CMS SignedData (PEM) by the session's certified key, with the company CA in its certificate
 * set unless the signed document carries that certificate itself (a backup manifest: every byte of its
 * signature then counts); null when the session has no certified key.
 */
export function cmsSign(
  signer: SessionSigner,
  content: Buffer,
  at: Date,
  options: { chain?: boolean } = {},
): string | null {
  if (!hasCertifiedKey(signer) || !signer.key || !signer.certificatePem) return null;
  const chain = options.chain === false ? [] : signer.chain;
  return signaturePem(
    signDetachedSync(
      content,
      { certificatePem: signer.certificatePem, privateKeyPem: signer.key, chain },
      { signingTime: at },
    ),
  );
}

/**
 * The session's certified key as a CMS signer for the documents it writes (compliance report, PIPIA/DPIA,
 * ROPA, evidence packs), with the company CA certificate a verifier should trust. SIGNING_KEY_PENDING
 * while the session has no certified key.
 */
export type DocumentSigner = Signer & { chain: string[]; companyPem: string };

export function documentSigner(signer: SessionSigner): DocumentSigner {
  if (!signer.key || !signer.certificatePem || (signer.kind !== 'user' && signer.kind !== 'company'))
    throw new EngineError('SIGNING_KEY_PENDING');
  return {
    certificatePem: signer.certificatePem,
    privateKeyPem: signer.key,
    chain: signer.chain,
    companyPem: signer.chain[0] ?? signer.certificatePem,
  };
}
