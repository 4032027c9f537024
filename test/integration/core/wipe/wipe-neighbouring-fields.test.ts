// A purged value that only appears where two fields of a kept record meet is no residue: a kept "王子乐"
// has the name key "wang zile", stored right before its type "individual", so its page reads
// "wang zileindividual" — which holds "wang zilei", the name key of a destroyed "王子雷". The 100k-record
// benchmark refused its certificate for exactly this (WIPE_VERIFICATION_FAILED, purged-values-absent).
// The same values stored on their own (a kept row that still holds a purged value's bytes inside one
// field) still fail: see test/unit/core/wipe/page-cells.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { CSV_HEADERS, csvRecord } from '../../../fixtures/write-csv';
import { CUSTOMER_FIELDS, type CustomerRow } from '../../../fixtures/customers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { decryptVault, exportAll } from '../../support/wipe-fixture';

jest.setTimeout(120_000);

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const row = (name: string, phone: string, email: string): CustomerRow => ({
  name,
  phone,
  email,
  wechat: '',
  id_number: '',
  credit_code: '',
  address: '浙江省杭州市西湖区文三路90号',
  country: '中国',
  product: '摄影套餐',
  last_order_date: '2024-03-01',
  lifetime_value: '¥120.00',
  notes: '',
});

test('a value that only reads across a kept record’s name key and type passes the verification', async () => {
  const rows = [
    row('王子乐', '13906581234', 'zile.wang@example.cn'),
    row('王子雷', '13906585678', 'zilei.wang@example.cn'),
    row('李小明', '13812345678', 'xiaoming@example.cn'),
  ];
  const file = join(v.dir, 'customers.csv');
  const header = csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]));
  const body = rows.map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => r[f])));
  writeFileSync(file, [header, ...body, ''].join('\r\n'));
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  const records = await exportAll(v.engine, v.dir, 'before');
  const id = (name: string) => records.find((r) => r.name === name)!.id;
  unwrap(
    await v.engine.call('dispositions.set', {
      ids: [id('王子乐'), id('李小明')],
      set: { disposition: 'RETAIN', basis: '合同约定保留 contract', retainUntil: '2040-12-31' },
    }),
  );
  unwrap(await v.engine.call('dispositions.set', { ids: [id('王子雷')], set: { disposition: 'DESTROY' } }));

  const certificateDir = join(v.dir, 'certificates');
  mkdirSync(certificateDir);
  const result = unwrap(await v.engine.call('wipe.records', { certificateDir: { path: certificateDir } }));

  // The coincidence is really on the pages: the kept record's name key, then its type.
  const pages = decryptVault(v.file, recoveryVaultKey(v.created.recoveryKey));
  expect(pages.includes(Buffer.from('wang zileindividual'))).toBe(true);
  const check = result.verification?.checks.find((c) => c.name === 'purged-values-absent');
  expect(check).toMatchObject({ ok: true });
  expect(check?.detail).toMatch(/; 0 found .*1 more only where two fields of a live record meet/);
  expect(result.verification?.ok).toBe(true);
  expect(result.certificate).not.toBeNull();
  // The destroyed record's own values are nowhere, in any form.
  for (const value of ['王子雷', '13906585678', 'zilei.wang@example.cn'])
    expect(pages.includes(Buffer.from(value))).toBe(false);
  expect((await exportAll(v.engine, v.dir, 'after')).map((r) => r.name).sort()).toEqual(
    ['李小明', '王子乐'].sort(),
  );
});
