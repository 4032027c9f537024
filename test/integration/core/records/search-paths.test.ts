// The records search's id queries (a page's ids, the capped and the exact count) check a search's matches
// in the customers_merged_into index instead of the table rows, and a query mixing digits with other
// characters adds its digit runs' four-digit grams to the bigram phrase. This compares them with the
// query and the MATCH expression they replaced, written out below, on a varied vault: the seeded generator's customers with many duplicates
// and the messy "everything" CSV, both imported for real, then records merged away by hand (their search
// rows left in place, as an older vault may have them) and a record's row removed under its search row.
// Every query's whole result set, its pages and its counts must be the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countSelection, queryRecords, selectionSql } from '../../../../electron/core/records/query-records';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { recordQuerySchema } from '../../../../shared/records';
import { foldForMatching } from '../../../../shared/normalise/text';
import { searchMatch } from '../../../../shared/search-grams';
import { generateCustomers } from '../../../fixtures/customers';
import { everythingCsv } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(240_000);

/** The search's FROM and WHERE before the id queries read the index (merged records left out). */
const OLD = `FROM customers_fts CROSS JOIN customers c ON c.id = customers_fts.rowid
             WHERE customers_fts MATCH ? AND c.merged_into IS NULL`;

let v: VaultFixture;
let db: VaultDb;
let queries: Array<{ kind: string; text: string }> = [];
/** Records merged away by hand, and the record whose row was removed: all still in the search index. */
const hidden: number[] = [];

interface Values {
  id: number;
  name: string | null;
  phone: string | null;
  phone_raw: string | null;
  email: string | null;
  wechat: string | null;
  address: string | null;
  id_number: string | null;
}

/** Fragments of the vault's own values, of every kind a person types, varied by the record's id. */
function fragmentsOf(r: Values): Array<{ kind: string; text: string }> {
  const out: Array<{ kind: string; text: string }> = [];
  const cut = (kind: string, value: string | null, length: number, from = r.id % 3) => {
    const chars = Array.from(value ?? '');
    if (chars.length >= length) out.push({ kind, text: chars.slice(from, from + length).join('') });
  };
  const name = r.name ?? '';
  if (/^[\u4e00-\u9fff]/.test(name)) for (const n of [1, 2, 3]) cut('name-zh', name, n, 0);
  if (/^[A-Za-z]/.test(name)) cut('name-latin', name, 3 + (r.id % 5));
  const local = (r.email ?? '').split('@')[0];
  if (/^[a-z]{4,}/.test(local)) cut('pinyin', local.replace(/[^a-z].*$/, ''), 3 + (r.id % 3));
  const digits = (r.phone ?? '').replace(/\D/g, '');
  const typed = (r.phone_raw ?? '').replace(/\D/g, '');
  for (const length of [2 + (r.id % 10), 2 + (Math.floor(r.id / 10) % 10)])
    cut('phone', digits, length, Math.max(0, digits.length - length - (r.id % 3)));
  cut('phone-typed', typed, 3 + (r.id % 6), r.id % 2);
  if (r.phone_raw && /\D/.test(r.phone_raw)) cut('phone-typed', r.phone_raw, 6 + (r.id % 4));
  if (r.email) {
    cut('email', r.email, 4 + (r.id % 6));
    const at = r.email.indexOf('@');
    if (at > 2) out.push({ kind: 'email', text: r.email.slice(at - 2, at + 4) });
  }
  cut('wechat', r.wechat, 5);
  cut('id', r.id_number, 4 + (r.id % 8), r.id % 6);
  cut('address', r.address, 3 + (r.id % 2), 2 + (r.id % 5));
  const address = Array.from(r.address ?? '');
  const house = address.findIndex((ch, k) => k > 1 && /[0-9]/.test(ch) && /[^0-9]/.test(address[k - 1]));
  if (house > 1) out.push({ kind: 'mixed', text: address.slice(house - 2, house + 2).join('') });
  const lettersDigits = /[a-z]+[0-9]+/i.exec(local);
  if (lettersDigits) out.push({ kind: 'mixed', text: lettersDigits[0].slice(-5) });
  return out;
}

beforeAll(async () => {
  v = await makeVault();
  const generated = [...generateCustomers(20261206, 3000, { duplicateRate: 0.25 })].map((g) => g.row);
  const file = join(v.dir, '客户名单.csv');
  writeFileSync(file, encodeCsv(generated));
  const messy = everythingCsv(7, { rows: 1500 });
  const messyFile = join(v.dir, messy.name);
  writeFileSync(messyFile, messy.bytes);
  for (const path of [file, messyFile])
    unwrap(await v.engine.call('import.run', { inputs: [{ file: { path } }] }));
  await v.engine.call('vault.lock', {});
  db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));

  const records = db
    .prepare(
      `SELECT id, name, phone, phone_raw, email, wechat, address, id_number FROM customers ORDER BY id`,
    )
    .all() as Values[];
  // Every 37th record merged into the one before it (a few chains among them), search rows kept.
  const merge = db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?');
  for (let i = 37; i < records.length; i += 37) {
    merge.run(records[i - 1].id, records[i].id);
    hidden.push(records[i].id);
  }
  // A record's row gone from under its search row (the app never leaves one; the old query hid it).
  const gone = records.find((r) => r.phone && r.email && !hidden.includes(r.id) && r.id % 11 === 5)!;
  db.prepare('DELETE FROM customers WHERE id = ?').run(gone.id);
  hidden.push(gone.id);

  queries = records.filter((r) => r.id % 17 === 0).flatMap(fragmentsOf);
  // Queries of the hidden records themselves, so their exclusion is exercised.
  for (const r of records.filter((r) => hidden.includes(r.id)).slice(0, 40))
    queries.push(...fragmentsOf(r).filter((_, k) => k % 3 === 0));
  queries.push(
    { kind: 'none', text: '无此客户zzqx' },
    { kind: 'none', text: '@#—' },
    { kind: 'none', text: '9999999999' },
  );
}, 240_000);

afterAll(() => {
  db?.close();
  return v.remove();
});

/**
 * The MATCH expression before mixed queries added their digit runs' four-digit grams: one character by
 * prefix, four or more digits alone as four-digit grams, anything else as the bigram phrase alone.
 */
function oldMatch(text: string): string | null {
  const chars = Array.from(foldForMatching(text));
  const match = searchMatch(text);
  if (chars.length < 2 || match === null || /^[0-9]+$/.test(chars.join(''))) return match;
  return `"${chars
    .slice(1)
    .map((c, i) => chars[i] + c)
    .join(' ')}"`;
}

const page = (input: Record<string, unknown>) => recordQuerySchema.parse(input);
const oldIds = (text: string, direction = 'ASC'): number[] => {
  const match = oldMatch(text);
  if (match === null) return [];
  return db
    .prepare(`SELECT c.id ${OLD} ORDER BY customers_fts.rowid ${direction}`)
    .pluck()
    .all(match) as number[];
};

/** Every record of a search, page by page as the window scrolls through it. */
function allPages(text: string, dir: 'asc' | 'desc' = 'asc'): number[] {
  const out: number[] = [];
  for (;;) {
    const got = queryRecords(
      db,
      page({ query: text, offset: out.length, limit: 500, count: 'none', sort: { field: 'id', dir } }),
    );
    out.push(...got.records.map((r) => r.id));
    if (got.records.length < 500) return out;
  }
}

test('the fixture is varied: every kind of query, hidden records that the search index still finds', () => {
  const kinds = new Map<string, number>();
  for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  console.log(`search paths: ${queries.length} queries`, Object.fromEntries(kinds));
  for (const kind of [
    'name-zh',
    'name-latin',
    'pinyin',
    'phone',
    'phone-typed',
    'email',
    'wechat',
    'id',
    'address',
    'mixed',
  ])
    expect(kinds.get(kind) ?? 0).toBeGreaterThanOrEqual(kind === 'name-latin' ? 10 : 30);
  const phoneLengths = new Set(queries.filter((q) => q.kind === 'phone').map((q) => q.text.length));
  expect([...phoneLengths].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  // Queries whose MATCH expression changed: digit runs of four or more beside other characters.
  expect(queries.filter((q) => oldMatch(q.text) !== searchMatch(q.text)).length).toBeGreaterThanOrEqual(30);
  // Queries whose matches in the index include a hidden record: the paths must both leave it out.
  const inIndex = db.prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?').pluck();
  const hitsHidden = queries.filter((q) => {
    const match = searchMatch(q.text);
    return match !== null && (inIndex.all(match) as number[]).some((id) => hidden.includes(id));
  });
  expect(hitsHidden.length).toBeGreaterThanOrEqual(40);
});

test('the id queries read the merged_into index for a search without other filters, the table otherwise', () => {
  const plan = (sql: string, args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join(' | ');
  const plain = selectionSql({ query: '张伟' });
  expect(plan(`SELECT c.id FROM ${plain.idFrom} WHERE ${plain.where.join(' AND ')}`, plain.args)).toMatch(
    /COVERING INDEX customers_merged_into/,
  );
  const filtered = selectionSql({ query: '张伟', filter: { region: 'mainland' } });
  expect(filtered.idFrom).toBe(filtered.from);
  expect(
    plan(`SELECT c.id FROM ${filtered.idFrom} WHERE ${filtered.where.join(' AND ')}`, filtered.args),
  ).toMatch(/INTEGER PRIMARY KEY/);
});

test('every query: the same whole result set, pages and counts as the query it replaced', () => {
  let compared = 0;
  for (const q of queries) {
    const expected = oldIds(q.text);
    expect({ q, ids: allPages(q.text) }).toEqual({ q, ids: expected });
    expect({ q, ids: allPages(q.text, 'desc') }).toEqual({ q, ids: oldIds(q.text, 'DESC') });
    const first = queryRecords(db, page({ query: q.text, limit: 50, count: 'capped' }));
    expect({ q, ids: first.records.map((r) => r.id), total: first.total }).toEqual({
      q,
      ids: expected.slice(0, 50),
      total: Math.min(expected.length, 10_000),
    });
    const offset = Math.floor(expected.length / 2);
    const middle = queryRecords(db, page({ query: q.text, offset, limit: 7, count: 'exact' }));
    expect({ q, ids: middle.records.map((r) => r.id), total: middle.total }).toEqual({
      q,
      ids: expected.slice(offset, offset + 7),
      total: expected.length,
    });
    // The count's cap, small enough to be reached here.
    for (const cap of [0, 3, 20])
      expect({ q, cap, n: countSelection(db, selectionSql({ query: q.text }), cap) }).toEqual({
        q,
        cap,
        n: Math.min(expected.length, cap + 1),
      });
    compared++;
  }
  expect(compared).toBe(queries.length);
});
