// The closure's figures after an import come from the facts before it plus the new records counted as
// they are written (CustomerTally), not from reading the vault again. They must be what customerFacts
// reads from the records afterwards: compared on a first import into an empty vault and on a second one
// into a vault with every kind of disposition (expired and open retention, two recipients), generated and
// messy files, and Californian, European and other overseas addresses.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { customerFacts } from '../../../../electron/core/compliance/customer-facts';
import { CustomerTally } from '../../../../electron/core/compliance/customer-tally';
import { factsDay } from '../../../../electron/core/compliance/facts';
import { runImport } from '../../../../electron/core/import/import-source';
import type { JobContext } from '../../../../electron/core/kernel/job';
import { UnlockThrottle } from '../../../../electron/core/vault/unlock-throttle';
import { unlockVault } from '../../../../electron/core/vault/unlock-vault';
import { customerRows } from '../../../fixtures/customers';
import { everythingCsv, everythingXlsx } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(300_000);

const job: JobContext = {
  id: 'tally-test',
  signal: new AbortController().signal,
  progress: () => undefined,
  checkpoint: async () => undefined,
};

const OVERSEAS = [
  'name,phone,address,country',
  '"Ann Lee",+1 415 555 0100,"1 Market St, San Francisco, CA 94105",USA',
  '"Bo Chen",+1 213 555 0101,"LOS ANGELES, california",美国',
  '"Cy Wu",+1 212 555 0102,"美国加州圣何塞",美国',
  '"Di Fox",+1 212 555 0103,"加利福尼亚州 Fresno",United States',
  '"Ed Ray",+1 212 555 0104,"5th Ave, New York, NY 10001",USA',
  '"Fa Li",+1 212 555 0105,"Main St, Cary, ca, NC",USA',
  '"Gu Ma",,"Unter den Linden 1, Berlin",德国',
  '"Hu Ng",,"Rue de Rivoli, Paris",France',
  '"Iv Ko",,"Orchard Rd, Singapore",新加坡',
  '"Jo Yu",+852 9123 4567,"香港中环",香港',
].join('\n');

async function importWithTally(v: VaultFixture, files: string[]) {
  const now = new Date();
  const vault = await unlockVault(
    { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS },
    v.dataDir,
    new UnlockThrottle(),
  );
  try {
    const tally = new CustomerTally(vault.db, factsDay(now));
    const result = await runImport(
      vault,
      { inputs: files.map((path) => ({ file: { path } })), allowSameSource: false },
      job,
      now,
      tally,
    );
    return { result, tallied: tally.facts(), read: customerFacts(vault.db, factsDay(now)) };
  } finally {
    vault.close();
  }
}

it('the tallied customer facts equal those read from the records, on a first and a later import', async () => {
  const v = await makeVault();
  try {
    unwrap(await v.engine.call('vault.lock', {}));
    const first = join(v.dir, 'first.csv');
    writeFileSync(first, encodeCsv(customerRows(21, 2000), { header: 'zh' }));
    const messy = join(v.dir, everythingCsv(22, { rows: 800 }).name);
    writeFileSync(messy, everythingCsv(22, { rows: 800 }).bytes);
    const one = await importWithTally(v, [first, messy]);
    expect(one.result.totals.imported).toBeGreaterThan(2500);
    expect(one.tallied).toEqual(one.read);
    // toEqual does not look at key order; the countries come most records first.
    expect(Object.keys(one.tallied.countries)).toEqual(Object.keys(one.read.countries));
    expect(one.read.total).toBe(one.result.totals.imported);

    // Dispositions of every kind on the records there, then a second import.
    unwrap(
      await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        userName: 'owner',
        passphrase: OWNER_PASS,
      }),
    );
    const ids = Array.from({ length: one.read.total }, (_, i) => i + 1);
    const sets = [
      { disposition: 'RETAIN', basis: '合同约定保留', retainUntil: '2040-12-31' },
      { disposition: 'RETAIN', basis: '账簿 accounts', retainUntil: '2020-01-31' },
      { disposition: 'TRANSFER', recipient: '承接公司 Successor Ltd' },
      { disposition: 'TRANSFER', recipient: 'Ålesund AS' },
      { disposition: 'DESTROY' },
      { disposition: 'ANONYMISE' },
    ] as const;
    for (const [i, set] of sets.entries())
      unwrap(await v.engine.call('dispositions.set', { ids: ids.filter((id) => id % 9 === i), set }));
    unwrap(await v.engine.call('vault.lock', {}));

    const overseas = join(v.dir, 'overseas.csv');
    writeFileSync(overseas, OVERSEAS);
    const second = join(v.dir, 'second.csv');
    writeFileSync(second, encodeCsv(customerRows(23, 1500), { header: 'zh' }));
    const workbook = everythingXlsx(24, { rows: 500 });
    const xlsx = join(v.dir, workbook.name);
    writeFileSync(xlsx, workbook.bytes);
    const two = await importWithTally(v, [overseas, second, xlsx]);
    expect(two.tallied).toEqual(two.read);
    expect(Object.keys(two.tallied.countries)).toEqual(Object.keys(two.read.countries));
    // The variety the comparison rests on.
    const r = two.read;
    expect(r.total).toBe(one.read.total + two.result.totals.imported);
    expect(r.withoutDisposition).toBeLessThan(r.total);
    expect(Object.values(r.dispositions).every((n) => n > 0)).toBe(true);
    expect(r.retainExpired).toBeGreaterThan(0);
    expect(r.recipients).toHaveLength(2);
    expect(r.california).toBeGreaterThanOrEqual(4);
    expect(r.us).toBeGreaterThanOrEqual(6);
    expect(r.eu).toBeGreaterThanOrEqual(2);
    expect(Object.keys(r.countries).length).toBeGreaterThanOrEqual(5);
    expect(r.sensitiveByKind.length).toBeGreaterThanOrEqual(2);
    expect(r.individual).toBeGreaterThan(0);
    expect(r.business).toBeGreaterThan(0);
    expect(r.dataKinds.length).toBeGreaterThanOrEqual(8);
    expect(r.regions.hk_mo_tw).toBeGreaterThan(0);
  } finally {
    await v.remove();
  }
});
