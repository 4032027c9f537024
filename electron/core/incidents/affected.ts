// Who and what an incident touched, computed from the vault where it can be: a lost backup → the records
// its signed manifest counted (a copy given when the one beside the backup went too; without one, the
// records the vault held when the backup was made) and that it was encrypted (every Closeout backup is a
// SQLCipher file whose key is not in it); a handover package sent to the wrong recipient → the records and
// fields that package carried (encrypted to its recipient); the whole vault → every record. Counts and
// field names only: no customer's value leaves this module.
import { existsSync, readFileSync } from 'node:fs';
import type { IncidentAffected, OpParsedInput } from '../../../shared/contract';
import { CUSTOMER_FIELDS } from '../../../shared/customer';
import { findBackup } from '../backup/backups-table';
import { manifestPathFor, parseManifest } from '../backup/manifest';
import { sha256 } from '../backup/util';
import { CALIFORNIA, EEA_COUNTRIES } from '../compliance/customer-facts';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { VaultDb } from '../vault/database';

type Source = OpParsedInput<'incidents.add'>['source'];

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface SetCounts {
  records: number;
  people: number;
  eu: number;
  california: number;
  sensitive: number;
  minors: number;
  fields: string[];
}

/** Counts over the customers `where` selects (`c` is the customers table). */
function countSet(db: VaultDb, where: string, args: unknown[]): SetCounts {
  const columns = new Set((db.pragma('table_info(customers)') as Array<{ name: string }>).map((c) => c.name));
  const fields = CUSTOMER_FIELDS.filter((f) => columns.has(snake(f)));
  const eea = EEA_COUNTRIES.map((c) => `'${c}'`).join(', ');
  const sums = fields.map((f, i) => `SUM(${snake(f)} IS NOT NULL AND ${snake(f)} <> '') AS f${i}`);
  const row = db
    .prepare(
      `SELECT COUNT(*) AS records, SUM(merged_into IS NULL) AS people,
         SUM(region_country IN (${eea})) AS eu, SUM(region_country = 'US' AND ${CALIFORNIA}) AS california,
         SUM(sensitive <> '') AS sensitive, SUM(minor) AS minors
         ${sums.length ? ',' + sums.join(', ') : ''}
       FROM customers c WHERE ${where}`,
    )
    .get(...args) as Record<string, number | null>;
  const n = (key: string) => row[key] ?? 0;
  return {
    records: n('records'),
    people: n('people'),
    eu: n('eu'),
    california: n('california'),
    sensitive: n('sensitive'),
    minors: n('minors'),
    fields: fields.filter((_f, i) => n(`f${i}`) > 0),
  };
}

const none = { backupId: null, transferId: null };

function fromBackup(db: VaultDb, source: Extract<Source, { from: 'backup' }>, keyExposed: boolean) {
  const backup = findBackup(db, source.backupId);
  if (!backup) throw new EngineError('INCIDENT_SOURCE_NOT_FOUND', { what: 'backup', id: source.backupId });
  const recorded = db
    .prepare('SELECT manifest_sha256 FROM backups WHERE id = ?')
    .pluck()
    .get(backup.id) as string;
  const given = source.manifest ? pathOf(source.manifest) : null;
  const path = given ?? manifestPathFor(backup.path);
  let manifestRecords: number | null = null;
  if (given !== null || existsSync(path)) {
    let bytes: Buffer | null;
    try {
      bytes = readFileSync(path);
    } catch {
      bytes = null;
    }
    const parsed = bytes && sha256(bytes) === recorded ? parseManifest(bytes) : null;
    if (!parsed || !('manifest' in parsed))
      throw new EngineError('INCIDENT_MANIFEST_MISMATCH', { path, backupId: backup.id });
    manifestRecords = parsed.manifest.rowCounts.customers ?? 0;
  }
  // The records the vault held when the backup was made and can still see: for the residence counts,
  // and for the count itself when no manifest is left.
  const held = countSet(db, `c.source_id IN (SELECT id FROM sources WHERE imported_at <= ?)`, [
    backup.createdAt,
  ]);
  return {
    ...held,
    ...none,
    basis: manifestRecords === null ? ('backup-estimate' as const) : ('backup-manifest' as const),
    backupId: backup.id,
    records: manifestRecords ?? held.records,
    people: manifestRecords === null ? held.people : Math.min(held.people, manifestRecords),
    encrypted: true,
    keyExposed,
  };
}

function fromPackage(db: VaultDb, transferId: number, keyExposed: boolean) {
  const transfer = db
    .prepare('SELECT records, fields FROM handover_transfers WHERE id = ?')
    .get(transferId) as { records: number; fields: string } | undefined;
  if (!transfer)
    throw new EngineError('INCIDENT_SOURCE_NOT_FOUND', { what: 'handover package', id: transferId });
  const carried = countSet(db, `c.id IN (SELECT customer_id FROM handover_records WHERE transfer_id = ?)`, [
    transferId,
  ]);
  return {
    ...carried,
    ...none,
    basis: 'handover-package' as const,
    transferId,
    records: transfer.records,
    people: transfer.records,
    fields: JSON.parse(transfer.fields) as string[],
    encrypted: true,
    keyExposed,
  };
}

/**
 * What the incident touched, from its source. The whole vault is encrypted at rest, so a lost device
 * holding it lost ciphertext; access to a running, unlocked app is another matter (not known).
 */
export function affectedBy(
  db: VaultDb,
  kind: OpParsedInput<'incidents.add'>['kind'],
  source: Source,
  keyExposed: boolean,
): IncidentAffected {
  switch (source.from) {
    case 'backup':
      return fromBackup(db, source, keyExposed);
    case 'package':
      return fromPackage(db, source.transferId, keyExposed);
    case 'vault':
      return {
        ...countSet(db, '1', []),
        ...none,
        basis: 'whole-vault',
        encrypted: kind === 'lost-device' ? true : null,
        keyExposed,
      };
    case 'entered':
      return {
        ...none,
        basis: 'entered',
        records: source.records,
        people: null,
        encrypted: source.encrypted,
        keyExposed,
        fields: [],
        eu: 0,
        california: 0,
        sensitive: 0,
        minors: 0,
      };
  }
}
