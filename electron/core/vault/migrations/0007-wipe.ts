// Schema 7: the secure wipe. `outputs`: every file Closeout wrote (kind, path, SHA-256), so a wipe finds
// them and touches only files still as written; the paper and cloud destruction logs; and the wipes
// this vault has been through, with the SHA-256 of each certificate.
export const version = 7;

export const sql = `
CREATE TABLE outputs (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  path       TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  bytes      INTEGER NOT NULL,
  at         TEXT NOT NULL,
  by_user    TEXT,
  wiped_at   TEXT,
  wipe_id    TEXT
) STRICT;
CREATE INDEX outputs_path ON outputs (path);

CREATE TABLE paper_destructions (
  id                  INTEGER PRIMARY KEY,
  batch               TEXT NOT NULL,
  description         TEXT NOT NULL,
  sheets              INTEGER,
  boxes               INTEGER,
  method              TEXT NOT NULL CHECK (method IN ('shredder', 'incineration', 'pulping', 'destruction-company')),
  level               TEXT,
  particle_size       TEXT,
  company             TEXT,
  company_certificate TEXT,
  date                TEXT NOT NULL,
  operator            TEXT NOT NULL,
  witness             TEXT NOT NULL,
  recovery_sheet      INTEGER NOT NULL DEFAULT 0,
  evidence            TEXT,
  logged_at           TEXT NOT NULL,
  logged_by           TEXT NOT NULL
) STRICT;

CREATE TABLE cloud_deletions (
  id              INTEGER PRIMARY KEY,
  service         TEXT NOT NULL,
  account         TEXT NOT NULL,
  data            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('requested', 'confirmed')),
  requested_on    TEXT,
  confirmed_on    TEXT,
  reference       TEXT,
  account_closed  INTEGER NOT NULL DEFAULT 0,
  processor       TEXT CHECK (processor IN ('returned', 'deleted')),
  evidence        TEXT NOT NULL DEFAULT '[]',
  note            TEXT,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  UNIQUE (service, account)
) STRICT;

CREATE TABLE wipes (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('records', 'vault')),
  started_at         TEXT NOT NULL,
  by_user            TEXT NOT NULL,
  purged_at          TEXT,
  certified_at       TEXT,
  certificate_sha256 TEXT,
  counts             TEXT NOT NULL DEFAULT '{}',
  certificate_json   TEXT
) STRICT;
`;
