// dedupe: duplicate detection (blocking on phone, e-mail, ID number, credit code and name key, field-by-
// field scoring, clustering) over N customer records, read from a database as duplicates.run reads them,
// against a bare SQL GROUP BY on the same normalised key columns in the same database — the least any
// exact-key duplicate finder has to do. The ratio is the price of the scoring and the fuzzy keys.
import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { detectDuplicates } from '../../electron/core/duplicates/detect';
import type { DedupeRecord } from '../../electron/core/duplicates/keys';
import { generateCustomers } from '../fixtures/customers';
import { customerColumns } from '../integration/support/customer-columns';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  db: string;
  rows: number;
}

const COLUMNS = [
  'name',
  'organisation',
  'phone',
  'email',
  'id_number',
  'id_number_status',
  'credit_code',
  'credit_code_status',
  'address',
  'name_key',
] as const;

const KEYS = ['phone', 'email', 'id_number', 'credit_code', 'name_key'] as const;

export default defineBenchmark<State>({
  name: 'dedupe',
  summary:
    'duplicate detection (blocking, scoring, clustering) vs a bare SQL GROUP BY on the normalised keys',
  async setup(ctx) {
    // The customers as the import stores them (same shared normalisers), generated once and cached.
    const db = await ctx.cached(
      `dedupe-v2-${ctx.generator}-s${ctx.seed}-r${ctx.rows}.sqlite`,
      async (path) => {
        rmSync(path, { force: true });
        const out = new Database(path);
        out.pragma('journal_mode = OFF');
        out.exec(
          `CREATE TABLE customers (id INTEGER PRIMARY KEY, ${COLUMNS.map((c) => `${c} TEXT`).join(', ')},
           merged_into INTEGER)`,
        );
        const insert = out.prepare(
          `INSERT INTO customers (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
        );
        out.transaction(() => {
          let n = 0;
          for (const { row } of generateCustomers(ctx.seed, ctx.rows)) {
            const c = customerColumns(row);
            insert.run(COLUMNS.map((k) => c[k]));
            if (++n % 100_000 === 0) ctx.log(`dedupe: ${n} rows normalised`);
          }
        })();
        // The import's indexes on the key columns (0003-customers.ts): the GROUP BY may use them.
        for (const k of KEYS)
          out.exec(`CREATE INDEX customers_${k} ON customers (${k}) WHERE ${k} IS NOT NULL`);
        out.close();
      },
    );
    return { state: { db, rows: ctx.rows }, work: { amount: ctx.rows, unit: 'rows' } };
  },
  candidate: nodeSide<State>({
    label: 'duplicates.run detection (load, block, score, cluster)',
    async run(s) {
      const db = new Database(s.db, { readonly: true });
      const records: DedupeRecord[] = [];
      const rows = db
        .prepare(`SELECT id, ${COLUMNS.join(', ')} FROM customers WHERE merged_into IS NULL ORDER BY id`)
        .raw()
        .iterate() as IterableIterator<Array<string | number | null>>;
      for (const r of rows)
        records.push({
          id: r[0] as number,
          name: r[1] as string | null,
          organisation: r[2] as string | null,
          phone: r[3] as string | null,
          email: r[4] as string | null,
          idNumber: r[5] as string | null,
          idNumberStatus: r[6] as DedupeRecord['idNumberStatus'],
          creditCode: r[7] as string | null,
          creditCodeStatus: r[8] as DedupeRecord['creditCodeStatus'],
          address: r[9] as string | null,
          nameKey: r[10] as string | null,
        });
      db.close();
      const found = await detectDuplicates(records);
      const members = found.clusters.reduce((n, c) => n + c.members.length, 0);
      return `clusters=${found.clusters.length} records=${members} pairs=${found.pairs} links=${found.links}`;
    },
  }),
  references: [
    nodeSide<State>({
      label: 'SQL GROUP BY on the five key columns (same db)',
      run(s) {
        const db = new Database(s.db, { readonly: true });
        let groups = 0;
        let records = 0;
        for (const k of KEYS) {
          const r = db
            .prepare(
              `SELECT count(*) AS groups, coalesce(sum(n), 0) AS records FROM (
                 SELECT count(*) AS n FROM customers WHERE ${k} IS NOT NULL AND merged_into IS NULL
                  GROUP BY ${k} HAVING count(*) > 1)`,
            )
            .get() as { groups: number; records: number };
          groups += r.groups;
          records += r.records;
        }
        db.close();
        return `groups=${groups} records=${records}`;
      },
    }),
  ],
});
