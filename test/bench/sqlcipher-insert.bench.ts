// sqlcipher.insert: rows already in memory inserted into an encrypted SQLCipher 4 database with
// better-sqlite3-multiple-ciphers (raw 256-bit key, one transaction, one prepared statement), against the
// Debian sqlite3 CLI's `.import` of the same rows' CSV into a plain database: the import's reference in
// docs/BENCHMARKS.md (goal ≤ 3× for the full import; here the insert alone).
import Database from 'better-sqlite3-multiple-ciphers';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER_FIELDS, customerRows } from '../fixtures/customers';
import { commandSide, defineBenchmark, nodeSide, SkipBenchmark } from './harness';

interface State {
  csv: string;
  rowsJson: string;
  rows: number;
  keyHex: string;
  candidateDb: string;
  referenceDb: string;
}

const CREATE_TABLE = `CREATE TABLE customers (${CUSTOMER_FIELDS.map((f) => `${f} TEXT`).join(', ')})`;
const INSERT = `INSERT INTO customers VALUES (${CUSTOMER_FIELDS.map(() => '?').join(', ')})`;
/** Count and total length of every cell: both sides must hold exactly the same text. */
const SUMMARY = `SELECT count(*) || '|' || sum(${CUSTOMER_FIELDS.map((f) => `length(${f})`).join(' + ')}) FROM customers`;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function removeDb(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function openEncrypted(file: string, keyHex: string): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${keyHex}'"`);
  return db;
}

/** The same rows as the CSV, as JSON arrays of cells: parsed in the child before the clock starts. */
async function writeRowsJson(path: string, seed: number, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '[';
  let first = true;
  for (const row of customerRows(seed, rows)) {
    chunk += (first ? '' : ',\n') + JSON.stringify(CUSTOMER_FIELDS.map((f) => row[f]));
    first = false;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk + ']\n');
  await once(out, 'finish');
}

export default defineBenchmark<State>({
  name: 'sqlcipher.insert',
  summary: 'insert the rows into an encrypted SQLCipher DB (bsmc) vs sqlite3 CLI .import into a plain DB',
  goal: {
    ratio: 3,
    note: '≤ 3× is the goal for the whole import (parse + classify + index); here insert only',
  },
  async setup(ctx) {
    try {
      execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
    } catch {
      throw new SkipBenchmark('the sqlite3 CLI is not installed (apt-get install sqlite3)');
    }
    const data = await ctx.dataset();
    const rowsJson = await ctx.cached(`rows-${ctx.generator}-s${ctx.seed}-r${ctx.rows}.json`, (path) =>
      writeRowsJson(path, ctx.seed, ctx.rows),
    );
    return {
      state: {
        csv: data.path,
        rowsJson,
        rows: data.rows,
        keyHex: randomBytes(32).toString('hex'),
        candidateDb: join(ctx.scratchDir, 'candidate.cvault'),
        referenceDb: join(ctx.scratchDir, 'reference.sqlite'),
      },
      work: { amount: data.rows, unit: 'rows' },
    };
  },
  candidate: nodeSide<State, string[][]>({
    label: 'closeout bsmc SQLCipher insert',
    before: (s) => removeDb(s.candidateDb),
    prepare: (s) => JSON.parse(readFileSync(s.rowsJson, 'utf8')) as string[][],
    run(s, rows) {
      const db = openEncrypted(s.candidateDb, s.keyHex);
      db.exec(CREATE_TABLE);
      const insert = db.prepare(INSERT);
      db.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
      db.close();
    },
    check(s) {
      const head = Buffer.alloc(16);
      const fd = openSync(s.candidateDb, 'r');
      readSync(fd, head, 0, 16, 0);
      closeSync(fd);
      if (head.equals(PLAIN_HEADER)) throw new Error('the candidate database is not encrypted');
      const db = openEncrypted(s.candidateDb, s.keyHex);
      const summary = String(db.prepare(SUMMARY).pluck().get());
      db.close();
      return summary;
    },
  }),
  references: [
    commandSide<State>({
      label: 'sqlite3 CLI .import (plain)',
      before: (s) => removeDb(s.referenceDb),
      command: (s) => ['sqlite3', s.referenceDb, CREATE_TABLE, `.import --csv --skip 1 "${s.csv}" customers`],
      check: (s) => execFileSync('sqlite3', [s.referenceDb, SUMMARY], { encoding: 'utf8' }).trim(),
    }),
  ],
  verify(outputs, s) {
    const [candidate, reference] = Object.values(outputs);
    if (candidate !== reference || !candidate.startsWith(`${s.rows}|`))
      throw new Error(`the databases differ (count|total length): ${JSON.stringify(outputs)}`);
  },
  teardown(s) {
    removeDb(s.candidateDb);
    removeDb(s.referenceDb);
  },
});
