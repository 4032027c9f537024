// Who signs the compliance centre's documents and evidence packs: the ONE place that turns the open
// vault's keys into a signer. Today that is the company identity stored in the vault (a self-signed RSA
// certificate); when per-user keys chained to the company CA arrive, this returns the acting user's key,
// certificate and chain instead, and every caller follows.
import { EngineError } from '../kernel/engine-error';
import type { Signer } from '../pki';
import { loadIdentity } from '../vault/identity-store';
import type { OpenVault } from '../vault/open-vault';

export interface VaultSigner extends Signer {
  certificatePem: string;
  privateKeyPem: string;
  chain: string[];
  /** The certificates a verifier should trust: the company certificate (the CA once there is one). */
  trustAnchors: string[];
}

export function signerFor(vault: OpenVault): VaultSigner {
  const identity = loadIdentity(vault.db);
  if (!identity) throw new EngineError('IDENTITY_MISSING');
  return {
    certificatePem: identity.certificatePem,
    privateKeyPem: identity.privateKeyPem,
    chain: [],
    trustAnchors: [identity.certificatePem],
  };
}
