// Schema 2: where every backup copy went, and what its verifications and restore drills found.
export const version = 2;

export const sql = `
CREATE TABLE backups (
  id               TEXT PRIMARY KEY,
  created_at       TEXT NOT NULL,
  path             TEXT NOT NULL,
  volume           TEXT,
  sha256           TEXT NOT NULL,
  size             INTEGER NOT NULL,
  manifest_sha256  TEXT NOT NULL,
  last_verified_at TEXT,
  last_verify_ok   INTEGER CHECK (last_verify_ok IN (0, 1)),
  drills           TEXT NOT NULL DEFAULT '[]'
) STRICT;
`;
