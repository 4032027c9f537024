// Whether a signer's certificate is trusted: a path to one of the caller's trust anchors (the company CA)
// through certificates the message or the caller supplied, each issued (name, key identifier, keyUsage and
// signature, as node:crypto's X509Certificate checks them) by a CA; every certificate valid at the time
// asked; none revoked by a CRL its issuer signed. The answer names the failure as verification reports it.
import { crlIssuedBy, revokedAt, type ParsedCrl } from './crl';
import { OID } from './oids';
import {
  KEY_USAGE,
  extendedKeyUsage,
  isCa,
  keyUsageBits,
  notAfter,
  notBefore,
  sameCertificate,
  type ParsedCertificate,
} from './x509';

type ChainFailure = 'untrusted-chain' | 'revoked' | 'expired';

type ChainResult =
  { ok: true; path: ParsedCertificate[] } | { ok: false; failure: ChainFailure; detail: string };

const MAX_PATH = 8;

function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

function buildPath(
  leaf: ParsedCertificate,
  anchors: ParsedCertificate[],
  pool: ParsedCertificate[],
): ParsedCertificate[] | null {
  const walk = (cert: ParsedCertificate, seen: ParsedCertificate[]): ParsedCertificate[] | null => {
    if (anchors.some((a) => sameCertificate(a, cert))) return [cert];
    if (seen.length >= MAX_PATH) return null;
    for (const candidate of [...anchors, ...pool]) {
      if (seen.some((s) => sameCertificate(s, candidate)) || sameCertificate(candidate, cert)) continue;
      if (!isCa(candidate) || !issuedBy(cert, candidate)) continue;
      const rest = walk(candidate, [...seen, cert]);
      if (rest) return [cert, ...rest];
    }
    return null;
  };
  return walk(leaf, []);
}

/** A certificate fit to sign, as `openssl cms -verify` (S/MIME signing purpose) decides it. */
function fitToSign(cert: ParsedCertificate): boolean {
  const usage = keyUsageBits(cert);
  if (usage !== null && !(usage & (KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation))) return false;
  const purposes = extendedKeyUsage(cert);
  return (
    purposes === null || purposes.includes(OID.emailProtection) || purposes.includes(OID.anyExtendedKeyUsage)
  );
}

export async function validateChain(
  signer: ParsedCertificate,
  options: { anchors: ParsedCertificate[]; pool: ParsedCertificate[]; crls: ParsedCrl[]; at: Date },
): Promise<ChainResult> {
  if (!fitToSign(signer))
    return { ok: false, failure: 'untrusted-chain', detail: 'the signer certificate is not for signing' };
  const path = buildPath(signer, options.anchors, options.pool);
  if (!path)
    return {
      ok: false,
      failure: 'untrusted-chain',
      detail: 'the signer certificate does not chain to a trust anchor',
    };

  for (let i = 0; i + 1 < path.length; i++) {
    const [cert, issuer] = [path[i], path[i + 1]];
    for (const crl of options.crls) {
      if (!crl.crl.issuer.isEqual(issuer.cert.subject)) continue;
      if (!(await crlIssuedBy(crl, issuer)))
        return {
          ok: false,
          failure: 'untrusted-chain',
          detail: 'a CRL is not signed by the certificate it names',
        };
      const when = revokedAt(crl, cert);
      if (when && when.getTime() <= options.at.getTime())
        return { ok: false, failure: 'revoked', detail: `revoked on ${when.toISOString()}` };
    }
  }

  for (const cert of path) {
    const from = notBefore(cert);
    const until = notAfter(cert);
    if (options.at.getTime() > until.getTime())
      return {
        ok: false,
        failure: 'expired',
        detail: `a certificate in the path expired on ${until.toISOString()}`,
      };
    if (options.at.getTime() < from.getTime())
      return {
        ok: false,
        failure: 'expired',
        detail: `a certificate in the path is valid only from ${from.toISOString()}`,
      };
  }
  return { ok: true, path };
}
