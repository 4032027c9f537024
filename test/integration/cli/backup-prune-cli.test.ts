// `closeout backup prune` and `backup drill --certificate-dir` as a script runs them: JSON out, the dry run
// changes nothing, the real run deletes the condemned copy's files, the certificate files appear.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-8';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let usb: string;
const backups: string[] = [];

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect({ args, stderr: res.stderr, status: res.status }).toEqual({ args, stderr: '', status: 0 });
  return JSON.parse(res.stdout);
};

beforeAll(() => {
  dir = tempDir('closeout-prune-cli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'vaults'));
  vault = join(dir.path, 'vaults', 'acme.cvault');
  usb = join(dir.path, 'usb');
  mkdirSync(usb);
  json(['vault', 'create', vault, '--client', '厦门示例贸易有限公司', '--owner', 'boss']);
  for (let i = 0; i < 2; i++) backups.push(json(['backup', 'create', vault, '--to', usb]).path);
});
afterAll(() => dir.remove());

it('prune --dry-run shows the plan and deletes nothing; the real run deletes the older copy', () => {
  const plan = json(['backup', 'prune', vault, '--keep-last', '1', '--dry-run']);
  expect(plan).toMatchObject({ dryRun: true, kept: 1, deleted: 0 });
  expect(plan.items.map((i: { action: string }) => i.action)).toEqual(['keep', 'delete']);
  expect(backups.every((b) => existsSync(b))).toBe(true);

  const done = json(['backup', 'prune', vault, '--keep-last', '1']);
  expect(done).toMatchObject({ dryRun: false, kept: 1, deleted: 1, absent: 0 });
  expect(existsSync(backups[1])).toBe(true);
  expect(readdirSync(usb).filter((f) => f.startsWith(backups[0].split('/').pop()!))).toEqual([]);
  const human = runCli(['backup', 'prune', vault, '--keep-last', '1', '--dry-run'], env);
  expect(human.status).toBe(0);
  expect(human.stdout).toMatch(/dry run: nothing changed|试运行/);
});

it('drill --certificate-dir writes the PDF, JSON and signature', () => {
  const certs = join(dir.path, 'certs');
  mkdirSync(certs);
  const r = json(['backup', 'drill', vault, backups[1], '--certificate-dir', certs]);
  expect(r.ok).toBe(true);
  expect(readdirSync(certs).sort()).toEqual(
    [r.certificate.json, r.certificate.signature, r.certificate.pdf]
      .map((p: string) => p.split('/').pop())
      .sort(),
  );
});
