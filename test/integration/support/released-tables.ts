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
