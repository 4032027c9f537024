// The WeChat ID (微信号) through the real engine on a real vault: a file with a 微信号 column is previewed
// and imported (valid, wxid_, phone-shaped and invalid values), found by a fragment, filtered by its
// status, matched as a duplicate, chosen in a merge and put back exactly by unmerge, written to CSV, XLSX
// and JSON exports, and printed by `closeout records --format json` as `wechat` with `status.wechat`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CustomerRecord } from '../../../../shared/customer';
import { csvRecord } from '../../../fixtures/write-csv';
import { cliEnv, runCli } from '../../helpers';
import { makeVault, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(120_000);

const ROWS: string[][] = [
  ['姓名', '手机', '微信号', '备注'],
  ['陈大文', '13812345678', 'chendawen_88', ''],
  ['陳大文', '', 'CHENDAWEN_88', '老客户'],
  ['王芳', '13900139000', '139 0013 9000', ''],
  ['李娜', '13700137000', '张三的微信', ''],
  ['', '', 'wxid_k2j4h5g6f7d8s9', '只有微信'],
  ['赵强', '13600136000', '', ''],
];

let v: VaultFixture;
let file: string;
const byName = new Map<string, CustomerRecord>();

async function records(input: Record<string, unknown>): Promise<CustomerRecord[]> {
  return unwrap(await v.engine.call('records.query', { limit: 500, ...input })).records;
}

beforeAll(async () => {
  v = await makeVault();
  file = join(v.dir, '客户微信.csv');
  writeFileSync(file, ROWS.map(csvRecord).join('\r\n') + '\r\n');
});
afterAll(() => v.remove());

test('the preview maps 微信号 to the WeChat ID and shows each row as the record it will be', async () => {
  const preview = unwrap(await v.engine.call('import.preview', { file: { path: file } }));
  expect(preview.mapping['微信号']).toBe('wechat');
  const [dawen, , fang, lina, onlyWechat] = preview.rows.map((r) => r.record);
  expect([dawen.wechat, dawen.status.wechat]).toEqual(['chendawen_88', 'valid']);
  expect([fang.wechat, fang.status.wechat]).toEqual(['13900139000', 'valid']);
  expect([lina.wechat, lina.status.wechat]).toEqual(['张三的微信', 'invalid']);
  expect(preview.rows[3].problems).toEqual([expect.objectContaining({ field: 'wechat', status: 'invalid' })]);
  expect(onlyWechat.wechat).toBe('wxid_k2j4h5g6f7d8s9');
  // A row with nothing but a WeChat ID names someone.
  expect(preview.rows[4].quarantine).toBeNull();
});

test('imported: every row is a record with its WeChat ID and status', async () => {
  const run = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  expect(run.totals).toMatchObject({ imported: 6, quarantined: 0 });
  for (const r of await records({})) byName.set(r.name ?? r.wechat ?? '', r);
  expect(byName.get('陳大文')).toMatchObject({ wechat: 'CHENDAWEN_88', status: { wechat: 'valid' } });
  expect(byName.get('赵强')).toMatchObject({ wechat: null, status: { wechat: 'missing' } });
  expect(byName.get('wxid_k2j4h5g6f7d8s9')).toMatchObject({ name: null, status: { wechat: 'valid' } });
});

test('a WeChat fragment finds the records holding it, in any case; invalid values are searchable too', async () => {
  const ids = async (query: string) => (await records({ query })).map((r) => r.id).sort((a, b) => a - b);
  const dawen = [byName.get('陈大文')!.id, byName.get('陳大文')!.id].sort((a, b) => a - b);
  expect(await ids('dawen_8')).toEqual(dawen);
  expect(await ids('DaWen')).toEqual(dawen);
  expect(await ids('k2j4h5')).toEqual([byName.get('wxid_k2j4h5g6f7d8s9')!.id]);
  expect(await ids('张三的')).toEqual([byName.get('李娜')!.id]);
});

test('filtered by the WeChat ID’s status', async () => {
  const names = async (status: string) =>
    (await records({ filter: { status: { wechat: status } } })).map((r) => r.name ?? r.wechat).sort();
  expect(await names('invalid')).toEqual(['李娜']);
  expect(await names('missing')).toEqual(['赵强']);
  expect(await names('valid')).toEqual(['王芳', 'wxid_k2j4h5g6f7d8s9', '陈大文', '陳大文'].sort());
});

test('a duplicate by its WeChat ID; a merge takes the chosen ID and unmerge puts every field back', async () => {
  const run = unwrap(await v.engine.call('duplicates.run', {}));
  expect(run.found).toBe(1);
  const [cluster] = unwrap(await v.engine.call('duplicates.clusters', { status: 'pending' })).clusters;
  const a = byName.get('陈大文')!;
  const b = byName.get('陳大文')!;
  expect(cluster.members.map((m) => m.id)).toEqual([a.id, b.id]);
  expect(cluster.explanation.matched).toEqual(['wechat', 'name']);
  expect(cluster.explanation.links[0].fields).toContainEqual({
    field: 'wechat',
    kind: 'exact',
    similarity: 1,
    points: 30,
  });
  // Side by side in the review: each member's own spelling.
  expect(cluster.members.map((m) => [m.values.wechat, m.status.wechat])).toEqual([
    ['chendawen_88', 'valid'],
    ['CHENDAWEN_88', 'valid'],
  ]);

  const before = unwrap(await v.engine.call('records.get', { id: b.id })).record;
  const merged = unwrap(
    await v.engine.call('duplicates.merge', {
      clusterId: cluster.id,
      survivorId: b.id,
      chosen: { wechat: a.id, phone: a.id },
    }),
  );
  const survivor = unwrap(await v.engine.call('records.get', { id: b.id })).record;
  expect(survivor).toMatchObject({ wechat: 'chendawen_88', phone: '+8613812345678', name: '陳大文' });
  // The record merged away leaves the search; the survivor is found by its new WeChat ID's case too.
  expect((await records({ query: 'chendawen' })).map((r) => r.id)).toEqual([b.id]);

  unwrap(await v.engine.call('duplicates.unmerge', { mergeId: merged.mergeId }));
  const after = unwrap(await v.engine.call('records.get', { id: b.id })).record;
  expect(after).toEqual({ ...before, cluster: after.cluster });
  expect(after.wechat).toBe('CHENDAWEN_88');
  expect((await records({ query: 'chendawen' })).map((r) => r.id).sort((x, y) => x - y)).toEqual(
    [a.id, b.id].sort((x, y) => x - y),
  );
});

describe('exports and the CLI', () => {
  const exportTo = async (name: string, input: Record<string, unknown>) =>
    unwrap(await v.engine.call('records.export', { ...input, file: { path: join(v.dir, name) } } as never))
      .path;

  test('CSV (both header languages) has the WeChat ID and its status beside the e-mail', async () => {
    for (const [headers, id, status] of [
      ['en', 'WeChat ID', 'WeChat ID status'],
      ['zh-CN', '微信号', '微信号状态'],
    ] as const) {
      const path = await exportTo(`wechat-${headers}.csv`, { format: 'csv', headers });
      const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').slice(1), {
        header: true,
        skipEmptyLines: true,
      });
      const fields = parsed.meta.fields!;
      expect(fields.indexOf(id)).toBe(fields.indexOf(status) - 1);
      const lina = parsed.data.find((r) => r[id] === '张三的微信')!;
      expect(lina[status]).toBe('invalid');
      expect(
        parsed.data
          .map((r) => r[id])
          .filter(Boolean)
          .sort(),
      ).toEqual(['13900139000', 'CHENDAWEN_88', 'chendawen_88', 'wxid_k2j4h5g6f7d8s9', '张三的微信'].sort());
    }
  });

  test('XLSX and JSON carry it too', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportTo('wechat.xlsx', { format: 'xlsx' }));
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('WeChat ID') + 1;
    expect(column).toBeGreaterThan(0);
    const values = Array.from(
      { length: sheet.rowCount - 1 },
      (_, i) => sheet.getRow(i + 2).getCell(column).value,
    );
    expect(values).toContain('wxid_k2j4h5g6f7d8s9');

    const json = JSON.parse(
      readFileSync(await exportTo('wechat.json', { format: 'json' }), 'utf8'),
    ) as CustomerRecord[];
    expect(json.find((r) => r.name === '王芳')).toMatchObject({
      wechat: '13900139000',
      status: { wechat: 'valid' },
    });
  });

  test('closeout records --format json prints wechat and status.wechat', async () => {
    await v.engine.call('vault.lock', {});
    const res = runCli(
      ['records', v.file, '--format', 'json', '--filter', '{"status":{"wechat":"valid"}}'],
      cliEnv(v.dataDir, { CLOSEOUT_PASSPHRASE: OWNER_PASS }),
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const printed = JSON.parse(res.stdout) as CustomerRecord[];
    expect(printed.map((r) => [r.wechat, r.status.wechat])).toEqual(
      expect.arrayContaining([
        ['chendawen_88', 'valid'],
        ['13900139000', 'valid'],
        ['wxid_k2j4h5g6f7d8s9', 'valid'],
      ]),
    );
    expect(printed.every((r) => r.status.wechat === 'valid')).toBe(true);
  });
});
