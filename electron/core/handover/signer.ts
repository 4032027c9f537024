// Who signs a handover package (and whose certificate a recipient trusts): the one place that decides.
// Today the company identity; once users have their own signing keys chained to the company CA, this
// returns the acting user's key and certificate with the chain up to the company.
import { EngineError } from '../kernel/engine-error';
import { loadIdentity } from '../vault/identity-store';
import type { OpenVault } from '../vault/open-vault';

export interface HandoverSigner {
  privateKey: string;
  certificatePem: string;
  /** The certificates from the signer's issuer up to the company certificate (the trust anchor). */
  chainPem: string[];
  /** The company certificate a recipient verifies against (`openssl cms -verify -CAfile`). */
  trustAnchorPem: string;
}

export function signerFor(vault: OpenVault): HandoverSigner {
  const identity = loadIdentity(vault.db);
  if (!identity) throw new EngineError('INTERNAL', { ref: 'vault without a company identity' });
  return {
    privateKey: identity.privateKeyPem,
    certificatePem: identity.certificatePem,
    chainPem: [],
    trustAnchorPem: identity.certificatePem,
  };
}
