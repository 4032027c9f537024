// search: records.query on an N-record vault — a few hundred varied searches (two-character names,
// three- and four-character address fragments, phone and e-mail fragments; then fewer of each further
// kind: phone fragments of 2–3 and 9–11 digits, Latin names, pinyin, mixed letters-and-digits and
// Chinese-and-digits fragments), each timed as the window asks: the search plus the first page of 50
// records with their source rows, then (timed apart) the count capped at 10 000.
// Prints p50 / p95 / max per kind of query, wall and CPU time (goal: p95 ≤ 25 ms on 1M records; the CPU
// figures show what the load adds to the wall ones), and the same for scrolling
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
  kind:
    | 'name-2'
    | 'address-3-4'
    | 'phone'
    | 'email'
    | 'phone-2-3'
    | 'phone-9-11'
    | 'latin-name'
    | 'pinyin'
    | 'mixed';
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

const MORE_KINDS = ['phone-2-3', 'phone-9-11', 'latin-name', 'pinyin', 'mixed'] as const;

/** A fragment of kind `kind` from one record's values, varied by `n`; null when the record has none. */
function fragment(kind: (typeof MORE_KINDS)[number], c: ReturnType<typeof customerColumns>, n: number) {
  const digits = c.phone?.replace(/\D/g, '') ?? '';
  const letters = (c.email ?? c.wechat ?? '').split('@')[0];
  if (kind === 'phone-2-3' && digits.length >= 6) {
    const len = 2 + (n % 2);
    const start = digits.length - len - (n % 5);
    return digits.slice(start, start + len);
  }
  if (kind === 'phone-9-11' && digits.length >= 11) return digits.slice(digits.length - 9 - (n % 3));
  if (kind === 'latin-name' && c.name && /^[A-Za-z][A-Za-z .'-]{4,}$/.test(c.name))
    return c.name.slice(n % 3, (n % 3) + 3 + (n % 4));
  if (kind === 'pinyin' && /^[a-z]{6,}/.test(letters))
    return letters.replace(/[^a-z].*$/, '').slice(n % 3, (n % 3) + 3 + (n % 4));
  if (kind !== 'mixed') return null;
  // Chinese then digits (a street and its number), or letters with digits (an e-mail's, a WeChat ID's).
  const address = Array.from(c.address ?? '');
  const at = address.findIndex(
    (ch, k) => k > 1 && /[0-9]/.test(ch) && /[\u4e00-\u9fff]/.test(address[k - 1]),
  );
  if (n % 2 === 0 && at > 1) return address.slice(at - 2, at + 2).join('');
  const mixed = /[a-z][0-9]|[0-9][a-z]/.exec(letters);
  return mixed ? letters.slice(Math.max(0, mixed.index - 2), mixed.index + 3) : null;
}

/**
 * The further kinds, `perKind` of each, from rows spread over the same sample (the first four kinds stay
 * as they were): each sampled row gives the next kind in turn that it has and that is not full yet.
 */
function moreQueries(seed: number, rows: number, perKind: number): Query[] {
  const out: Query[] = [];
  const made = new Map<string, number>();
  const sample = Math.min(rows, 100_000);
  const step = Math.max(1, Math.floor(sample / (perKind * MORE_KINDS.length * 4)));
  let i = 0;
  for (const g of generateCustomers(seed, sample)) {
    const n = i++;
    if (n % step !== Math.floor(step / 2)) continue;
    const c = customerColumns(g.row);
    for (let k = 0; k < MORE_KINDS.length; k++) {
      const kind = MORE_KINDS[(Math.floor(n / step) + k) % MORE_KINDS.length];
      if ((made.get(kind) ?? 0) >= perKind) continue;
      const text = fragment(kind, c, n);
      if (text === null || text.length < 2) continue;
      made.set(kind, (made.get(kind) ?? 0) + 1);
      out.push({ kind, text });
      break;
    }
    if (out.length >= perKind * MORE_KINDS.length) break;
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
  return timedCpu(work).wall;
}

/** Wall and CPU milliseconds of one call (CPU: this process's user + system time, all threads). */
function timedCpu(work: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  work();
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
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
      state: {
        vault,
        keyHex: fixedKey.toString('hex'),
        rows,
        queries: [...makeQueries(ctx.seed, rows, 400), ...moreQueries(ctx.seed, rows, 40)],
      },
      work: { amount: 600, unit: 'calls' },
    };
  },
  candidate: nodeSide<State, VaultDb>({
    label: 'records.query (search + first page of 50; then capped count)',
    prepare: open,
    run(s, db) {
      // What the window does: the first page at once (no count), then the capped count on its own.
      const byKind = new Map<string, { wall: number[]; cpu: number[] }>();
      const all = { wall: [] as number[], cpu: [] as number[] };
      const counts = { wall: [] as number[], cpu: [] as number[] };
      const note = (into: { wall: number[]; cpu: number[] }, t: { wall: number; cpu: number }) => {
        into.wall.push(t.wall);
        into.cpu.push(t.cpu);
      };
      for (const q of s.queries) {
        const t = timedCpu(() => queryRecords(db, page({ query: q.text, limit: 50, count: 'none' })));
        note(all, t);
        const kind = byKind.get(q.kind) ?? { wall: [], cpu: [] };
        byKind.set(q.kind, kind);
        note(kind, t);
        note(
          counts,
          timedCpu(() => queryRecords(db, page({ query: q.text, limit: 0, count: 'capped' }))),
        );
      }
      const both = (label: string, t: { wall: number[]; cpu: number[] }) => [
        summarise(label, t.wall),
        summarise(`  CPU`, t.cpu),
      ];
      const lines = [
        `search over ${s.rows.toLocaleString('en')} records (search + first page of 50 records):`,
        ...both('all queries', all),
      ];
      for (const [kind, times] of byKind) lines.push(...both(kind, times));
      lines.push(...both('count, capped at 10 000', counts));
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
