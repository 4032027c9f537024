// Anonymised analytics as a script drives it, on a real vault: the table of counts (the count last, no
// published number below k, the counts those of `closeout stats`), objectors left out by default, every
// export audited without values, the k-anonymous extract with its notice, and the refusal that writes
// nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(180_000);

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};

/** A CSV Closeout wrote (BOM, CRLF, no quoted commas in these values) as rows of cells. */
const rowsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

beforeAll(() => {
  dir = tempDir('closeout-acli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  vault = join(dir.path, 'acme.cvault');
  expect(runCli(['vault', 'create', vault, '--client', '示例商行', '--owner', 'boss'], env).status).toBe(0);
  const csv = join(dir.path, 'customers.csv');
  writeFileSync(
    csv,
    encodeCsv(
      [...generateCustomers(16, 400)].map((c) => c.row),
      { header: 'zh' },
    ),
  );
  expect(runCli(['import', vault, csv], env).status).toBe(0);
});
afterAll(() => dir.remove());

test('a table by type and province: the count last, nothing below k, the totals those of stats', () => {
  const out = join(dir.path, 'counts.csv');
  const done = json(['analytics', vault, '--by', 'type,province', '--k', '5', '--out', out]);
  expect(done).toMatchObject({ path: out, format: 'csv' });
  const [header, ...rows] = rowsOf(out);
  expect(header).toEqual(['customer type', 'province or country', 'count']);
  expect(rows.length).toBe(done.cells);
  for (const row of rows) {
    const count = row.at(-1)!;
    if (count === 'suppressed') continue;
    expect(Number(count)).toBeGreaterThanOrEqual(5);
  }
  expect(rows.filter((r) => r.at(-1) === 'suppressed')).toHaveLength(done.suppressed);

  // The same table as PDF (both languages) and XLSX: the suppressed cells marked, no count below k.
  const pdf = join(dir.path, 'counts.pdf');
  json(['analytics', vault, '--by', 'type,province', '--out', pdf]);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  expect(text).toContain('已抑制 / suppressed');
  expect(text).toContain('Anonymised counts');
  const xlsx = json(['analytics', vault, '--by', 'type,province', '--out', join(dir.path, 'counts.xlsx')]);
  expect(xlsx).toMatchObject({ format: 'xlsx', cells: done.cells, suppressed: done.suppressed });

  // By type alone, k = 2: every type with two or more customers is published as stats counts it.
  const byType = join(dir.path, 'types.csv');
  json(['analytics', vault, '--by', 'type', '--k', '2', '--out', byType]);
  const stats = json(['stats', vault]);
  for (const [type, count] of rowsOf(byType).slice(1))
    if (count !== 'suppressed') expect(Number(count)).toBe(stats.type[type]);
});

test('customers who objected are left out unless asked; each export audited with fields, k and counts', () => {
  json(['request', 'add', vault, '--kind', 'object', '--record', '7']);
  const count = (file: string) =>
    rowsOf(file)
      .slice(1)
      .reduce((n, r) => n + Number(r.at(-1)), 0);
  const without = join(dir.path, 'without.csv');
  const withThem = join(dir.path, 'with.csv');
  json(['analytics', vault, '--by', 'disposition', '--k', '2', '--out', without]);
  json(['analytics', vault, '--by', 'disposition', '--k', '2', '--include-objected', '--out', withThem]);
  expect(count(withThem) - count(without)).toBe(1);

  const entries = json(['audit', 'list', vault]) as Array<{ op: string; params: unknown; counts: unknown }>;
  const exports = entries.filter((e) => e.op === 'analytics.export');
  expect(exports.length).toBeGreaterThanOrEqual(4);
  expect(exports).toContainEqual(
    expect.objectContaining({
      params: expect.objectContaining({ by: ['disposition'], k: 2, excludeObjected: false, format: 'csv' }),
      counts: { cells: expect.any(Number), suppressed: expect.any(Number) },
    }),
  );
});

test('the extract: no class below k, a notice that it is still personal data; refused when k cannot be met', () => {
  const out = join(dir.path, 'extract.csv');
  const done = json(['analytics', 'extract', vault, '--fields', 'type,province,age,spend', '--out', out]);
  const [header, ...rows] = rowsOf(out);
  expect(header).toEqual(['customer type', 'province or country', 'age band', 'spend band']);
  expect(rows).toHaveLength(done.records);
  const classes = new Map<string, number>();
  for (const r of rows) classes.set(r.join(','), (classes.get(r.join(',')) ?? 0) + 1);
  expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
  expect(classes.size).toBe(done.classes);
  const notice = readFileSync(done.readme, 'utf8');
  expect(notice).toContain('仍属个人信息');
  expect(notice).toContain('still personal data');

  const refused = join(dir.path, 'refused.csv');
  const res = runCli(
    ['analytics', 'extract', vault, '--fields', 'type', '--k', '1000', '--out', refused],
    env,
  );
  expect(res.status).not.toBe(0);
  expect(res.stderr).toContain('ANALYTICS_K_UNREACHABLE');
  expect(existsSync(refused)).toBe(false);
  expect(existsSync(`${refused}.README.txt`)).toBe(false);
});
