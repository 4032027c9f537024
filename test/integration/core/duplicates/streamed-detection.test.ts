// Duplicate detection streamed from the vault (blocks from SQL, pairs and scores in typed arrays, only
// paired records loaded) against detection over every record held in memory, on a varied vault: the
// seeded generator's customers with many duplicates, the messy "everything" CSV (several numbers per
// phone cell, placeholders, hidden characters), a switchboard number on 130 staff rows and a name on 40
// different people (the oversized-block splits). Both must find the same pairs, links and clusters, and
// those must be what detection found before it was streamed (the digest below was computed then).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectDuplicates, type Detection } from '../../../../electron/core/duplicates/detect';
import { detectInVault, loadCandidates } from '../../../../electron/core/duplicates/vault-source';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { generateCustomers } from '../../../fixtures/customers';
import { everythingCsv } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { peek } from '../import/support/peek';

jest.setTimeout(240_000);

/** sha256 of the detection computed by the code before the streamed path (same fixture, same seeds). */
const BEFORE = '796c43b897beda9c287c53d4bb7e093edafa07d916a4e655cc1d829d5b2f9b4d';

let v: VaultFixture;

const digest = (d: Detection) => createHash('sha256').update(JSON.stringify(d)).digest('hex');

beforeAll(async () => {
  v = await makeVault();
  const generated = [...generateCustomers(20261206, 3000, { duplicateRate: 0.25 })].map((g) => g.row);
  // A switchboard on 130 staff (some namesakes among them), and 40 people called 王建国 at 8 addresses.
  const staff = Array.from({ length: 130 }, (_, i) => ({
    ...generated[i],
    name: ['李娜', '王磊', '陈静', `员工${i}`][i % 4],
    phone: '0571-8888 6666',
  }));
  const namesakes = Array.from({ length: 40 }, (_, i) => ({
    ...generated[200 + i],
    name: '王建国',
    address: `浙江省杭州市西湖区文三路${(i % 8) + 1}号${(i % 8) + 10}幢`,
  }));
  const file = join(v.dir, '客户名单.csv');
  writeFileSync(file, encodeCsv([...generated, ...staff, ...namesakes]));
  const messy = everythingCsv(7, { rows: 1500 });
  const messyFile = join(v.dir, messy.name);
  writeFileSync(messyFile, messy.bytes);
  for (const path of [file, messyFile])
    unwrap(await v.engine.call('import.run', { inputs: [{ file: { path } }] }));
});
afterAll(() => v.remove());

test('the streamed detection finds the same pairs, links and clusters as before', async () => {
  const { inMemory, streamed } = await (async () => {
    const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
    try {
      return { inMemory: await detectDuplicates(loadCandidates(db)), streamed: await detectInVault(db) };
    } finally {
      db.close();
    }
  })();
  const clustered = inMemory.clusters.reduce((n, c) => n + c.members.length, 0);
  console.log(
    `streamed detection on ${inMemory.records} records: ${inMemory.pairs} pairs, ${inMemory.links} links, ` +
      `${inMemory.clusters.length} clusters (${clustered} records), split ${inMemory.stats.split}, ` +
      `oversized ${inMemory.stats.oversized}, digest ${digest(inMemory)}`,
  );
  // The fixture exercises what it is meant to: many clusters, both splits, multi-number phone cells.
  expect(inMemory.clusters.length).toBeGreaterThan(300);
  expect(inMemory.stats.split).toBeGreaterThanOrEqual(2);
  const multiNumber = peek(
    v,
    (db) =>
      (db.prepare('SELECT count(*) AS n FROM customers WHERE phones IS NOT NULL').get() as { n: number }).n,
  );
  expect(multiNumber).toBeGreaterThan(20);
  expect(streamed).toEqual(inMemory);
  expect(digest(streamed)).toBe(BEFORE);
});
