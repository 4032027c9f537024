// Phone cells of the messy generator's file through the real engine on a real vault: every number of a
// cell kept in order (the first is the phone, the others further phones, extensions apart), each one
// found by a search and used to find duplicates; `closeout records --format json` prints them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CustomerRecord } from '../../../../../shared/customer';
import type { ImportRunResult } from '../../../../../shared/contract';
import { phonesCsv } from '../../../../fixtures/messy';
import { csvRecord } from '../../../../fixtures/write-csv';
import { cliEnv, runCli } from '../../../helpers';
import { OWNER_PASS, unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';

jest.setTimeout(180_000);

const m = useMessyVault();
const file = phonesCsv(7, { rows: 120 });
const byRow = new Map<number, CustomerRecord>();

async function query(input: Record<string, unknown>): Promise<CustomerRecord[]> {
  return unwrap(await m.v.engine.call('records.query', { limit: 500, ...input })).records;
}

beforeAll(async () => {
  const path = m.write(file, 'phones');
  const run = unwrap(
    await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
  ) as ImportRunResult;
  expect(run.inputs[0].imported).toBe(file.key.customers.length);
  for (const r of await query({})) byRow.set(r.sources[0].row, r);
});

test('every number of every cell, in order, valid, with its extension', () => {
  const several = file.key.customers.filter((c) => c.phones.length > 1);
  expect(several.length).toBeGreaterThan(10);
  expect(file.key.customers.some((c) => c.phones.some((p) => p.extension !== null))).toBe(true);
  for (const c of file.key.customers) {
    const record = byRow.get(c.row)!;
    const want = c.phones.map((p) => ({ number: p.e164, extension: p.extension, status: 'valid' }));
    expect([c.row, record.phones]).toEqual([c.row, want]);
    expect([c.row, record.phone]).toEqual([c.row, c.phones[0]?.e164 ?? null]);
  }
});

test('a further number finds its record, written as E.164 or as its digits', async () => {
  const c = file.key.customers.find((k) => k.phones.length > 1 && k.phones[1].e164 !== k.phones[0].e164)!;
  const id = byRow.get(c.row)!.id;
  const second = c.phones[1].e164;
  expect((await query({ query: second.slice(3) })).map((r) => r.id)).toContain(id);
});

test('the CSV export has every number of the cell, extensions written ext.', async () => {
  const path = join(m.v.dir, 'phones-export.csv');
  unwrap(await m.v.engine.call('records.export', { format: 'csv', headers: 'en', file: { path } } as never));
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').slice(1), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields!;
  expect(fields.indexOf('all phones')).toBe(fields.indexOf('phone status') + 1);
  for (const c of file.key.customers) {
    const row = parsed.data.find((r) => r['source row'] === String(c.row))!;
    const want = c.phones.map((p) => (p.extension ? `${p.e164} ext. ${p.extension}` : p.e164)).join('; ');
    // A text cell starting with + is written with a leading ' (formula injection), like the phone.
    expect([c.row, row['all phones']]).toEqual([c.row, want === '' ? '' : `'${want}`]);
  }
});

test('a record whose phone is another record’s further number is its duplicate', async () => {
  const c = file.key.customers.find((k) => k.phones.length > 1 && k.name)!;
  const other = join(m.v.dir, 'second-list.csv');
  writeFileSync(
    other,
    [
      ['姓名', '手机'],
      [c.name!, c.phones[1].e164.slice(3)],
    ]
      .map(csvRecord)
      .join('\r\n'),
  );
  unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path: other } }] }));
  unwrap(await m.v.engine.call('duplicates.run', {}));
  const { clusters } = unwrap(await m.v.engine.call('duplicates.clusters', { status: 'pending' }));
  const original = byRow.get(c.row)!.id;
  const cluster = clusters.find((k) => k.members.some((member) => member.id === original));
  expect(cluster?.members).toHaveLength(2);
  expect(cluster?.explanation.matched).toContain('phone');
});

test('`closeout records --format json` prints every number of the cell', async () => {
  await m.v.engine.call('vault.lock', {});
  const c =
    file.key.customers.find((k) => k.phones.length > 2) ??
    file.key.customers.find((k) => k.phones.length > 1)!;
  const out = runCli(
    ['records', m.v.file, '--query', c.phones[0].e164.slice(3), '--format', 'json'],
    cliEnv(m.v.dataDir, { CLOSEOUT_PASSPHRASE: OWNER_PASS }),
  );
  expect(out.stderr).toBe('');
  expect(out.status).toBe(0);
  const records = JSON.parse(out.stdout) as CustomerRecord[];
  const record = records.find((r) => r.sources[0].row === c.row)!;
  expect(record.phones.map((p) => p.number)).toEqual(c.phones.map((p) => p.e164));
});
