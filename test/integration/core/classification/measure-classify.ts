// How fast classifyCustomers reclassifies a whole vault: a real SQLCipher vault filled with N
// generated, normalised customers (2 000 distinct rows copied until there are N), classified once,
// timed. Not a jest test; by hand:
//
//   node -e "import('./scripts/run-ts.mjs').then(m => m.bundleAndRun({entry: 'test/integration/core/classification/measure-classify.ts',
//     name: 'measure-classify', args: ['--rows', '1000000']}))"
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseRecord, prepareMapping } from '../../../../electron/core/import/normalise-record';
import { classifyCustomers } from '../../../../electron/core/classification/classify';
import { JOB_CACHE_KIB } from '../../../../electron/core/kernel/job-transaction';
import { createVaultDatabase } from '../../../../electron/core/vault/database';
import { migrate } from '../../../../electron/core/vault/migrate';
import { CUSTOMER_FIELDS, generateCustomers } from '../../../fixtures/customers';

const at = process.argv.indexOf('--rows');
const rows = at > 0 ? Number(process.argv[at + 1]) : 200_000;
const dir = mkdtempSync(join(tmpdir(), 'closeout-measure-classify-'));
try {
  const file = join(dir, 'measure.cvault');
  const db = createVaultDatabase(file, randomBytes(32));
  migrate(db, file);
  const mapping = prepareMapping({
    name: 'name',
    phone: 'phone',
    email: 'email',
    id_number: 'idNumber',
    credit_code: 'creditCode',
    address: 'address',
    country: 'country',
    product: 'product',
    last_order_date: 'lastOrderDate',
    lifetime_value: 'lifetimeValue',
    notes: 'notes',
  });
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO sources (id, name, sha256, bytes, format, imported_at, rows_read, imported, quarantined, mapping)
     VALUES ('s', 'measure.csv', '', 0, 'csv', ?, 0, 0, 0, '{}')`,
  ).run(now);
  const seedRows = Math.min(rows, 2000);
  db.transaction(() => {
    let line = 2;
    for (const { row } of generateCustomers(1, seedRows)) {
      const values = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, row[f]]));
      const c = normaliseRecord(
        { line, values, raw: '' } as Parameters<typeof normaliseRecord>[0],
        mapping,
      ).columns;
      const cols = Object.keys(c);
      db.prepare(
        `INSERT INTO customers (source_id, source_line, raw, created_at, ${cols.join(', ')}) VALUES ('s', ?, '', ?, ${cols.map(() => '?').join(', ')})`,
      ).run(line++, now, ...Object.values(c));
    }
    const columns = (
      db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('customers') as string[]
    ).filter((c) => c !== 'id');
    while ((db.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number) < rows) {
      const have = db.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
      db.prepare(
        `INSERT INTO customers (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM customers ORDER BY id LIMIT ?`,
      ).run(Math.min(have, rows - have));
    }
  })();
  // As classification.run and the import run it: with their larger page cache.
  db.pragma(`cache_size = ${JOB_CACHE_KIB}`);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = classifyCustomers(db, {}, new Date());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time as well: on a shared machine the wall clock mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rss = process.memoryUsage().rss;
  console.log(
    JSON.stringify({
      rows: result.classified,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(result.classified / seconds),
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      rowsPerCpuSecond: Math.round(result.classified / cpuSeconds),
      rssMiB: Math.round(rss / 1048576),
    }),
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
