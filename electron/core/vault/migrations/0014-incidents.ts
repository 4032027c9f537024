// Schema 14: security incidents, the emergency plan and the drills. An incident names what it touched by
// ids (a backup's, a handover package's) and counts, never a customer's value, and holds no foreign key
// to the customers: a records purge leaves the register whole (it is evidence, GDPR Art. 33(5)).
// `affected`, `regimes`, `decisions` and `notices` are JSON (docs/FORMATS.md).
export const version = 14;

export const sql = `
CREATE TABLE incidents (
  id             TEXT PRIMARY KEY,
  seq            INTEGER NOT NULL UNIQUE,
  kind           TEXT NOT NULL CHECK (kind IN ('lost-device', 'lost-backup', 'wrong-recipient',
                   'unauthorised-access', 'malware', 'damage', 'other')),
  discovered_at  TEXT NOT NULL,
  description    TEXT NOT NULL,
  affected       TEXT NOT NULL,
  regimes        TEXT NOT NULL,
  decisions      TEXT NOT NULL DEFAULT '[]',
  notices        TEXT NOT NULL DEFAULT '[]',
  status         TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at      TEXT,
  close_note     TEXT,
  created_at     TEXT NOT NULL,
  created_by     TEXT
) STRICT;

CREATE TABLE incident_plan (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  plan        TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
) STRICT;

CREATE TABLE incident_drills (
  id            TEXT PRIMARY KEY,
  held_on       TEXT NOT NULL,
  kind          TEXT NOT NULL,
  scenario      TEXT NOT NULL,
  participants  TEXT NOT NULL,
  findings      TEXT NOT NULL,
  logged_at     TEXT NOT NULL,
  logged_by     TEXT
) STRICT;
CREATE INDEX incident_drills_held ON incident_drills (held_on);
`;
