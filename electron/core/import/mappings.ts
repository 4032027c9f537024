// Saved column mappings (the `mappings` table): templates a person names, and the client's last mapping
// under the reserved name @last, which the next preview starts from.
import type { OpParsedInput } from '../../../shared/contract';
import type { ColumnMapping } from '../../../shared/customer';
import { LAST_MAPPING, type MappingTemplate } from '../../../shared/contract';
import { duplicateTargets } from '../../../shared/mapping';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';

export function readMapping(db: VaultDb, name: string): ColumnMapping | null {
  const row = db.prepare('SELECT body FROM mappings WHERE name = ?').get(name) as
    { body: string } | undefined;
  return row ? (JSON.parse(row.body) as ColumnMapping) : null;
}

export function writeMapping(db: VaultDb, name: string, mapping: ColumnMapping, at: string): void {
  db.prepare(
    `INSERT INTO mappings (name, body, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(name, JSON.stringify(mapping), at);
}

interface MappingRow {
  name: string;
  body: string;
  updated_at: string;
}

const toTemplate = (row: MappingRow): MappingTemplate => ({
  name: row.name,
  mapping: JSON.parse(row.body) as ColumnMapping,
  updatedAt: row.updated_at,
  reserved: row.name === LAST_MAPPING,
});

export function listMappings(vault: OpenVault): MappingTemplate[] {
  const rows = vault.db
    .prepare('SELECT name, body, updated_at FROM mappings ORDER BY name')
    .all() as MappingRow[];
  return rows.map(toTemplate);
}

export function saveMapping(vault: OpenVault, input: OpParsedInput<'import.saveMapping'>): MappingTemplate {
  const twice = duplicateTargets(input.mapping);
  if (twice.length > 0)
    throw new EngineError('IMPORT_MAPPING_INVALID', {
      file: input.name,
      reason: `more than one column is mapped to ${twice.join(', ')}`,
    });
  const at = new Date().toISOString();
  vault.change(
    () => ({
      op: 'import.saveMapping',
      params: { columns: Object.keys(input.mapping).length },
      outcome: 'ok',
    }),
    () => writeMapping(vault.db, input.name, input.mapping, at),
  );
  return { name: input.name, mapping: input.mapping, updatedAt: at, reserved: false };
}

export function deleteMapping(
  vault: OpenVault,
  input: OpParsedInput<'import.deleteMapping'>,
): { deleted: boolean } {
  if (!readMapping(vault.db, input.name)) throw new EngineError('MAPPING_NOT_FOUND', { name: input.name });
  vault.change(
    () => ({ op: 'import.deleteMapping', params: {}, outcome: 'ok' }),
    () => vault.db.prepare('DELETE FROM mappings WHERE name = ?').run(input.name),
  );
  return { deleted: true };
}
