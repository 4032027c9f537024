// Schema 3: imported sources, customer records with their classification, duplicates and disposition,
// quarantined rows, versioned classification rules, saved mappings, and the search index.
export const version = 3;

export const sql = `
CREATE TABLE sources (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  sha256           TEXT NOT NULL,
  bytes            INTEGER NOT NULL,
  format           TEXT NOT NULL,
  encoding         TEXT,
  sheet            TEXT,
  imported_at      TEXT NOT NULL,
  imported_by      TEXT,
  rows_read        INTEGER NOT NULL,
  imported         INTEGER NOT NULL,
  quarantined      INTEGER NOT NULL,
  mapping          TEXT NOT NULL,
  source_deleted_at TEXT
) STRICT;
CREATE INDEX sources_sha256 ON sources (sha256);

CREATE TABLE customers (
  id                  INTEGER PRIMARY KEY,
  source_id           TEXT NOT NULL REFERENCES sources (id),
  source_line         INTEGER NOT NULL,
  source_sheet        TEXT,
  raw                 TEXT NOT NULL,
  name                TEXT,
  organisation        TEXT,
  phone               TEXT,
  phone_raw           TEXT,
  phone_status        TEXT NOT NULL CHECK (phone_status IN ('valid', 'invalid', 'missing')),
  phone_region        TEXT,
  email               TEXT,
  email_status        TEXT NOT NULL CHECK (email_status IN ('valid', 'invalid', 'missing')),
  id_number           TEXT,
  id_number_status    TEXT NOT NULL CHECK (id_number_status IN ('valid', 'invalid', 'missing', 'legacy')),
  birth_date          TEXT,
  credit_code         TEXT,
  credit_code_status  TEXT NOT NULL CHECK (credit_code_status IN ('valid', 'invalid', 'missing')),
  address             TEXT,
  country             TEXT,
  product             TEXT,
  last_order_date     TEXT,
  lifetime_value      INTEGER,
  currency            TEXT,
  notes               TEXT,
  extra               TEXT NOT NULL DEFAULT '{}',
  name_key            TEXT,
  type                TEXT CHECK (type IN ('individual', 'business', 'unknown')),
  type_doubtful       INTEGER NOT NULL DEFAULT 0,
  region              TEXT CHECK (region IN ('mainland', 'hk_mo_tw', 'overseas', 'unknown')),
  region_country      TEXT,
  region_conflict     INTEGER NOT NULL DEFAULT 0,
  region_evidence     TEXT,
  category            TEXT,
  sensitive           TEXT NOT NULL DEFAULT '',
  minor               INTEGER NOT NULL DEFAULT 0,
  stale               INTEGER NOT NULL DEFAULT 0,
  formula_like        INTEGER NOT NULL DEFAULT 0,
  completeness        INTEGER NOT NULL DEFAULT 0,
  incomplete          INTEGER NOT NULL DEFAULT 0,
  overrides           TEXT NOT NULL DEFAULT '{}',
  rules_version       INTEGER,
  cluster_id          INTEGER,
  merged_into         INTEGER REFERENCES customers (id),
  disposition         TEXT CHECK (disposition IN ('RETAIN', 'TRANSFER', 'ANONYMISE', 'DESTROY')),
  disposition_basis   TEXT,
  retain_until        TEXT,
  disposition_recipient TEXT,
  disposition_source  TEXT,
  created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX customers_source ON customers (source_id, source_line);
CREATE INDEX customers_phone ON customers (phone) WHERE phone IS NOT NULL;
CREATE INDEX customers_email ON customers (email) WHERE email IS NOT NULL;
CREATE INDEX customers_id_number ON customers (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX customers_credit_code ON customers (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX customers_name_key ON customers (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX customers_cluster ON customers (cluster_id) WHERE cluster_id IS NOT NULL;
CREATE INDEX customers_disposition ON customers (disposition);
-- Not partial: the records view pages over "merged_into IS NULL" in id order (a covering scan of this
-- index, far smaller than the table), and finds the rows merged into a record by equality.
CREATE INDEX customers_merged_into ON customers (merged_into);

CREATE TABLE quarantine (
  id         INTEGER PRIMARY KEY,
  source_id  TEXT NOT NULL REFERENCES sources (id),
  line       INTEGER NOT NULL,
  sheet      TEXT,
  kind       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  raw        TEXT
) STRICT;
CREATE INDEX quarantine_source ON quarantine (source_id, line);

CREATE TABLE rules (
  version     INTEGER PRIMARY KEY,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT,
  note        TEXT
) STRICT;

CREATE TABLE mappings (
  name        TEXT PRIMARY KEY,
  body        TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE clusters (
  id          INTEGER PRIMARY KEY,
  score       REAL NOT NULL,
  explanation TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
  decided_at  TEXT,
  decided_by  TEXT
) STRICT;

CREATE TABLE merges (
  id           INTEGER PRIMARY KEY,
  cluster_id   INTEGER REFERENCES clusters (id),
  survivor_id  INTEGER NOT NULL REFERENCES customers (id),
  merged_ids   TEXT NOT NULL,
  before       TEXT NOT NULL,
  chosen       TEXT NOT NULL,
  at           TEXT NOT NULL,
  by_user      TEXT,
  undone_at    TEXT
) STRICT;
CREATE INDEX merges_survivor ON merges (survivor_id);

-- Two records a person took apart in duplicate review (a < b): detection never links them again.
CREATE TABLE cluster_apart (
  a   INTEGER NOT NULL REFERENCES customers (id),
  b   INTEGER NOT NULL REFERENCES customers (id),
  at  TEXT NOT NULL,
  PRIMARY KEY (a, b)
) STRICT, WITHOUT ROWID;

-- Substring search: the engine writes each record's searchable text as overlapping bigrams (plus the
-- last character alone), so any substring of two or more characters is a phrase of consecutive bigrams
-- and one character is a prefix query. Contentless: the values stay only in customers.
CREATE VIRTUAL TABLE customers_fts USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
`;
