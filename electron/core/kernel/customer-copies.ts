// What a table that holds copies of (or references to) a customer's record declares, so that a wipe
// can find and remove them: each table's owner declares its own beside the table's code, and the wipe
// gathers the declarations (electron/core/wipe/customer-copies.ts). A test fails when a table holding
// customer values is in no declaration.
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * The records a wipe acts on, as a temporary table of the purging connection (in memory): one row per
 * customer id, `action` 'destroy' (the row goes) or 'anonymise' (reduced to what analytics keeps).
 */
export const WIPE_TARGETS = 'temp.wipe_targets';

export interface WipeScope {
  /** The quarantined rows go too (rows that never became records and have no disposition). */
  quarantine: boolean;
}

export interface CustomerCopies {
  table: string;
  /** Tables the engine keeps for this one (FTS5 shadow tables): they hold what it holds. */
  shadows?: readonly string[];
  /** Columns that may hold a customer's values, verbatim or in JSON (empty: references only). */
  valueColumns: readonly string[];
  /**
   * Removes (or reduces) the copies of the WIPE_TARGETS records, inside the purge's transaction and
   * before the customers rows change; returns the rows it changed.
   */
  purge(db: Database.Database, scope: WipeScope): number;
  /** The text of the copies about to go, each string a value (for the verification's probe). */
  values?(db: Database.Database, scope: WipeScope): Iterable<string>;
}

/** Every string inside a JSON text (object values, array items, nested); the text itself if not JSON. */
export function* jsonStrings(text: string): Generator<string> {
  const walk = function* (value: unknown): Generator<string> {
    if (typeof value === 'string') yield value;
    else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* walk(v);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    yield text;
    return;
  }
  yield* walk(parsed);
}
