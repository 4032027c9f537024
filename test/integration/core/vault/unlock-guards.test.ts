// The unlock throttle is kept per vault id and beside the vault's real path, so a second process (the
// CLI) and a symlinked path share it; a hostile keyring's KDF parameters are refused before Argon2id
// allocates anything.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { cliEnv, runCli } from '../../helpers';
import { makeVault, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
  await v.engine.call('vault.lock', {});
});
afterAll(() => v.remove());

const wrong = (engine: ReturnType<typeof createEngine>, path: string) =>
  engine.call('vault.unlock', { vault: { path }, userName: 'owner', passphrase: 'Not-the-passphrase-1!' });

describe('unlock throttle', () => {
  it('is shared by a new process and by a symlink to the same vault', async () => {
    for (let i = 0; i < 3; i++)
      expect(await wrong(v.engine, v.file)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // The same process: the wait has begun.
    expect(await wrong(v.engine, v.file)).toMatchObject({ ok: false, error: { code: 'UNLOCK_THROTTLED' } });
    // Another engine (what a new process starts with: an empty memory) through a symlinked path.
    const link = join(v.dir, 'link.cvault');
    symlinkSync(v.file, link);
    symlinkSync(`${v.file}.keys`, `${link}.keys`);
    const other = createEngine({ dataDir: join(v.dir, 'other-data'), electronVersion: null });
    try {
      expect(await wrong(other, link)).toMatchObject({ ok: false, error: { code: 'UNLOCK_THROTTLED' } });
    } finally {
      await other.close();
    }
    // A real second process: the CLI. On a loaded machine its start can outlast the 2-second wait, so
    // either it is refused as throttled, or its wrong passphrase is counted on top of the others (a
    // process with a throttle of its own would count 1).
    const failures = () =>
      (
        JSON.parse(readFileSync(`${v.file}.keys.state`, 'utf8')) as {
          vaults: Record<string, { failures: number }>;
        }
      ).vaults[v.created.session.vaultId].failures;
    const before = failures();
    expect(before).toBeGreaterThanOrEqual(3);
    const pass = join(v.dir, 'wrong.txt');
    writeFileSync(pass, 'Not-the-passphrase-1!\n');
    const cli = runCli(
      ['vault', 'info', v.file, '--user', 'owner', '--passphrase-file', pass],
      cliEnv(join(v.dir, 'cli-data')),
    );
    expect(cli.status).not.toBe(0);
    if (/UNLOCK_THROTTLED/.test(cli.stderr)) expect(failures()).toBe(before);
    else {
      expect(cli.stderr).toMatch(/WRONG_PASSPHRASE/);
      expect(failures()).toBe(before + 1);
    }
  });
});

describe('hostile keyring', () => {
  const hostile: Array<[string, Record<string, unknown>]> = [
    ['4 GiB of memory', { memoryKiB: 4 * 1024 * 1024 }],
    ['1000 passes', { iterations: 1000 }],
    ['64 lanes', { parallelism: 64 }],
    ['a 4-byte salt', { salt: Buffer.alloc(4).toString('base64') }],
    ['a 1 KiB salt', { salt: Buffer.alloc(1024).toString('base64') }],
  ];
  it.each(hostile)('refuses %s before deriving anything', async (_what, change) => {
    const file = join(v.dir, `hostile-${Object.keys(change)[0]}.cvault`);
    writeFileSync(file, readFileSync(v.file));
    const keyring = JSON.parse(readFileSync(`${v.file}.keys`, 'utf8')) as {
      slots: Array<{ kdf: Record<string, unknown> }>;
    };
    keyring.slots[0].kdf = { ...keyring.slots[0].kdf, ...change };
    writeFileSync(`${file}.keys`, JSON.stringify(keyring));
    const engine = createEngine({ dataDir: join(v.dir, 'hostile-data'), electronVersion: null });
    try {
      const started = process.hrtime.bigint();
      const result = await engine.call('vault.unlock', {
        vault: { path: file },
        userName: 'owner',
        passphrase: 'anything at all 1!',
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(result).toMatchObject({ ok: false, error: { code: 'KEYRING_CORRUPT' } });
      expect(ms).toBeLessThan(1000); // no Argon2id run at all, let alone with gigabytes
    } finally {
      await engine.close();
    }
  });
});
