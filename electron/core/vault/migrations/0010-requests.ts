// Schema 10: customers' requests and complaints. A row names the customer by the record's number only
// (`record_ref`, no foreign key: the record may be purged, the request stays as evidence for at least
// 24 months), never by a value; what fulfilling did is kept as ids, counts, field and file names.
// `deletion_started_at`: a deletion's purge began (it commits on its own), so a retry can find its wipe.
export const version = 10;

export const sql = `
CREATE TABLE requests (
  id                TEXT PRIMARY KEY,
  seq               INTEGER NOT NULL UNIQUE,
  kind              TEXT NOT NULL
                    CHECK (kind IN ('access', 'correct', 'delete', 'object', 'portability', 'complaint', 'other')),
  regime            TEXT NOT NULL CHECK (regime IN ('pipl', 'gdpr', 'ccpa')),
  channel           TEXT NOT NULL,
  received_on       TEXT NOT NULL,
  record_ref        INTEGER,
  identity_check    TEXT NOT NULL,
  working_days      INTEGER,
  note              TEXT NOT NULL DEFAULT '',
  extended_reason   TEXT,
  extended_at       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'closed')),
  deletion_started_at TEXT,
  fulfilment        TEXT,
  outcome           TEXT CHECK (outcome IN ('granted', 'partly', 'refused', 'withdrawn')),
  outcome_note      TEXT,
  closed_at         TEXT,
  created_at        TEXT NOT NULL,
  created_by        TEXT
) STRICT;
CREATE INDEX requests_record ON requests (record_ref, kind);
`;
