// The one error type of the signed-evidence library. Codes are stable strings the engine maps into its
// zh-CN/en catalogue; `details` says what and where, never a key, a password or a customer value.

export type PkiErrorCode =
  /** An argument the caller gave cannot be used (an empty name, a date range backwards, a short password). */
  | 'PKI_INPUT_INVALID'
  /** Not an X.509 certificate (PEM or DER), or one that cannot serve where it was given. */
  | 'PKI_CERTIFICATE_INVALID'
  /** Not a usable private key, or a key that does not belong to the certificate beside it. */
  | 'PKI_KEY_INVALID'
  /** A PKCS#12 file that does not open with the password, or holds no certificate. */
  | 'PKI_PKCS12_INVALID'
  /** Not an X.509 CRL (PEM or DER). */
  | 'PKI_CRL_INVALID'
  /** The bytes are not a well-formed CMS structure of the kind expected. */
  | 'PKI_CMS_MALFORMED'
  /** A well-formed structure using an algorithm or form this library does not accept (named in details). */
  | 'PKI_CMS_UNSUPPORTED'
  /** The envelope has no recipient for the key or password given. */
  | 'PKI_NO_RECIPIENT'
  /** The key or password does not open the envelope. */
  | 'PKI_DECRYPT_FAILED'
  /** The encrypted content was altered (GCM tag or CBC padding wrong): discard everything written. */
  | 'PKI_INTEGRITY_FAILED';

export type PkiErrorDetails = Record<string, string | number | boolean | null>;

export class PkiError extends Error {
  readonly code: PkiErrorCode;
  readonly details: PkiErrorDetails;

  constructor(code: PkiErrorCode, details: PkiErrorDetails = {}) {
    const summary = Object.entries(details)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join('; ');
    super(summary ? `${code} (${summary})` : code);
    this.name = 'PkiError';
    this.code = code;
    this.details = details;
  }
}

export const isPkiError = (error: unknown, code?: PkiErrorCode): error is PkiError =>
  error instanceof PkiError && (code === undefined || error.code === code);

/** Shorthand for the commonest throw: a CMS structure that is not what it claims to be. */
export const malformed = (what: string, where: string | number = 'input'): PkiError =>
  new PkiError('PKI_CMS_MALFORMED', { what, where });

export const unsupported = (what: string, where = 'input'): PkiError =>
  new PkiError('PKI_CMS_UNSUPPORTED', { what, where });
