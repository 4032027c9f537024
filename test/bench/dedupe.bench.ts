// dedupe: duplicate detection (blocking on phone, e-mail, ID number, credit code, WeChat and name key,
// field-by-field scoring, clustering) over N customer records, streamed from a database as
// duplicates.run reads them (blocks from SQL, only the paired records loaded, temp_store = MEMORY as in
// the vault), against a bare SQL GROUP BY on the same normalised key columns in the same database — the
// least any exact-key duplicate finder has to do. The ratio is the price of the scoring and the fuzzy keys.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, rmSync } from 'node:fs';
import { detectInVault } from '../../electron/core/duplicates/vault-source';
import { readWechat } from '../../shared/customer/fields';
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
/** The key columns the reference groups by: the import's indexed keys and WeChat. */
const GROUPED = [...KEYS, 'wechat'] as const;

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
    // v3: v2 with the further columns the streamed detection reads (the phone cell's further numbers,
    // WeChat, the cluster) and the clusters table, derived from v2 without normalising every row again.
    const full = await ctx.cached(
      `dedupe-v3-${ctx.generator}-s${ctx.seed}-r${ctx.rows}.sqlite`,
      async (path) => {
        copyFileSync(db, path);
        const out = new Database(path);
        out.pragma('journal_mode = OFF');
        out.exec(`ALTER TABLE customers ADD COLUMN phone_status TEXT;
        ALTER TABLE customers ADD COLUMN phones TEXT;
        ALTER TABLE customers ADD COLUMN wechat TEXT;
        ALTER TABLE customers ADD COLUMN cluster_id INTEGER;
        CREATE TABLE clusters (id INTEGER PRIMARY KEY, status TEXT NOT NULL)`);
        const update = out.prepare('UPDATE customers SET wechat = ? WHERE id = ?');
        out.transaction(() => {
          let id = 0;
          for (const { row } of generateCustomers(ctx.seed, ctx.rows)) {
            const wechat = readWechat(row.wechat).value;
            id++;
            if (wechat !== null) update.run(wechat, id);
          }
        })();
        out.exec('CREATE INDEX customers_wechat ON customers (wechat) WHERE wechat IS NOT NULL');
        out.close();
      },
    );
    return { state: { db: full, rows: ctx.rows }, work: { amount: ctx.rows, unit: 'rows' } };
  },
  candidate: nodeSide<State>({
    label: 'duplicates.run detection (streamed: block, load, score, cluster)',
    async run(s) {
      const db = new Database(s.db, { readonly: true });
      // As the vault sets it (database.ts): SQLite's sorts held in memory, never in plaintext temporary files.
      db.pragma('temp_store = MEMORY');
      const found = await detectInVault(db);
      db.close();
      const members = found.clusters.reduce((n, c) => n + c.members.length, 0);
      return `clusters=${found.clusters.length} records=${members} pairs=${found.pairs} links=${found.links}`;
    },
  }),
  references: [
    nodeSide<State>({
      label: 'SQL GROUP BY on the six key columns (same db)',
      run(s) {
        const db = new Database(s.db, { readonly: true });
        db.pragma('temp_store = MEMORY');
        let groups = 0;
        let records = 0;
        for (const k of GROUPED) {
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
