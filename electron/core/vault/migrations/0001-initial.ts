// Schema 1: vault details, users, the audit chain and its signed checkpoints, the company identity.
export const version = 1;

export const sql = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('owner', 'operator', 'auditor')),
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;
CREATE UNIQUE INDEX users_active_name ON users (name) WHERE removed_at IS NULL;

CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT,
  user_name TEXT,
  op        TEXT NOT NULL,
  params    TEXT NOT NULL,
  counts    TEXT NOT NULL,
  outcome   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;

-- Append-only from inside the app: tampering must go around these, and the hash chain then shows it.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

CREATE TABLE audit_checkpoints (
  seq        INTEGER PRIMARY KEY,
  head_hash  TEXT NOT NULL,
  at         TEXT NOT NULL,
  reason     TEXT NOT NULL,
  signature  TEXT NOT NULL
) STRICT;

CREATE TABLE identity (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  certificate_pem TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  created_at      TEXT NOT NULL
) STRICT;
`;
