// The signed-evidence library: certificates, CRLs, PKCS#12 kits, CMS SignedData, EnvelopedData,
// AuthEnvelopedData and password recipients, streamed, and readable by `openssl cms`.
export { PkiError, isPkiError, type PkiErrorCode, type PkiErrorDetails } from './errors';
export {
  certificateInfo,
  createCompanyCa,
  generateRecipientKit,
  generateUserKeyPair,
  issueUserCertificate,
  type CertificateInfo,
  type CompanyCa,
  type KeyAndCertificate,
} from './certificates';
export { REVOCATION_REASONS, createCrl, type RevocationReason, type RevokedEntry } from './crl';
export { keyFromPkcs12, makePkcs12, readCertificate } from './pkcs12';
export type { BinaryInput } from './encoding';
export type { CmsInput, ContentInput } from './input';
export {
  signAttached,
  signDetached,
  signDetachedSync,
  signaturePem,
  type SignOptions,
  type Signer,
} from './signed-data';
export {
  verifyAttached,
  verifyAttachedToFile,
  verifyDetached,
  type SignerSummary,
  type VerifyFailure,
  type VerifyOptions,
  type VerifyResult,
} from './verify';
export { encrypt, type ContentCipher, type EncryptOptions } from './enveloped';
export { decrypt, decryptToFile } from './decrypt';
export { PWRI_ITERATIONS, type Credential, type Recipient } from './recipients';
