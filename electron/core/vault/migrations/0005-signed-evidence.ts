// Schema 5: evidence an insider cannot rewrite. Certificates (the company CA, one per user, their
// status), CRLs, the company's private key sealed under the company key-encryption key, a signature and
// its signer on every audit entry, and triggers protecting all of it. The old identity (a company key in
// clear, readable by every user) becomes a retired certificate; its key is not kept.
import { X509Certificate, createHash } from 'node:crypto';
import type { VaultDb } from '../database';

export const version = 5;

export const sql = `
ALTER TABLE audit ADD COLUMN signature TEXT;
ALTER TABLE audit ADD COLUMN signer TEXT;

CREATE TABLE certificates (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('company', 'user')),
  user_id         TEXT,
  role            TEXT,
  key_fingerprint TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  serial          TEXT UNIQUE,
  fingerprint     TEXT UNIQUE,
  pem             TEXT,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'certified', 'superseded', 'revoked', 'retired')),
  created_at      TEXT NOT NULL,
  certified_at    TEXT,
  revoked_at      TEXT,
  note            TEXT
) STRICT;
CREATE INDEX certificates_user ON certificates (user_id);

CREATE TABLE crls (
  number    INTEGER PRIMARY KEY,
  issued_at TEXT NOT NULL,
  pem       TEXT NOT NULL
) STRICT;

CREATE TABLE company_keys (
  fingerprint TEXT PRIMARY KEY,
  ckek_id     TEXT NOT NULL,
  wrapped     TEXT NOT NULL,
  recovery    TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'certificates are kept'); END;
CREATE TRIGGER certificates_guard BEFORE UPDATE ON certificates
WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.user_id IS NOT OLD.user_id
  OR NEW.public_key IS NOT OLD.public_key OR NEW.key_fingerprint IS NOT OLD.key_fingerprint
  OR (OLD.pem IS NOT NULL AND NEW.pem IS NOT OLD.pem)
  OR OLD.status IN ('revoked', 'retired', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a certificate only moves forward: pending, certified, then revoked or superseded'); END;
CREATE TRIGGER crls_no_update BEFORE UPDATE ON crls
BEGIN SELECT RAISE(ABORT, 'CRLs are append-only'); END;
CREATE TRIGGER crls_no_delete BEFORE DELETE ON crls
BEGIN SELECT RAISE(ABORT, 'CRLs are append-only'); END;
CREATE TRIGGER company_keys_no_delete BEFORE DELETE ON company_keys
BEGIN SELECT RAISE(ABORT, 'the company key is kept'); END;
`;

const keyFingerprint = (x509: X509Certificate): string =>
  fingerprintOf(x509.publicKey.export({ format: 'der', type: 'spki' }));

function fingerprintOf(der: Buffer): string {
  return (createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

/** The old identity becomes a retired company certificate; the entries so far are marked as unsigned. */
export function run(db: VaultDb, now: Date): void {
  const identity = db.prepare('SELECT certificate_pem, created_at FROM identity WHERE id = 1').get() as
    { certificate_pem: string; created_at: string } | undefined;
  if (identity) {
    const x509 = new X509Certificate(identity.certificate_pem);
    db.prepare(
      `INSERT INTO certificates (kind, key_fingerprint, public_key, serial, fingerprint, pem, status, created_at, certified_at, note)
       VALUES ('company', ?, ?, ?, ?, ?, 'retired', ?, ?, 'key-was-readable-by-every-user')`,
    ).run(
      keyFingerprint(x509),
      x509.publicKey.export({ format: 'pem', type: 'spki' }) as string,
      x509.serialNumber.toUpperCase(),
      x509.fingerprint256.toUpperCase(),
      identity.certificate_pem,
      identity.created_at,
      identity.created_at,
    );
  }
  const head = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit').get() as { seq: number };
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('legacy_audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify({ seq: head.seq, at: now.toISOString() }));
  db.exec('DROP TABLE identity');
}
