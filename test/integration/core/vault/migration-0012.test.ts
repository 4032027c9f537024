// Migration 0012 (four-digit grams in the search index) on a vault whose index an earlier Closeout wrote
// (character bigrams only): after unlocking, every query — phone and ID fragments, names, short digit
// runs, mixed text — finds exactly the records the old index found with the old queries, and the search
// page finds them too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { searchValues, SEARCH_COLUMNS, type CustomerColumnRow } from '../../../../shared/customer/columns';
import { foldForMatching } from '../../../../shared/normalise/text';
import { searchMatch } from '../../../../shared/search-grams';
import { customerRows } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { UNDO_SCHEMA_13, UNDO_SCHEMA_14, UNDO_SCHEMA_15 } from '../../support/released-tables';

jest.setTimeout(120_000);

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const raw = <T>(work: (db: VaultDb) => T): T => {
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    const out = work(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return out;
  } finally {
    db.close();
  }
};

/** What schema 9 and earlier wrote and asked: bigrams of each folded value, each ended by its last character. */
const bigrams = (folded: string) => {
  const chars = Array.from(folded);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (chars.length) out.push(chars[chars.length - 1]);
  return out;
};
const oldDocument = (values: Array<string | null>) =>
  values
    .filter((x): x is string => !!x)
    .map((x) => bigrams(foldForMatching(x)).join(' '))
    .filter(Boolean)
    .join(' ');
const oldMatch = (q: string) => {
  const chars = Array.from(foldForMatching(q));
  return chars.length === 1 ? `"${chars[0]}"*` : `"${bigrams(chars.join('')).slice(0, -1).join(' ')}"`;
};

const find = (db: VaultDb, match: string) =>
  db.prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rowid').pluck().all(match);

it('an index an earlier Closeout wrote finds the same records after the migration', async () => {
  const file = join(v.dir, 'customers.csv');
  writeFileSync(file, encodeCsv(customerRows(12, 2000), { header: 'zh' }));
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  await v.engine.call('vault.lock', {});

  const queries = raw((db) => {
    // The old index, as schema 11 wrote it, for every record.
    const rows = db
      .prepare(`SELECT id, ${SEARCH_COLUMNS.join(', ')} FROM customers ORDER BY id`)
      .all() as Array<CustomerColumnRow & { id: number }>;
    db.exec(`INSERT INTO customers_fts (customers_fts) VALUES ('delete-all')`);
    const insert = db.prepare('INSERT INTO customers_fts (rowid, grams) VALUES (?, ?)');
    for (const row of rows) insert.run(row.id, oldDocument(searchValues(row)));
    // Schemas 13 (one table of assessments), 14 (the incident register) and 15 (the CCPA
    // acknowledgement) come after: undone.
    db.exec(UNDO_SCHEMA_15);
    db.exec(UNDO_SCHEMA_14);
    db.exec(UNDO_SCHEMA_13);
    db.pragma('user_version = 11');
    // Queries drawn from the data: phone and ID fragments of 4–11 digits, 2–3 digits, names, mixed.
    const qs = new Set<string>(['13', '138', '0571', '1380', '张', '伟', '李明', '路1', 'qq.com', '@163']);
    rows.forEach((row, i) => {
      if (i % 97 !== 0) return;
      const phone = (row.phone ?? '').replace(/\D/g, '');
      if (phone.length >= 11) qs.add(phone.slice(2 + (i % 3), 2 + (i % 3) + 4 + (i % 7)));
      if (row.id_number) qs.add(row.id_number.slice(i % 6, (i % 6) + 6));
      if (row.name) qs.add(row.name.slice(0, 2));
    });
    return [...qs].map((q) => ({ q, before: find(db, oldMatch(q)) }));
  });
  expect(queries.length).toBeGreaterThan(40);
  expect(queries.filter((x) => x.before.length > 0).length).toBeGreaterThan(30);

  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  expect(unwrap(await v.engine.call('vault.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);

  const after = raw((db) => queries.map(({ q }) => ({ q, found: find(db, searchMatch(q)!) })));
  expect(after.map((x) => [x.q, x.found])).toEqual(queries.map((x) => [x.q, x.before]));
  // The window's search finds them through the new index (a phone fragment, four-digit grams).
  const phone = queries.find((x) => /^\d{6,}$/.test(x.q) && x.before.length > 0)!;
  const page = unwrap(await v.engine.call('records.query', { query: phone.q, limit: 500 }));
  expect(page.records.map((r) => r.id).sort((a, b) => a - b)).toEqual(phone.before);
});
