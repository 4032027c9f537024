// The compliance centre as an accountant's script drives it: the plan as JSON, the signed reports, the
// risk register, the evidence pack and its check (exit 3 naming the changed file), one error line and a
// non-zero exit for bad input.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let out: string;
let companyPem: string;

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};

beforeAll(() => {
  dir = tempDir('closeout-ccli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'vaults'));
  vault = join(dir.path, 'vaults', 'acme.cvault');
  out = join(dir.path, 'out');
  expect(
    runCli(['vault', 'create', vault, '--client', '深圳示例科技有限公司', '--owner', 'boss'], env).status,
  ).toBe(0);
  const csv = join(dir.path, 'customers.csv');
  writeFileSync(
    csv,
    encodeCsv(
      [...generateCustomers(3, 60)].map((c) => c.row),
      { header: 'zh' },
    ),
  );
  expect(runCli(['import', vault, csv], env).status).toBe(0);
  runCli(['audit', 'export', vault, '--out', join(dir.path, 'audit')], env);
  const audit = readdirSync(join(dir.path, 'audit')).find((n) => n.endsWith('.certificate.pem'))!;
  companyPem = join(dir.path, 'audit', audit);
});
afterAll(() => dir.remove());

describe('closeout plan / report / risk / evidence (CLI)', () => {
  it('plan --json lists every step with its state and blockers', () => {
    const plan = json(['plan', vault]);
    expect(plan.steps.map((s: { id: string }) => s.id)).toEqual([
      'intake',
      'classify',
      'dispositions',
      'backup',
      'notify',
      'handover',
      'wipe',
      'certify',
    ]);
    expect(plan.current).toBe('dispositions');
    const human = runCli(['plan', vault], { ...env, CLOSEOUT_LANG: 'zh-CN' });
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('▶ 处置决定');
    expect(human.stdout).toContain('条记录没有处置决定');
  });

  it('report compliance, pipia and ropa write signed PDFs and JSON; a wrong regime is refused', () => {
    const report = json(['report', 'compliance', vault, '--out', out, '--regimes', 'pipl,iso27001']);
    expect(existsSync(report.pdf) && existsSync(report.json) && existsSync(report.signature)).toBe(true);
    expect(JSON.parse(readFileSync(report.json, 'utf8')).regimes).toEqual(['pipl', 'iso27001']);
    const pipia = json(['report', 'pipia', vault, '--out', out]);
    expect(pipia.pdf).toMatch(/closeout-pipia-v0-.*\.pdf$/);
    const ropa = json(['report', 'ropa', vault, '--out', out]);
    expect(readFileSync(ropa.csv, 'utf8')).toContain('import.run');
    const bad = runCli(['report', 'compliance', vault, '--out', out, '--regimes', 'pipl,hipaa'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^closeout: INVALID_INPUT: .*hipaa/);
  });

  it('risk add, list and update', () => {
    const added = json([
      'risk',
      'add',
      vault,
      '--title',
      '旧电脑未加密',
      '--likelihood',
      '4',
      '--impact',
      '4',
      '--category',
      'leakage',
    ]);
    expect(added).toMatchObject({ source: 'manual', score: 16, level: 'high' });
    const updated = json(['risk', 'update', vault, added.id, '--status', 'treating', '--owner', '王芳']);
    expect(updated).toMatchObject({ status: 'treating', owner: '王芳' });
    const list = json(['risk', 'list', vault]);
    expect(list.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([added.id, 'guide-leakage']),
    );
    const missing = runCli(['risk', 'update', vault, 'no-such-risk', '--status', 'closed'], env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/^closeout: RISK_NOT_FOUND: /);
    const wrong = runCli(['risk', 'update', vault, added.id, '--status', 'done'], env);
    expect(wrong.status).toBe(2);
  });

  it('evidence pack → {path}; evidence verify passes; one changed byte → exit 3 naming the file', () => {
    const pack = json(['evidence', 'pack', vault, '--out', out]);
    expect(pack.path).toMatch(/\.p7m$/);
    const verified = runCli(['evidence', 'verify', pack.path, '--company-cert', companyPem], env);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('✔ the evidence pack is sound');
    const bytes = readFileSync(pack.path);
    const at = bytes.indexOf(Buffer.from('"format": "closeout-ropa"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] ^= 0x01;
    const changed = join(dir.path, 'changed.p7m');
    writeFileSync(changed, bytes);
    const res = runCli(['evidence', 'verify', changed, '--company-cert', companyPem], env);
    expect(res.status).toBe(3);
    expect(res.stdout).toContain('✘ data/ropa/ropa.json: changed');
    const asJson = runCli(['evidence', 'verify', changed, '--json'], env);
    expect(asJson.status).toBe(3);
    expect(JSON.parse(asJson.stdout).problems).toContainEqual(
      expect.objectContaining({ file: 'data/ropa/ropa.json' }),
    );
    const absent = runCli(['evidence', 'verify', join(dir.path, 'nothing.p7m')], env);
    expect(absent.status).not.toBe(0);
    expect(absent.stderr).toMatch(/^closeout: FILE_UNREADABLE: /);
  });
});
