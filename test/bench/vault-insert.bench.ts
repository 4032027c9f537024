// vault.insert: the price of encryption. The same customer rows inserted (one transaction, one prepared
// statement) into a vault database opened exactly as Closeout opens vaults (SQLCipher 4, legacy=4, raw
// key, WAL, synchronous=FULL, secure_delete) and into an unencrypted SQLite file with the same settings.
// The ratio is the encryption overhead.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createVaultDatabase } from '../../electron/core/vault/database';
import { CUSTOMER_FIELDS, customerRows } from '../fixtures/customers';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  rowsJson: string;
  rows: number;
  keyHex: string;
  vaultDb: string;
  plainDb: string;
}

const CREATE_TABLE = `CREATE TABLE customers (${CUSTOMER_FIELDS.map((f) => `${f} TEXT`).join(', ')})`;
const INSERT = `INSERT INTO customers VALUES (${CUSTOMER_FIELDS.map(() => '?').join(', ')})`;

const remove = (file: string) =>
  ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(file + s, { force: true }));

function fill(db: Database.Database, rows: string[][]): string {
  db.exec(CREATE_TABLE);
  const insert = db.prepare(INSERT);
  db.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  const count = String(db.prepare('SELECT count(*) FROM customers').pluck().get());
  db.close();
  return count;
}

export default defineBenchmark<State>({
  name: 'vault.insert',
  summary:
    'insert rows into a vault-configured SQLCipher DB vs the same into plain SQLite (encryption overhead)',
  async setup(ctx) {
    const rowsJson = await ctx.cached(
      `vault-rows-${ctx.generator}-s${ctx.seed}-r${ctx.rows}.json`,
      async (path) => {
        const rows: string[][] = [];
        for (const row of customerRows(ctx.seed, ctx.rows)) rows.push(CUSTOMER_FIELDS.map((f) => row[f]));
        (await import('node:fs')).writeFileSync(path, JSON.stringify(rows));
      },
    );
    return {
      state: {
        rowsJson,
        rows: ctx.rows,
        keyHex: randomBytes(32).toString('hex'),
        vaultDb: join(ctx.scratchDir, 'insert.cvault'),
        plainDb: join(ctx.scratchDir, 'insert-plain.sqlite'),
      },
      work: { amount: ctx.rows, unit: 'rows' },
    };
  },
  candidate: nodeSide<State, string[][]>({
    label: 'vault (SQLCipher 4, WAL, synchronous=FULL)',
    before: (s) => remove(s.vaultDb),
    prepare: (s) => JSON.parse(readFileSync(s.rowsJson, 'utf8')) as string[][],
    run: (s, rows) => fill(createVaultDatabase(s.vaultDb, Buffer.from(s.keyHex, 'hex')), rows),
  }),
  references: [
    nodeSide<State, string[][]>({
      label: 'plain SQLite, same settings',
      before: (s) => remove(s.plainDb),
      prepare: (s) => JSON.parse(readFileSync(s.rowsJson, 'utf8')) as string[][],
      run(s, rows) {
        const db = new Database(s.plainDb);
        for (const p of [
          'temp_store = MEMORY',
          'secure_delete = ON',
          'journal_mode = WAL',
          'synchronous = FULL',
        ])
          db.pragma(p);
        return fill(db, rows);
      },
    }),
  ],
  verify(outputs, s) {
    for (const [label, count] of Object.entries(outputs))
      if (count !== String(s.rows)) throw new Error(`${label} holds ${count} rows, expected ${s.rows}`);
  },
  teardown(s) {
    remove(s.vaultDb);
    remove(s.plainDb);
  },
});
