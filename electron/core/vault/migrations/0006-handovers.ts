// Schema 6: handovers to a successor. Everything a person types or attaches (the recipient's details, the
// agreement and its signed PDF, vetting evidence, the PIPIA, notice tracking, objections and consents with
// their evidence) lives here, inside the encrypted vault; files written outside are only the outputs asked
// for (kit, PIPIA PDF, notices, the package and its README).
export const version = 6;

export const sql = `
CREATE TABLE handovers (
  id                 TEXT PRIMARY KEY,
  state              TEXT NOT NULL CHECK (state IN ('open', 'packaged', 'closed')),
  created_at         TEXT NOT NULL,
  created_by         TEXT,
  route              TEXT NOT NULL CHECK (route IN ('succession', 'provision', 'cross-border')),
  reasoning          TEXT NOT NULL DEFAULT '',
  recipient          TEXT NOT NULL,
  disposition_label  TEXT NOT NULL,
  key_mode           TEXT NOT NULL CHECK (key_mode IN ('certificate', 'kit', 'password')),
  certificate_pem    TEXT,
  cross_border       TEXT NOT NULL DEFAULT '{}',
  fields             TEXT NOT NULL,
  notice             TEXT,
  override_reason    TEXT,
  override_by        TEXT,
  override_at        TEXT,
  closed_at          TEXT
) STRICT;

CREATE TABLE handover_agreements (
  handover_id  TEXT PRIMARY KEY REFERENCES handovers (id),
  terms        TEXT NOT NULL,
  signed_on    TEXT NOT NULL,
  file_name    TEXT,
  file_sha256  TEXT,
  file_bytes   INTEGER,
  file         BLOB,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT
) STRICT;

-- Attached files (vetting evidence, response evidence): their bytes, encrypted with the vault.
CREATE TABLE handover_evidence (
  id           INTEGER PRIMARY KEY,
  handover_id  TEXT NOT NULL REFERENCES handovers (id),
  purpose      TEXT NOT NULL,
  name         TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  bytes        INTEGER NOT NULL,
  content      BLOB NOT NULL,
  added_at     TEXT NOT NULL,
  added_by     TEXT
) STRICT;
CREATE INDEX handover_evidence_purpose ON handover_evidence (handover_id, purpose);

CREATE TABLE handover_vetting (
  handover_id  TEXT NOT NULL REFERENCES handovers (id),
  item         TEXT NOT NULL CHECK (item IN ('licence', 'security', 'incidents', 'dpo')),
  done         INTEGER NOT NULL,
  note         TEXT NOT NULL,
  evidence     TEXT NOT NULL DEFAULT '[]',
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT,
  PRIMARY KEY (handover_id, item)
) STRICT;

CREATE TABLE handover_pipias (
  handover_id  TEXT PRIMARY KEY REFERENCES handovers (id),
  answers      TEXT NOT NULL,
  approved     TEXT,
  approved_by  TEXT,
  approved_at  TEXT,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE handover_notices (
  handover_id  TEXT NOT NULL REFERENCES handovers (id),
  customer_id  INTEGER NOT NULL REFERENCES customers (id),
  language     TEXT NOT NULL CHECK (language IN ('zh-CN', 'en')),
  channel      TEXT,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'bounced')),
  sent_at      TEXT,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (handover_id, customer_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE handover_responses (
  id             INTEGER PRIMARY KEY,
  handover_id    TEXT NOT NULL REFERENCES handovers (id),
  customer_id    INTEGER NOT NULL REFERENCES customers (id),
  kind           TEXT NOT NULL CHECK (kind IN ('objection', 'consent')),
  consent_type   TEXT CHECK (consent_type IN ('separate', 'guardian')),
  received_on    TEXT NOT NULL,
  channel        TEXT,
  note           TEXT NOT NULL,
  evidence_id    INTEGER REFERENCES handover_evidence (id),
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT
) STRICT;
CREATE INDEX handover_responses_customer ON handover_responses (handover_id, customer_id);

CREATE TABLE handover_transfers (
  id              INTEGER PRIMARY KEY,
  handover_id     TEXT NOT NULL REFERENCES handovers (id),
  file_name       TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  bytes           INTEGER NOT NULL,
  records         INTEGER NOT NULL,
  fields          TEXT NOT NULL,
  cipher          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  receipt         BLOB,
  receipt_signer  TEXT,
  received_at     TEXT
) STRICT;
CREATE UNIQUE INDEX handover_transfers_sha256 ON handover_transfers (sha256);

-- Which records each package carried; once its receipt is in, they are TRANSFERRED.
CREATE TABLE handover_records (
  transfer_id  INTEGER NOT NULL REFERENCES handover_transfers (id),
  customer_id  INTEGER NOT NULL,
  PRIMARY KEY (transfer_id, customer_id)
) STRICT, WITHOUT ROWID;
`;
