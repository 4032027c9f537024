// The requests register as a script drives it: add → {requestId}, list, fulfil into a folder, close;
// a bad kind is one error line and exit 2, a request that does not exist one error line and a non-zero exit.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';
import { opensslCmsVerify } from '../support/openssl';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};

beforeAll(() => {
  dir = tempDir('closeout-rcli-');
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
afterAll(() => dir.remove());

test('add, list, fulfil and close a request', () => {
  const added = json([
    'request',
    'add',
    vault,
    '--kind',
    'access',
    '--record',
    '3',
    '--received',
    '2026-09-21',
    '--identity',
    'id-document-seen',
  ]);
  expect(added).toMatchObject({ ref: 'R-0001', recordId: 3, status: 'open', due: { date: '2026-10-19' } });
  expect(added.requestId).toBe(added.id);
  expect(json(['request', 'list', vault]).map((r: { id: string }) => r.id)).toEqual([added.id]);
  const out = join(dir.path, 'answer');
  mkdirSync(out);
  const done = json(['request', 'fulfil', vault, 'R-0001', '--out', out]);
  expect(done.fulfilment.action).toBe('exported');
  expect(readdirSync(out).sort()).toEqual([...done.fulfilment.files].sort());
  // The letter is signed with the owner's certified key: openssl accepts it against the company CA.
  const letter = done.fulfilment.files.find((f: string) => f.endsWith('-letter.pdf'));
  expect(done.fulfilment.files).toContain(`${letter}.p7s`);
  const audit = join(dir.path, 'audit');
  expect(runCli(['audit', 'export', vault, '--out', audit], env).status).toBe(0);
  const company = join(
    audit,
    readdirSync(audit).find((n) => n.endsWith('.certificate.pem'))!,
  );
  const verified = opensslCmsVerify({
    content: join(out, letter),
    signature: join(out, `${letter}.p7s`),
    certificate: company,
  });
  expect({ status: verified.status, stderr: verified.stderr.trim() }).toEqual({
    status: 0,
    stderr: 'CMS Verification successful',
  });
  expect(json(['request', 'close', vault, 'R-0001', '--outcome', 'granted'])).toMatchObject({
    status: 'closed',
    outcome: 'granted',
  });
  expect(json(['request', 'list', vault, '--open'])).toEqual([]);
});

test('a bad kind and an unknown request: one error line each, non-zero exit', () => {
  const bad = runCli(['request', 'add', vault, '--kind', 'erase'], env);
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toContain('--kind');
  const unknown = runCli(['request', 'close', vault, 'R-0042', '--outcome', 'granted'], env);
  expect(unknown.status).not.toBe(0);
  expect(unknown.stderr).toContain('REQUEST_NOT_FOUND');
});

test('a CCPA request: its receipt to confirm within 10 business days, confirmed once', () => {
  const added = json([
    'request',
    'add',
    vault,
    '--kind',
    'delete',
    '--regime',
    'ccpa',
    '--received',
    '2026-11-20',
  ]);
  expect(added.acknowledgement).toMatchObject({ due: '2026-12-08', on: null });
  const done = json(['request', 'acknowledge', vault, added.ref, '--on', '2026-11-23']);
  expect(done.acknowledgement).toEqual({ due: '2026-12-08', on: '2026-11-23', daysLeft: null });
  const again = runCli(['request', 'acknowledge', vault, added.ref], env);
  expect(again.status).not.toBe(0);
  expect(again.stderr).toContain('REQUEST_ACKNOWLEDGED');
  const pipl = json(['request', 'add', vault, '--kind', 'access', '--received', '2026-11-20']);
  expect(pipl.acknowledgement).toBeNull();
});
