// One transaction around a job that yields between batches (so progress reaches the window and a
// cancel arrives): it commits whole when the work finishes, and rolls back on an error or a cancel.
// Writers are serialised by the job runner, so no other write can interleave.
import type Database from 'better-sqlite3-multiple-ciphers';

/** Page cache during such a job and during an import, in KiB (negative: SQLite's way of giving it in KiB). */
export const JOB_CACHE_KIB = -131072;

export async function inJobTransaction<T>(
  db: Database.Database,
  work: () => Promise<T>,
  options: { rollback?: (result: T) => boolean } = {},
): Promise<T> {
  // A larger page cache while the transaction grows: with the default, dirty pages spill (each
  // encrypted and written to the WAL) and are read back for the next batch. Bounded, and set back.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${JOB_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    if (options.rollback?.(result)) db.exec('ROLLBACK');
    else db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (db.open) db.pragma(`cache_size = ${cacheSize}`);
  }
}
