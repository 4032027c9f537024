// Schema 13: one table of impact assessments. The PIPIA of each handover (schema 6's handover_pipias)
// moves into `assessments`, named by its handover (`handover_id`; NULL for the closure-wide PIPIA and
// DPIA): its answers become the body, its approval snapshot the facts, approved ones stay approved by the
// same person at the same time. The old table goes. Versions are counted per kind and handover.
export const version = 13;

export const sql = `
CREATE TABLE assessments_13 (
  kind         TEXT NOT NULL CHECK (kind IN ('pipia', 'dpia')),
  handover_id  TEXT REFERENCES handovers (id),
  version      INTEGER NOT NULL,
  body         TEXT NOT NULL,
  facts        TEXT,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  updated_at   TEXT NOT NULL,
  updated_by   TEXT,
  approved_at  TEXT,
  approved_by  TEXT,
  CHECK (handover_id IS NULL OR kind = 'pipia')
) STRICT;

INSERT INTO assessments_13
  (kind, handover_id, version, body, facts, status, updated_at, updated_by, approved_at, approved_by)
SELECT kind, NULL, version, body, facts, status, updated_at, updated_by, approved_at, approved_by
  FROM assessments;

INSERT INTO assessments_13
  (kind, handover_id, version, body, facts, status, updated_at, updated_by, approved_at, approved_by)
SELECT 'pipia', handover_id, 1, answers, approved,
       CASE WHEN approved IS NOT NULL AND approved_at IS NOT NULL THEN 'approved' ELSE 'draft' END,
       updated_at, NULL, approved_at, approved_by
  FROM handover_pipias;

DROP TABLE handover_pipias;
DROP TABLE assessments;
ALTER TABLE assessments_13 RENAME TO assessments;
CREATE UNIQUE INDEX assessments_versions ON assessments (kind, ifnull(handover_id, ''), version);
CREATE INDEX assessments_handover ON assessments (handover_id) WHERE handover_id IS NOT NULL;
`;
