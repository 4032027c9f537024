// The records scope of a wipe: which records it takes (DESTROY and ANONYMISE, or a filter; never RETAIN,
// which is a legal hold), the records merged into them (the same customer: they go with them), and the
// purge itself — every declared copy first (search index, merge snapshots, clusters, quarantine, …),
// then the rows — inside the caller's transaction.
import type { KeptGroup } from '../../../shared/contract';
import type { RecordFilter } from '../../../shared/records';
import { jsonStrings, WIPE_TARGETS, type WipeScope } from '../kernel/customer-copies';
import { reindex } from '../duplicates/store';
import { filterCondition } from '../records/filter-sql';
import type { VaultDb } from '../vault/database';
import { anonymiseTargets, valueColumns } from './anonymise';
import { CUSTOMER_COPIES } from './customer-copies';

export interface Targets {
  /** Records whose rows go (with every copy). */
  destroy: number[];
  /** Records reduced to what analytics keeps. */
  anonymise: number[];
  /** How many of `destroy` are there only because they were merged into a target. */
  mergedWith: number;
}

const NOT_HELD = `coalesce(disposition, '') <> 'RETAIN'`;
/** A record an earlier wipe anonymised has no raw row any more (the import always stores one). */
const NOT_REDUCED = `NOT (coalesce(disposition, '') = 'ANONYMISE' AND raw = '')`;

/**
 * The targets of a records wipe. Without a filter: every DESTROY and ANONYMISE record. With one: the
 * records it selects (never merged-away ones by themselves), ANONYMISE ones reduced and the rest
 * destroyed. With a `recordId` (a customer's deletion request): that record, destroyed. RETAIN records are never targets, nor records an earlier wipe already anonymised. Records
 * merged into a target join it as 'destroy'.
 */
export function selectTargets(db: VaultDb, filter: RecordFilter | undefined, recordId?: number): Targets {
  const selection =
    recordId !== undefined
      ? { sql: 'id = ? AND merged_into IS NULL', params: [recordId] }
      : filter
        ? filterCondition({ ...filter, includeMerged: false })
        : { sql: `merged_into IS NULL AND disposition IN ('DESTROY', 'ANONYMISE')`, params: [] };
  const rows = db
    .prepare(
      `SELECT id, disposition FROM customers WHERE ${selection.sql || '1'} AND ${NOT_HELD} AND ${NOT_REDUCED}
       ORDER BY id`,
    )
    .all(...selection.params) as Array<{ id: number; disposition: string | null }>;
  // One customer's deletion request is a deletion, whatever the disposition planned for the record.
  const reduce = (r: { disposition: string | null }) =>
    recordId === undefined && r.disposition === 'ANONYMISE';
  const destroy = rows.filter((r) => !reduce(r)).map((r) => r.id);
  const anonymise = rows.filter(reduce).map((r) => r.id);
  // Transitively merged into a target; a held record stops the chain (it is un-merged, and kept).
  const closure = db.prepare(
    `WITH RECURSIVE m(id) AS (
       SELECT value FROM json_each(?)
       UNION SELECT c.id FROM customers c JOIN m ON c.merged_into = m.id WHERE ${NOT_HELD}
     ) SELECT id FROM m EXCEPT SELECT value FROM json_each(?) ORDER BY id`,
  );
  const all = JSON.stringify([...destroy, ...anonymise]);
  const merged = (closure.all(all, all) as Array<{ id: number }>).map((r) => r.id);
  return {
    destroy: [...destroy, ...merged].sort((a, b) => a - b),
    anonymise,
    mergedWith: merged.length,
  };
}

/** Fills the targets table of this connection (temporary, in memory). */
function loadTargets(db: VaultDb, targets: Targets): void {
  db.exec(
    `DROP TABLE IF EXISTS ${WIPE_TARGETS};
     CREATE TEMP TABLE wipe_targets (id INTEGER PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('destroy', 'anonymise')))`,
  );
  const insert = db.prepare(`INSERT INTO ${WIPE_TARGETS} (id, action) VALUES (?, ?)`);
  for (const id of targets.destroy) insert.run(id, 'destroy');
  for (const id of targets.anonymise) insert.run(id, 'anonymise');
}

const dropTargets = (db: VaultDb) => db.exec(`DROP TABLE IF EXISTS ${WIPE_TARGETS}`);

/**
 * Every value the purge removes (each text cell of a target that came from the customer, and each string
 * inside its raw row and extra fields; the copies' values), for the verification to look for afterwards.
 */
export function purgedValues(db: VaultDb, targets: Targets, scope: WipeScope): string[] {
  loadTargets(db, targets);
  try {
    const columns = valueColumns(db);
    const values = new Set<string>();
    const rows = db.prepare(
      `SELECT ${columns.join(', ')} FROM customers WHERE id IN (SELECT id FROM ${WIPE_TARGETS})`,
    );
    for (const row of rows.iterate() as Iterable<Record<string, string | null>>)
      for (const column of columns) {
        const value = row[column];
        if (!value) continue;
        if (column === 'raw' || column === 'extra') for (const v of jsonStrings(value)) values.add(v);
        else values.add(value);
      }
    for (const copies of CUSTOMER_COPIES) for (const v of copies.values?.(db, scope) ?? []) values.add(v);
    return [...values];
  } finally {
    dropTargets(db);
  }
}

/**
 * After the purge, what each declaration still holds of the targets' values, by table (none, when the
 * purge did its work): the verification's proof that no declared copy was left behind — such a copy is a
 * live cell, which the page search alone would take for a value some kept row holds.
 */
export function copiesLeft(db: VaultDb, targets: Targets, scope: WipeScope): Record<string, number> {
  loadTargets(db, targets);
  try {
    const left: Record<string, number> = {};
    for (const copies of CUSTOMER_COPIES) {
      let n = 0;
      for (const _ of copies.values?.(db, scope) ?? []) n++;
      if (n > 0) left[copies.table] = n;
    }
    return left;
  } finally {
    dropTargets(db);
  }
}

export interface PurgeCounts {
  destroyed: number;
  anonymised: number;
  /** Held records merged into a target, now records of their own again. */
  unmerged: number;
  /** Rows changed per table of copies. */
  copies: Record<string, number>;
}

/** The purge, inside the caller's transaction: copies, then held records un-merged, then the rows. */
export function purgeTargets(db: VaultDb, targets: Targets, scope: WipeScope): PurgeCounts {
  loadTargets(db, targets);
  try {
    const copies: Record<string, number> = {};
    for (const table of CUSTOMER_COPIES) copies[table.table] = table.purge(db, scope);
    const held = db
      .prepare(
        `SELECT id FROM customers WHERE merged_into IN (SELECT id FROM ${WIPE_TARGETS}) AND NOT ${NOT_HELD}`,
      )
      .all() as Array<{ id: number }>;
    const unmerge = db.prepare('UPDATE customers SET merged_into = NULL WHERE id = ?');
    for (const { id } of held) {
      unmerge.run(id);
      reindex(db, id); // a record of its own again: searchable
    }
    const anonymised = anonymiseTargets(db);
    const destroyed = db
      .prepare(`DELETE FROM customers WHERE id IN (SELECT id FROM ${WIPE_TARGETS} WHERE action = 'destroy')`)
      .run().changes;
    return { destroyed, anonymised, unmerged: held.length, copies };
  } finally {
    dropTargets(db);
  }
}

/** Records under a legal hold (RETAIN), by basis and retain-until: what every certificate lists as kept. */
export function keptGroups(db: VaultDb): KeptGroup[] {
  return (
    db
      .prepare(
        `SELECT coalesce(disposition_basis, '') AS basis, retain_until AS retainUntil, count(*) AS records
         FROM customers WHERE disposition = 'RETAIN' AND merged_into IS NULL
         GROUP BY 1, 2 ORDER BY retain_until, basis`,
      )
      .all() as KeptGroup[]
  ).map((g) => ({ ...g, records: Number(g.records) }));
}

/** Records the wipe leaves without being held: other dispositions, none yet, or outside the filter. */
export function remainingRecords(db: VaultDb): number {
  return (
    db.prepare(`SELECT count(*) AS n FROM customers WHERE merged_into IS NULL AND ${NOT_HELD}`).get() as {
      n: number;
    }
  ).n;
}

export function quarantineRows(db: VaultDb): number {
  return (db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;
}
