// Schema 9: the closure's own evidence — checklist answers and their files, the company's own checklist
// items, PIPIA/DPIA, the risk register, the people of the closure and their training, progress snapshots
// for the charts, and passphrase-strength checks. None of these tables holds a customer's values: the
// wipe's records purge leaves them, and the evidence pack carries them (docs/FORMATS.md §14).
export const version = 9;

export const sql = `
CREATE TABLE compliance_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE compliance_files (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  size      INTEGER NOT NULL,
  content   BLOB NOT NULL,
  added_at  TEXT NOT NULL,
  added_by  TEXT
) STRICT;

CREATE TABLE compliance_answers (
  item_id     TEXT PRIMARY KEY,
  status      TEXT NOT NULL CHECK (status IN ('met', 'not-met', 'not-applicable')),
  note        TEXT NOT NULL,
  file_id     TEXT REFERENCES compliance_files (id),
  answered_at TEXT NOT NULL,
  answered_by TEXT
) STRICT;

CREATE TABLE company_items (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  TEXT,
  removed_at  TEXT
) STRICT;

CREATE TABLE assessments (
  kind         TEXT NOT NULL CHECK (kind IN ('pipia', 'dpia')),
  version      INTEGER NOT NULL,
  body         TEXT NOT NULL,
  facts        TEXT,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  updated_at   TEXT NOT NULL,
  updated_by   TEXT,
  approved_at  TEXT,
  approved_by  TEXT,
  PRIMARY KEY (kind, version)
) STRICT;

CREATE TABLE risks (
  id          TEXT PRIMARY KEY,
  source      TEXT NOT NULL CHECK (source IN ('guide', 'detected', 'manual')),
  category    TEXT NOT NULL CHECK (category IN ('leakage', 'damage', 'legal', 'other')),
  title       TEXT,
  description TEXT,
  likelihood  INTEGER CHECK (likelihood BETWEEN 1 AND 5),
  impact      INTEGER CHECK (impact BETWEEN 1 AND 5),
  owner       TEXT,
  treatment   TEXT,
  status      TEXT CHECK (status IN ('open', 'treating', 'accepted', 'closed')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
) STRICT;

CREATE TABLE closure_people (
  id                    TEXT PRIMARY KEY,
  name                  TEXT NOT NULL,
  duty                  TEXT NOT NULL,
  organisation          TEXT,
  contact               TEXT,
  added_at              TEXT NOT NULL,
  removed_at            TEXT,
  undertaking_signed_at TEXT,
  undertaking_file_id   TEXT REFERENCES compliance_files (id)
) STRICT;

CREATE TABLE training_log (
  id           TEXT PRIMARY KEY,
  held_on      TEXT NOT NULL,
  topic        TEXT NOT NULL,
  trainer      TEXT NOT NULL,
  attendees    TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT
) STRICT;

CREATE TABLE progress_snapshots (
  day     TEXT PRIMARY KEY,
  stage   TEXT NOT NULL,
  counts  TEXT NOT NULL
) STRICT;

CREATE TABLE passphrase_checks (
  user_id  TEXT PRIMARY KEY,
  score    INTEGER NOT NULL,
  at       TEXT NOT NULL
) STRICT;
`;
