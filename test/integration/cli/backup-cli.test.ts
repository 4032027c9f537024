// The backup commands as an accountant's script runs them: JSON out, exit 3 when a backup is not sound,
// one error line and a non-zero exit when something is refused.
import { SCHEMA_VERSION } from '../../../electron/core/vault/migrations';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, runCli, tempDir } from '../helpers';

// Each CLI run starts node and some unlock with Argon2id: slow on a loaded 2-core machine.
jest.setTimeout(60_000);

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let keyFile: string;
let backups: string;
let backup: string;

beforeAll(() => {
  dir = tempDir('closeout-bcli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'vaults'));
  vault = join(dir.path, 'vaults', 'acme.cvault');
  keyFile = join(dir.path, 'recovery.txt');
  backups = join(dir.path, 'usb');
  mkdirSync(backups);
  const res = runCli(
    [
      'vault',
      'create',
      vault,
      '--client',
      '深圳示例科技有限公司',
      '--owner',
      'boss',
      '--recovery-key-out',
      keyFile,
    ],
    env,
  );
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
});
afterAll(() => dir.remove());

describe('closeout backup (CLI)', () => {
  it('creates a backup and lists it', () => {
    const res = runCli(['backup', 'create', vault, '--to', backups, '--json'], env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const created = JSON.parse(res.stdout);
    backup = created.path;
    expect(
      existsSync(backup) &&
        existsSync(`${backup}.manifest.json`) &&
        existsSync(`${backup}.manifest.json.p7s`),
    ).toBe(true);
    const list = runCli(['backup', 'list', vault, '--json'], env);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ id: created.backupId, path: backup, present: true }),
    ]);
  });

  it('refuses a destination inside the vault folder with one error line', () => {
    const res = runCli(['backup', 'create', vault, '--to', join(dir.path, 'vaults')], env);
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^closeout: BACKUP_DEST_INSIDE_VAULT: /),
    ]);
  });

  it('verifies with the recovery key (exit 0), asks for the key (or an unlocked vault) without one, exits 3 on a damaged copy', () => {
    const ok = runCli(['backup', 'verify', backup, '--recovery-key-file', keyFile, '--json'], env);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, signer: { pinnedTo: 'backup' } });

    const noKey = runCli(['backup', 'verify', backup], env);
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toMatch(/^closeout: UNLOCK_OR_RECOVERY_KEY: /);

    const damaged = join(dir.path, 'damaged');
    mkdirSync(damaged);
    const name = backup.split('/').pop() as string;
    for (const suffix of ['', '.manifest.json', '.manifest.json.p7s'])
      copyFileSync(`${backup}${suffix}`, join(damaged, `${name}${suffix}`));
    const bytes = readFileSync(join(damaged, name));
    bytes[bytes.length >> 1] ^= 0x20;
    writeFileSync(join(damaged, name), bytes);
    const bad = runCli(
      ['backup', 'verify', join(damaged, name), '--recovery-key-file', keyFile, '--json'],
      env,
    );
    expect(bad.status).toBe(3);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'sha256', ok: false })]),
    );
  });

  it('runs a restore drill and records it', () => {
    const res = runCli(['backup', 'drill', vault, backup, '--json'], env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).ok).toBe(true);
    const [row] = JSON.parse(runCli(['backup', 'list', vault, '--json'], env).stdout);
    expect(row.drills).toEqual([expect.objectContaining({ ok: true, by: 'boss' })]);
  });

  it('restores to a new file that opens with the recovery key; never over an existing file', () => {
    const to = join(dir.path, 'restored.cvault');
    const res = runCli(
      ['backup', 'restore', backup, '--to', to, '--recovery-key-file', keyFile, '--json'],
      env,
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ path: to, keyring: 'recovery-only', registered: true });
    const info = runCli(['vault', 'info', to, '--recovery-key-file', keyFile, '--json'], env);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      clientName: '深圳示例科技有限公司',
      schemaVersion: SCHEMA_VERSION,
    });

    const again = runCli(['backup', 'restore', backup, '--to', to, '--recovery-key-file', keyFile], env);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^closeout: VAULT_EXISTS: /);
  });
});
