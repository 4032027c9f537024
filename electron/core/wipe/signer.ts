// Who signs a wipe's certificate — the one place the wipe asks. Today every vault has one signing
// identity, the company's (RSA, self-signed, kept inside the vault), so the chain is empty and the
// company certificate is both the signer and the trust anchor. When users get their own keys chained to
// the company CA, this returns the acting user's key and certificate with the CA as `chainPem`.
import type { Signer } from '../pki';
import { EngineError } from '../kernel/engine-error';
import { loadIdentity } from '../vault/identity-store';
import type { OpenVault } from '../vault/open-vault';

export interface WipeSigner {
  /** PKCS#8 PEM. */
  privateKey: string;
  certificatePem: string;
  /** Up to and including the company CA; empty when the signer is the company itself. */
  chainPem: string[];
  /** The certificate a verifier trusts: the company's (openssl cms -verify -CAfile). */
  companyCertificatePem: string;
}

export function wipeSigner(vault: OpenVault): WipeSigner {
  const identity = loadIdentity(vault.db);
  if (!identity) throw new EngineError('IDENTITY_MISSING');
  return {
    privateKey: identity.privateKeyPem,
    certificatePem: identity.certificatePem,
    chainPem: [],
    companyCertificatePem: identity.certificatePem,
  };
}

export const pkiSigner = (signer: WipeSigner): Signer => ({
  certificatePem: signer.certificatePem,
  privateKeyPem: signer.privateKey,
  chain: signer.chainPem,
});
