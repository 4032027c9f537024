// A table as a released migration created it, read from that migration's own SQL: what a test needs to
// put an older schema back (released migrations are never edited, so this text is what older vaults hold).
import { MIGRATIONS } from '../../../electron/core/vault/migrations';

/** `CREATE TABLE <table> (…) STRICT` as schema `version` wrote it, optionally under another name. */
export function releasedTable(version: number, table: string, as = table): string {
  const sql = MIGRATIONS.find((m) => m.version === version)?.sql ?? '';
  const found = new RegExp(`CREATE TABLE ${table} \\(.*?\\n\\)[^;]*;`, 's').exec(sql);
  if (!found) throw new Error(`schema ${version} does not create ${table}`);
  return found[0].replace(`CREATE TABLE ${table} `, `CREATE TABLE ${as} `);
}

/** Undoes schema 14 (the incident register): as schema 13 and earlier knew the vault, it was not there. */
/** Undoes schema 15: the requests register without the CCPA acknowledgement. */
export const UNDO_SCHEMA_15 = 'ALTER TABLE requests DROP COLUMN acknowledged_on;';

export const UNDO_SCHEMA_14 = 'DROP TABLE incidents; DROP TABLE incident_plan; DROP TABLE incident_drills;';

/** Undoes schema 13: handover PIPIAs back in their own table, `assessments` without a handover column. */
export const UNDO_SCHEMA_13 = `
${releasedTable(6, 'handover_pipias')}
INSERT INTO handover_pipias
  SELECT handover_id, body, facts, approved_by, approved_at, updated_at FROM assessments
   WHERE handover_id IS NOT NULL;
${releasedTable(9, 'assessments', 'assessments_12')}
INSERT INTO assessments_12
  SELECT kind, version, body, facts, status, updated_at, updated_by, approved_at, approved_by
    FROM assessments WHERE handover_id IS NULL;
DROP TABLE assessments;
ALTER TABLE assessments_12 RENAME TO assessments;
`;
