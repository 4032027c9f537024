// A copy of an open vault under another key, table by table, with progress and a cancel between
// batches: the new file attaches the old one (with its key), recreates every table, copies the rows
// (full-text shadow tables included, as stored), then builds the indexes and triggers. The copy is
// written without a journal (a crash leaves only a temp file, which is deleted) and switched to WAL at
// the end, like every vault. VACUUM INTO cannot write under a new key, and gives no progress.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { rawKeyLiteral, type VaultDb } from './database';

const BATCH = 20_000;

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Copies the vault `sourceFile` (opened with `sourceKey`) into the new file `target` under `targetKey`. */
export async function copyVault(
  sourceFile: string,
  sourceKey: Buffer,
  target: string,
  targetKey: Buffer,
  job: JobContext,
): Promise<VaultDb> {
  const db = new Database(target, { fileMustExist: false });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(rawKeyLiteral(targetKey));
    db.pragma('temp_store = MEMORY');
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.unsafeMode(true); // full-text shadow tables are copied as stored: writable only outside defensive mode
    chmodSync(target, 0o600);
    db.prepare('ATTACH DATABASE ? AS src KEY ?').run(sourceFile, rawKeyLiteral(sourceKey).toString('latin1'));
    const objects = db
      .prepare(
        "SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
      )
      .all() as SchemaObject[];
    const virtual = objects
      .filter((o) => o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql))
      .map((o) => o.name);
    const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
    const tables = objects.filter((o) => o.type === 'table' && !virtual.includes(o.name));

    db.exec('BEGIN');
    for (const o of objects) if (o.type === 'table' && !shadow(o.name)) db.exec(o.sql);
    const counts = new Map(
      tables.map((t) => [
        t.name,
        (db.prepare(`SELECT count(*) AS n FROM src.${quote(t.name)}`).get() as { n: number }).n,
      ]),
    );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    let done = 0;
    job.progress(0, total, 'copying');
    for (const t of tables) {
      const name = quote(t.name);
      if (shadow(t.name)) db.exec(`DELETE FROM main.${name}`); // the virtual table made its own rows
      if (/WITHOUT\s+ROWID/i.test(t.sql)) {
        db.exec(`INSERT INTO main.${name} SELECT * FROM src.${name}`);
        done += counts.get(t.name) ?? 0;
        continue;
      }
      const range = db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM src.${name}`).get() as {
        lo: number | null;
        hi: number | null;
      };
      if (range.lo === null || range.hi === null) continue;
      const copy = db.prepare(
        `INSERT INTO main.${name} SELECT * FROM src.${name} WHERE rowid BETWEEN ? AND ?`,
      );
      for (let from = range.lo; from <= range.hi; from += BATCH) {
        done += copy.run(from, Math.min(from + BATCH - 1, range.hi)).changes;
        job.progress(done, total, 'copying');
        await job.checkpoint();
      }
    }
    if (objects.length && db.prepare("SELECT 1 FROM src.sqlite_master WHERE name = 'sqlite_sequence'").get())
      db.exec('INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence');
    job.progress(done, total, 'indexing');
    for (const o of objects) if (o.type === 'index' || o.type === 'view') db.exec(o.sql);
    await job.checkpoint();
    for (const o of objects) if (o.type === 'trigger') db.exec(o.sql);
    for (const pragma of ['user_version', 'application_id'])
      db.pragma(`main.${pragma} = ${Number(db.pragma(`src.${pragma}`, { simple: true }))}`);
    for (const t of tables) {
      const n = (db.prepare(`SELECT count(*) AS n FROM main.${quote(t.name)}`).get() as { n: number }).n;
      if (n !== counts.get(t.name))
        throw new EngineError('WRITE_FAILED', {
          path: target,
          reason: `table ${t.name}: ${n} rows copied of ${counts.get(t.name)}`,
        });
    }
    db.exec('COMMIT');
    db.exec('DETACH DATABASE src');
    db.unsafeMode(false);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    fsyncFile(target);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
