// The vault commands as an accountant's script runs them: passphrases from a file or the environment,
// JSON out, one error line and a non-zero exit on failure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, runCli, tempDir } from '../helpers';
import { opensslCmsVerify } from '../support/openssl';

const PASS = 'Script-owner-passphrase-7';
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let recoveryKey: string;

beforeAll(() => {
  dir = tempDir('closeout-vcli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  vault = join(dir.path, 'acme.cvault');
  const keyFile = join(dir.path, 'recovery.txt');
  const res = runCli(
    [
      'vault',
      'create',
      vault,
      '--client',
      '深圳示例科技有限公司',
      '--credit-code',
      '91350100M000100Y43',
      '--owner',
      'boss',
      '--recovery-key-out',
      keyFile,
      '--json',
    ],
    env,
  );
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  recoveryKey = readFileSync(keyFile, 'utf8').trim();
  expect(JSON.parse(res.stdout).recoveryKey).toBe(`(written to ${keyFile})`);
});
afterAll(() => dir.remove());

describe('closeout vault (CLI)', () => {
  it('prints vault info as JSON', () => {
    const res = runCli(['vault', 'info', vault, '--json'], env);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      clientName: '深圳示例科技有限公司',
      creditCode: '91350100M000100Y43',
      users: 1,
    });
  });

  it('reads the passphrase from --passphrase-file (one trailing newline ignored)', () => {
    const file = join(dir.path, 'pass.txt');
    writeFileSync(file, `${PASS}\n`);
    const res = runCli(['vault', 'info', vault, '--passphrase-file', file, '--json'], {
      ...env,
      CLOSEOUT_PASSPHRASE: '',
    });
    expect(res.status).toBe(0);
  });

  it('fails with one line when no passphrase is given, or a wrong one', () => {
    const none = runCli(['vault', 'info', vault], { ...env, CLOSEOUT_PASSPHRASE: '' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^closeout: PASSPHRASE_MISSING: /);
    const wrong = runCli(['vault', 'info', vault], { ...env, CLOSEOUT_PASSPHRASE: 'nope-nope-nope' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^closeout: WRONG_PASSPHRASE: /)]);
  });

  it('adds, lists and removes users; the new user opens the vault with their own passphrase', () => {
    const add = runCli(['vault', 'users', 'add', vault, '--name', 'clerk', '--role', 'operator'], {
      ...env,
      CLOSEOUT_NEW_PASSPHRASE: 'Clerk-passphrase-2026',
    });
    expect(add.stderr).toBe('');
    const list = JSON.parse(runCli(['vault', 'users', 'list', vault, '--json'], env).stdout);
    expect(list.map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual([
      'boss:owner',
      'clerk:operator',
    ]);
    const asClerk = runCli(['vault', 'info', vault, '--user', 'clerk', '--json'], {
      ...env,
      CLOSEOUT_PASSPHRASE: 'Clerk-passphrase-2026',
    });
    expect(JSON.parse(asClerk.stdout).session).toMatchObject({ userName: 'clerk', role: 'operator' });
    const refused = runCli(
      ['vault', 'users', 'add', vault, '--user', 'clerk', '--name', 'x', '--role', 'auditor'],
      {
        ...env,
        CLOSEOUT_PASSPHRASE: 'Clerk-passphrase-2026',
        CLOSEOUT_NEW_PASSPHRASE: 'Another-passphrase-9',
      },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^closeout: NOT_ALLOWED: /);
    // Removal re-encrypts the vault under a new key: the old recovery key is void, the new one is written.
    const newKeyFile = join(dir.path, 'recovery-after-removal.txt');
    const removed = runCli(
      ['vault', 'users', 'remove', vault, '--name', 'clerk', '--recovery-key-out', newKeyFile],
      env,
    );
    expect(removed.stderr).toBe('');
    expect(removed.status).toBe(0);
    const oldKeyFile = join(dir.path, 'recovery-before-removal.txt');
    writeFileSync(oldKeyFile, recoveryKey);
    const withOld = runCli(['vault', 'info', vault, '--recovery-key-file', oldKeyFile], {
      ...env,
      CLOSEOUT_PASSPHRASE: '',
    });
    expect(withOld.status).toBe(1);
    recoveryKey = readFileSync(newKeyFile, 'utf8').trim();
    expect(recoveryKey).not.toBe(readFileSync(oldKeyFile, 'utf8').trim());
  });

  it('checks the vault and verifies the audit chain; exports the audit log', () => {
    const check = runCli(['vault', 'check', vault, '--json'], env);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, pageCheck: ['ok'], integrityCheck: ['ok'] });
    const verify = runCli(['audit', 'verify', vault], env);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact: \d+ entries/);
    const out = join(dir.path, 'audit-out');
    const exp = runCli(['audit', 'export', vault, '--out', out, '--json'], env);
    expect(exp.status).toBe(0);
    const files: string[] = JSON.parse(exp.stdout).files;
    expect(files.map((f) => f.slice(f.lastIndexOf('.')))).toEqual([
      '.csv',
      '.json',
      '.p7s',
      '.pem',
      '.checkpoints',
    ]);
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(readFileSync(files[0], 'utf8').charCodeAt(0)).toBe(0xfeff);
    // A person can check the export and each checkpoint with Debian's openssl alone.
    const opensslVerify = (content: string, signature: string) =>
      opensslCmsVerify({ content, signature, certificate: files[3] });
    const whole = opensslVerify(files[1], files[2]);
    expect(whole.stderr).toContain('Verification successful');
    expect(whole.status).toBe(0);
    const checkpoint = join(files[4], 'checkpoint-000001');
    expect(opensslVerify(`${checkpoint}.txt`, `${checkpoint}.p7s`).status).toBe(0);
  });

  it('opens with the recovery key file and decodes the key for other SQLCipher clients', () => {
    const keyFile = join(dir.path, 'rk.txt');
    writeFileSync(keyFile, recoveryKey);
    const res = runCli(['vault', 'info', vault, '--recovery-key-file', keyFile, '--json'], {
      ...env,
      CLOSEOUT_PASSPHRASE: '',
    });
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout).session.viaRecoveryKey).toBe(true);
    const hex = runCli(['recovery-key', 'decode', '--file', keyFile], env);
    expect(hex.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the recovery sheet PDF and prints its path', () => {
    const pdf = join(dir.path, 'sheet.pdf');
    // The recovery key is kept nowhere: without it there is nothing to print.
    const without = runCli(['vault', 'recovery-key', vault, '--out', pdf], env);
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/^closeout: RECOVERY_KEY_NEEDED: /);
    expect(existsSync(pdf)).toBe(false);
    const keyFile = join(dir.path, 'rk-print.txt');
    writeFileSync(keyFile, recoveryKey);
    const res = runCli(['vault', 'recovery-key', vault, '--out', pdf, '--print-key-file', keyFile], env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the vault in the registry', () => {
    const list = JSON.parse(runCli(['vault', 'list', '--json'], env).stdout);
    expect(list).toEqual([
      expect.objectContaining({ path: vault, clientName: '深圳示例科技有限公司', present: true }),
    ]);
  });
});
