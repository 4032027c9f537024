// The records view over a vault filled the real way: a generated CSV imported through import.run. Every
// record is listed with its CSV row (header = row 1), and searches find exactly the records whose stored
// values contain the text (checked by scanning the JSON export of the same vault).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../shared/customer';
import { foldForMatching } from '../../../../shared/normalise/text';
import { generateCustomers } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(120_000);

const N = 1500;
let v: VaultFixture;
let records: CustomerRecord[] = [];

beforeAll(async () => {
  v = await makeVault();
  const generated = [...generateCustomers(77, N)];
  const file = join(v.dir, '客户.csv');
  writeFileSync(file, encodeCsv(generated.map((g) => g.row)));
  const run = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  expect(run).toBeDefined();
  const out = join(v.dir, 'all.json');
  unwrap(await v.engine.call('records.export', { format: 'json', file: { path: out } }));
  records = JSON.parse(readFileSync(out, 'utf8')) as CustomerRecord[];
});
afterAll(() => v.remove());

const contains = (r: CustomerRecord, q: string) =>
  [r.name, r.organisation, r.phone, r.email, r.wechat, r.address].some(
    (value) => value && foldForMatching(value).includes(foldForMatching(q)),
  );

async function allIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = unwrap(await v.engine.call('records.query', { query, offset, limit: 500, count: 'none' }));
    ids.push(...page.records.map((r) => r.id));
    if (page.records.length < 500) return ids;
  }
}

test('every imported row is a record naming its file and CSV row', () => {
  expect(records.length).toBeGreaterThan(N * 0.95);
  for (const r of records) {
    expect(r.sources[0].file).toBe('客户.csv');
    expect(r.sources[0].row).toBeGreaterThanOrEqual(2);
  }
  const rows = records.map((r) => r.sources[0].row);
  expect(new Set(rows).size).toBe(rows.length);
});

test('searches by name, e-mail and address find every record whose values contain the text', async () => {
  const queries = records
    .filter((_, i) => i % 97 === 0)
    .flatMap((r) => [
      r.name ? Array.from(r.name).slice(0, 2).join('') : null,
      r.email ? r.email.slice(0, 5) : null,
      r.address ? Array.from(r.address).slice(3, 6).join('') : null,
    ])
    // Digits-only text could also match a phone as written (indexed, not in the record): left to the
    // phone test below.
    .filter(
      (q): q is string => q !== null && foldForMatching(q).length >= 2 && !/^\d+$/.test(foldForMatching(q)),
    );
  expect(queries.length).toBeGreaterThan(20);
  for (const q of queries) {
    const found = await allIds(q);
    const expected = records.filter((r) => contains(r, q)).map((r) => r.id);
    expect({ q, found }).toEqual({ q, found: expected });
  }
});

test('a phone fragment finds the record by its E.164 number', async () => {
  const r = records.find((x) => x.phone?.startsWith('+861'))!;
  const found = await allIds(r.phone!.slice(5, 11));
  expect(found).toContain(r.id);
  // Everything found holds those digits in its number (E.164 or as written): never a name or address.
  expect(found.length).toBeLessThan(records.length / 10);
});
