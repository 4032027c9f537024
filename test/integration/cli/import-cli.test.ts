// `closeout import` as a script runs it: the JSON documented in docs/CLI.md, per input rows read /
// imported / quarantined with reasons, the detected encoding and sheet; refusals as one error line with a
// non-zero exit and nothing imported.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CUSTOMER_FIELDS, customerRows } from '../../fixtures/customers';
import { CSV_HEADERS, csvRecord, encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, spawnCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Import-owner-passphrase-9';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let gbk: string;
let book: string;

beforeAll(async () => {
  dir = tempDir('closeout-icli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'in'));
  vault = join(dir.path, 'client.cvault');
  const res = runCli(
    [
      'vault',
      'create',
      vault,
      '--client',
      '杭州示例商贸有限公司',
      '--owner',
      'boss',
      '--recovery-key-out',
      join(dir.path, 'key.txt'),
    ],
    env,
  );
  expect(res.status).toBe(0);

  // 50 customers, then a row that names no one.
  const rows = [...customerRows(77, 50)];
  const text =
    [
      csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f])),
      ...rows.map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => r[f]))),
    ].join('\r\n') + '\r\n,,,,,,,,,,只有备注\r\n';
  gbk = join(dir.path, 'in', '客户.csv');
  writeFileSync(gbk, iconv.encode(text, 'gb18030'));

  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '本工作簿由系统导出';
  const ws = wb.addWorksheet('会员');
  ws.getRow(1).values = ['会员列表'];
  ws.getRow(2).values = ['姓名', '手机号', '邮箱'];
  ws.getRow(3).values = ['王小明', '13800138000', 'wxm@example.com'];
  ws.getRow(4).values = ['李丽', '+852 9123 4567', ''];
  book = join(dir.path, 'in', 'members.xlsx');
  await wb.xlsx.writeFile(book);
});
afterAll(() => dir.remove());

describe('closeout import (CLI)', () => {
  it('imports several files in one call and prints the documented JSON', () => {
    const res = runCli(['import', vault, gbk, book, '--sheet', '会员', '--json'], env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.inputs).toHaveLength(2);
    expect(out.inputs[0]).toMatchObject({
      file: '客户.csv',
      format: 'csv',
      encoding: 'gb18030',
      sheet: null,
      rowsRead: 51,
      imported: 50,
      quarantined: 1,
      quarantine: [{ file: '客户.csv', sheet: null, row: 52, kind: 'no-identifying-field' }],
    });
    expect(out.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.inputs[1]).toMatchObject({
      file: 'members.xlsx',
      format: 'xlsx',
      sheet: '会员',
      headerRow: 2,
      rowsRead: 2,
      imported: 2,
      quarantined: 0,
      mapping: { 姓名: 'name', 手机号: 'phone', 邮箱: 'email' },
    });
    expect(out.totals).toEqual({ rowsRead: 53, imported: 52, quarantined: 1, blankRows: 0 });
    expect(out.mappingSaved).toBeNull();
  });

  it('refuses the same file again with one error line, exit 1, nothing imported', () => {
    const res = runCli(['import', vault, gbk, '--json'], env);
    expect(res.status).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('IMPORT_SAME_SOURCE');
    const sources = JSON.parse(runCli(['import', 'sources', vault, '--json'], env).stdout);
    expect(sources).toHaveLength(2);
  });

  it('takes a mapping file and saves it as a template', () => {
    const file = join(dir.path, 'in', 'utf8.csv');
    writeFileSync(file, encodeCsv(customerRows(78, 10), { header: 'en' }));
    const mapping = join(dir.path, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ Notes: 'skip', 'Customer Name': 'name' }));
    const res = runCli(
      ['import', vault, file, '--mapping', mapping, '--save-mapping', 'english export', '--json'],
      env,
    );
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout);
    expect(out.inputs[0]).toMatchObject({ encoding: 'utf-8', imported: 10 });
    expect(out.inputs[0].mapping).toMatchObject({ Notes: 'skip', 'Customer Name': 'name', Phone: 'phone' });
    expect(out.mappingSaved).toBe('english export');
    const list = JSON.parse(runCli(['mappings', 'list', vault, '--json'], env).stdout);
    expect(list.map((t: { name: string }) => t.name)).toEqual(['@last', 'english export']);
    // The same operation under its own name (`import.mappings`), as the generic command.
    expect(JSON.parse(runCli(['import', 'mappings', vault, '--json'], env).stdout)).toEqual(list);
  });

  it('Ctrl+C cancels an import cleanly: exit 130, CANCELLED, nothing of the file imported', async () => {
    const big = join(dir.path, 'in', 'big.csv');
    writeFileSync(big, encodeCsv(customerRows(80, 150_000), { header: 'en' }));
    const child = spawnCli(['import', vault, big], { ...env, CLOSEOUT_PROGRESS: '1' });
    let stderr = '';
    // Interrupt once the import reports rows, so this is the job's own clean cancellation.
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('progress: importing')) resolve();
      }),
    );
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/closeout: CANCELLED: /);
    const sources = JSON.parse(runCli(['import', 'sources', vault, '--json'], env).stdout);
    expect(sources.map((s: { name: string }) => s.name)).not.toContain('big.csv');
  });

  it('names the file and the reason when a file cannot be read, and imports none of the call', () => {
    const bad = join(dir.path, 'in', 'archive.csv');
    writeFileSync(bad, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(512, 1)]));
    const ok = join(dir.path, 'in', 'ok.csv');
    writeFileSync(ok, '姓名,电话\n赵六,13700137000\n');
    const res = runCli(['import', vault, ok, bad, '--json'], env);
    expect(res.status).not.toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('archive.csv');
    const sources = JSON.parse(runCli(['import', 'sources', vault, '--json'], env).stdout);
    expect(sources.map((s: { name: string }) => s.name)).not.toContain('ok.csv');
  });

  it('prints a human summary without --json', () => {
    const file = join(dir.path, 'in', 'people.csv');
    writeFileSync(file, '姓名,电话\n钱七,13600136000\n,\n无名,\n');
    const res = runCli(['import', vault, file], { ...env, LANG: 'zh_CN.UTF-8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('people.csv');
    expect(res.stdout).toMatch(/导入 2/);
  });
});
