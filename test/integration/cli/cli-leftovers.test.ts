// The CLI leaves no plaintext behind however it is stopped: `closeout records` to standard output piped
// into `head -1`, or killed part-way with SIGINT, SIGTERM, SIGHUP or SIGPIPE, leaves nothing in the
// temporary folder (TMPDIR points at a folder of the test's own, listed afterwards); an export to --out
// killed part-way leaves no temporary file beside its target. And no secret is taken from --input.
// The built command in child processes, on a real vault with enough records to be stopped mid-export.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { withRawVault } from '../core/backup/backup-support';
import { cliEnv, ROOT, runCli, tempDir } from '../helpers';
import { insertCustomers } from '../support/records-fixture';
import { OWNER_PASS, makeVault, type VaultFixture } from '../support/vault-fixture';

jest.setTimeout(180_000); // a loaded 2-core machine: exports of tens of thousands of records

const RECORDS = 40_000;
const CLI = join(ROOT, 'bin', 'closeout.js');

let v: VaultFixture;
let tmp: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  v = await makeVault();
  await withRawVault(v, (db) => insertCustomers(db, generateCustomers(20261206, RECORDS)));
  await v.engine.close();
}, 300_000);
afterAll(async () => {
  await v.remove();
});
beforeEach(() => {
  tmp = tempDir('closeout-cli-tmp-');
  env = cliEnv(v.dataDir, { TMPDIR: tmp.path, CLOSEOUT_PASSPHRASE: OWNER_PASS });
});
afterEach(() => tmp.remove());

/** Everything under a folder, as relative paths (hidden temp files included). */
function everything(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Waits until `ready()` holds (polling the file system), or fails after `ms`. */
async function until(ready: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A partial export being written: a temp file of the export's own (`.<name>.<hex>.tmp`). */
const partialIn = (dir: string) => () => everything(dir).some((f) => /\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(f));

async function killMidExport(args: string[], signal: NodeJS.Signals, watch: string) {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  await until(partialIn(watch), 120_000, 'the export to start writing');
  child.kill(signal);
  const result = await exited;
  return { ...result, stderr };
}

describe('closeout records to standard output leaves nothing in the temporary folder', () => {
  it('piped into head -1: the first line arrives, the command stops quietly, nothing is left', () => {
    const res = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" records "${v.file}" --format csv | head -1`],
      { env, encoding: 'utf8', timeout: 170_000 },
    );
    expect(res.stdout.replace(/^\uFEFF/, '').split(',')[0]).toBe('id');
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    // Stopped by the closed pipe (128 + SIGPIPE), without an error line.
    expect(res.status).toBe(141);
    expect(res.stderr).toBe('');
    expect(everything(tmp.path)).toEqual([]);
  });

  it.each<NodeJS.Signals>(['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGPIPE'])(
    'killed with %s while the export is being written: nothing is left',
    async (signal) => {
      const res = await killMidExport(['records', v.file, '--format', 'csv'], signal, tmp.path);
      // It stopped because of the signal, not because it had finished.
      expect(res).not.toMatchObject({ code: 0 });
      expect(everything(tmp.path)).toEqual([]);
    },
  );
});

describe('closeout records --out killed part-way', () => {
  it.each<NodeJS.Signals>(['SIGTERM', 'SIGHUP'])(
    '%s: no temporary file is left beside the target, and no target appears',
    async (signal) => {
      const out = join(tmp.path, 'out');
      mkdirSync(out);
      const res = await killMidExport(
        ['records', v.file, '--format', 'csv', '--out', join(out, 'records.csv')],
        signal,
        out,
      );
      expect(res).not.toMatchObject({ code: 0 });
      expect(everything(out)).toEqual([]);
    },
  );
});

describe('secrets are never taken from --input', () => {
  it.each([
    [
      'a passphrase',
      'passphrase',
      '{"vault":{"path":"x.cvault"},"passphrase":"hunter2-secret"}',
      'vault unlock',
    ],
    [
      'a recovery key',
      'recoveryKey',
      '{"vault":{"path":"x.cvault"},"recoveryKey":"hunter2-secret"}',
      'vault unlock',
    ],
    [
      'a password anywhere',
      'a.adminPassword',
      '{"job":"job-12345678","a":{"adminPassword":"hunter2-secret"}}',
      'job cancel',
    ],
  ])(
    '%s: refused (exit 2) naming the files to use instead, before anything runs',
    (_what, field, json, command) => {
      const res = runCli([...command.split(' '), '--input', json], cliEnv(tmp.path));
      expect(res.status).toBe(2);
      expect(res.stdout).toBe('');
      const lines = res.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^closeout: SECRET_IN_INPUT: /);
      expect(lines[0]).toContain(field);
      expect(lines[0]).toContain('--passphrase-file');
      expect(lines[0]).toContain('--recovery-key-file');
      expect(res.stderr).not.toContain('hunter2');
      const zh = runCli([...command.split(' '), '--input', json], cliEnv(tmp.path, { LANG: 'zh_CN.UTF-8' }));
      expect(zh.stderr).toMatch(/^closeout: SECRET_IN_INPUT: .*--passphrase-file/);
    },
  );
});
