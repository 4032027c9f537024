// search: records.query on an N-record vault — a few hundred varied searches (two-character names,
// three- and four-character address fragments, phone and e-mail fragments), each timed as the window
// asks: the search plus the first page of 50 records with their source rows, then (timed apart) the
// count capped at 10 000.
// Prints p50 / p95 / max per kind of query (goal: p95 ≤ 50 ms on 1M records), and the same for scrolling
// (deep offsets over the whole vault) and filter-only pages. The reference is the bare FTS5 lookup of the
// first 50 matching rowids, so the ratio is what loading records and counting cost on top of the index.
import { rmSync } from 'node:fs';
import { createVaultDatabase, openVaultDatabase, type VaultDb } from '../../electron/core/vault/database';
import { migrate } from '../../electron/core/vault/migrate';
import { queryRecords } from '../../electron/core/records/query-records';
import { recordQuerySchema } from '../../shared/records';
import { searchMatch } from '../../shared/search-grams';
import { generateCustomers, type GeneratedCustomer } from '../fixtures/customers';
import { customerColumns } from '../integration/support/customer-columns';
import { insertCustomers } from '../integration/support/records-fixture';
import { defineBenchmark, nodeSide } from './harness';

interface Query {
  kind: 'name-2' | 'address-3-4' | 'phone' | 'email';
  text: string;
}

interface State {
  vault: string;
  keyHex: string;
  rows: number;
  queries: Query[];
}

const BATCH = 50_000;

/** The next `n` rows of one running generator. */
function* take(source: Iterator<GeneratedCustomer>, n: number): Generator<GeneratedCustomer> {
  for (let i = 0; i < n; i++) {
    const next = source.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Queries drawn from the data itself (so most find something), spread over the vault. */
function makeQueries(seed: number, rows: number, count: number): Query[] {
  const out: Query[] = [];
  const step = Math.max(1, Math.floor(Math.min(rows, 100_000) / count));
  let i = 0;
  for (const g of generateCustomers(seed, Math.min(rows, 100_000))) {
    if (i++ % step !== 0) continue;
    const c = customerColumns(g.row);
    const n = out.length;
    const chars = (s: string) => Array.from(s);
    const kind = n % 4;
    if (kind === 0 && c.name && /^[\u4e00-\u9fff]{2}/.test(c.name))
      out.push({
        kind: 'name-2',
        text: chars(c.name)
          .slice(n % 3 === 0 ? 1 : 0)
          .slice(0, 2)
          .join(''),
      });
    else if (kind === 1 && c.address && chars(c.address).length > 8) {
      const a = chars(c.address);
      const start = 3 + (n % 5);
      out.push({ kind: 'address-3-4', text: a.slice(start, start + 3 + (n % 2)).join('') });
    } else if (kind === 2 && c.phone) {
      const digits = c.phone.replace(/\D/g, '');
      const len = 4 + (n % 5);
      out.push({ kind: 'phone', text: digits.slice(digits.length - len - (n % 3)).slice(0, len) });
    } else if (kind === 3 && c.email) {
      const start = n % 3;
      out.push({ kind: 'email', text: c.email.slice(start, start + 4 + (n % 4)) });
    }
    if (out.length >= count) break;
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  return `  ${label.padEnd(28)} n=${String(times.length).padStart(4)}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(
    percentile(sorted, 95),
  )} ms  max ${f(sorted[sorted.length - 1])} ms`;
}

function timed(work: () => unknown): number {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const open = (s: State): VaultDb => openVaultDatabase(s.vault, Buffer.from(s.keyHex, 'hex'));
const page = (input: Record<string, unknown>) => recordQuerySchema.parse(input);

export default defineBenchmark<State>({
  name: 'search',
  summary: 'records.query: search + first page of 50 (then the capped count), p50/p95 over varied queries',
  async setup(ctx) {
    const rows = ctx.rows;
    // The key is part of the cached file, so it is derived from the cache key, not random per run.
    // v3: the search documents hold four-digit grams of digit runs (schema 12).
    const fixedKey = Buffer.from(`closeout-search-bench-${ctx.seed}`.padEnd(32, '.').slice(0, 32));
    const vault = await ctx.cached(
      `search-vault-${ctx.generator}-s${ctx.seed}-r${rows}-v3.cvault`,
      async (path) => {
        ctx.log(`building a ${rows.toLocaleString('en')}-record vault (direct inserts + FTS documents)…`);
        const db = createVaultDatabase(path, fixedKey);
        try {
          migrate(db, path);
          db.pragma('synchronous = OFF');
          const started = Date.now();
          const source = generateCustomers(ctx.seed, rows);
          for (let from = 0; from < rows; from += BATCH) {
            insertCustomers(db, take(source, BATCH), { file: `part-${from}.csv` });
            ctx.log(
              `  ${Math.min(rows, from + BATCH).toLocaleString('en')} rows, ${((Date.now() - started) / 1000).toFixed(0)} s`,
            );
          }
          db.exec('ANALYZE');
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
        for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
      },
    );
    return {
      state: { vault, keyHex: fixedKey.toString('hex'), rows, queries: makeQueries(ctx.seed, rows, 400) },
      work: { amount: 400, unit: 'calls' },
    };
  },
  candidate: nodeSide<State, VaultDb>({
    label: 'records.query (search + first page of 50; then capped count)',
    prepare: open,
    run(s, db) {
      // What the window does: the first page at once (no count), then the capped count on its own.
      const byKind = new Map<string, number[]>();
      const all: number[] = [];
      const counts: number[] = [];
      for (const q of s.queries) {
        const ms = timed(() => queryRecords(db, page({ query: q.text, limit: 50, count: 'none' })));
        all.push(ms);
        byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
        counts.push(timed(() => queryRecords(db, page({ query: q.text, limit: 0, count: 'capped' }))));
      }
      const lines = [
        `search over ${s.rows.toLocaleString('en')} records (search + first page of 50 records):`,
        summarise('all queries', all),
      ];
      for (const [kind, times] of byKind) lines.push(summarise(kind, times));
      lines.push(summarise('count, capped at 10 000', counts));
      // Scrolling: pages at spread offsets over the whole vault, no count (the window has it already).
      const scroll: number[] = [];
      for (let i = 0; i < 40; i++) {
        const offset = Math.floor(((i * 7919) % 40) * (s.rows / 40));
        scroll.push(timed(() => queryRecords(db, page({ offset, limit: 50, count: 'none' }))));
      }
      lines.push(summarise('scroll (offset, no filter)', scroll));
      const filters = [
        { region: 'overseas' },
        { flags: { minor: true } },
        { disposition: null },
        { type: 'business', flags: { stale: true } },
        { status: { idNumber: 'invalid' } },
      ];
      // The window shows a filter's first page at once and counts after it (counting a filter reads the table).
      const filtered = filters.map((filter) =>
        timed(() => queryRecords(db, page({ filter, limit: 50, count: 'none' }))),
      );
      lines.push(summarise('filter, first page', filtered));
      const counted = filters.map((filter) =>
        timed(() => queryRecords(db, page({ filter, limit: 0, count: 'exact' }))),
      );
      lines.push(summarise('filter, exact count', counted));
      const exact = timed(() => queryRecords(db, page({ limit: 0, count: 'exact' })));
      lines.push(`  exact count of the whole vault: ${exact.toFixed(1)} ms`);
      process.stdout.write(lines.join('\n') + '\n');
      return String(s.queries.length);
    },
    dispose: (_s, db) => {
      db.close();
    },
  }),
  references: [
    nodeSide<State, VaultDb>({
      label: 'bare FTS5: first 50 rowids',
      prepare: open,
      run(s, db) {
        const select = db
          .prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? LIMIT 50')
          .pluck();
        const times = s.queries.map((q) => timed(() => select.all(searchMatch(q.text))));
        process.stdout.write(summarise('bare FTS5 first 50 rowids', times) + '\n');
        return String(s.queries.length);
      },
      dispose: (_s, db) => {
        db.close();
      },
    }),
  ],
});
