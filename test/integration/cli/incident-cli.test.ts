// The incident register and the drill log as a script drives them: `incident add` → {incidentId} with the
// affected set computed from a lost backup, `incident list`, `incident notice` writing the zh/en draft
// and recording it sent, `drill log` / `drill list`; bad input is one error line and a non-zero exit.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let disk: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};

beforeAll(() => {
  dir = tempDir('closeout-icli-');
  disk = tempDir('closeout-icli-disk-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  vault = join(dir.path, 'acme.cvault');
  expect(
    runCli(['vault', 'create', vault, '--client', '深圳示例科技有限公司', '--owner', 'boss'], env).status,
  ).toBe(0);
  const csv = join(dir.path, 'customers.csv');
  writeFileSync(
    csv,
    encodeCsv(
      [...generateCustomers(5, 20)].map((c) => c.row),
      { header: 'zh' },
    ),
  );
  expect(runCli(['import', vault, csv], env).status).toBe(0);
});
afterAll(() => {
  dir.remove();
  disk.remove();
});

test('add a lost backup, list, write a notice draft and record it sent', () => {
  const backup = json(['backup', 'create', vault, '--to', disk.path]);
  const discovered = new Date(Date.now() - 3_600_000).toISOString();
  const added = json([
    'incident',
    'add',
    vault,
    '--kind',
    'lost-backup',
    '--description',
    'Backup disk lost in transit',
    '--discovered',
    discovered,
    '--backup',
    backup.backupId,
    '--regime',
    'pipl',
    '--regime',
    'gdpr',
  ]);
  expect(added).toMatchObject({
    ref: 'I-0001',
    status: 'open',
    regimes: ['pipl', 'gdpr'],
    affected: { basis: 'backup-manifest', records: 20, encrypted: true },
  });
  expect(added.incidentId).toBe(added.id);
  expect(json(['incident', 'list', vault]).map((e: { id: string }) => e.id)).toEqual([added.id]);

  const out = join(dir.path, 'notices');
  mkdirSync(out);
  const drafted = json([
    'incident',
    'notice',
    vault,
    'I-0001',
    '--regime',
    'gdpr',
    '--to',
    'authority',
    '--out',
    out,
  ]);
  expect(readdirSync(out)).toEqual(['I-0001-gdpr-authority-draft.pdf']);
  expect(drafted.notices[0]).toMatchObject({ files: ['I-0001-gdpr-authority-draft.pdf'], sentAt: null });
  const sent = json([
    'incident',
    'notice',
    vault,
    'I-0001',
    '--regime',
    'gdpr',
    '--to',
    'authority',
    '--sent',
    new Date().toISOString(),
  ]);
  expect(
    sent.timers.find(
      (t: { regime: string; audience: string }) => t.regime === 'gdpr' && t.audience === 'authority',
    ).state,
  ).toBe('sent');
  const human = runCli(['incident', 'list', vault], { ...env, CLOSEOUT_LANG: 'en' });
  expect(human.status).toBe(0);
  expect(human.stdout).toContain('I-0001');
  expect(human.stdout).toContain('gdpr:authority sent');
});

test('log and list drills', () => {
  const drill = json([
    'drill',
    'log',
    vault,
    '--date',
    '2026-06-01',
    '--kind',
    'wrong-recipient',
    '--scenario',
    'Package sent to the wrong company',
    '--participant',
    '张会计',
    '--participant',
    'IT',
    '--findings',
    'Contact list checked twice from now on',
  ]);
  expect(drill).toMatchObject({ heldOn: '2026-06-01', participants: ['张会计', 'IT'] });
  expect(json(['drill', 'list', vault]).map((d: { id: string }) => d.id)).toEqual([drill.id]);
});

test('a bad kind, two sources and an unknown incident: one error line each, non-zero exit', () => {
  const bad = runCli(['incident', 'add', vault, '--kind', 'flood', '--description', 'x'], env);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toContain('--kind');
  const two = runCli(
    ['incident', 'add', vault, '--kind', 'other', '--description', 'x', '--whole-vault', '--records', '3'],
    env,
  );
  expect(two.status).toBe(2);
  expect(two.stderr.trim().split('\n')).toHaveLength(1);
  const unknown = runCli(
    [
      'incident',
      'notice',
      vault,
      'I-0042',
      '--regime',
      'pipl',
      '--to',
      'authority',
      '--sent',
      new Date().toISOString(),
    ],
    env,
  );
  expect(unknown.status).not.toBe(0);
  expect(unknown.stderr).toContain('INCIDENT_NOT_FOUND');
  expect(json(['incident', 'list', vault])).toHaveLength(1);
});
