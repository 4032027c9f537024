// kill -9 during a rekey, 20 times — at points spread over its whole length, and right after the atomic
// swap: the next open always finds the old vault or the new one, never neither — it opens with the
// owner's passphrase, no temp file is left, the keyring is settled, and every check passes.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { readKeyring } from '../../../../electron/core/vault/keyring';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { ROOT } from '../../helpers';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let child: string;
beforeAll(async () => {
  v = await makeVault();
  await v.engine.call('vault.lock', {});
  // Some bulk, so the copy takes long enough to be interrupted in the middle of it.
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  db.exec('CREATE TABLE bulk_probe (n INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bulk_probe (payload) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 100_000; i++) insert.run(`${i}`.padEnd(200, 'x'));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  child = join(v.dir, 'rekey-child.js');
  buildSync({
    entryPoints: [join(ROOT, 'test/integration/support/rekey-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit', 'fontkit'],
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
}, 120_000);
afterAll(() => v.remove());

/** Runs a rotation; kills it `afterMs` after it unlocked (null: lets it finish). Returns ms it ran. */
function rotate(afterMs: number | null, killAfterRename = false): Promise<{ ms: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, v.file, v.dataDir, OWNER_PASS], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_PATH: join(ROOT, 'node_modules'),
        REKEY_KILL_AFTER_RENAME: killAfterRename ? '1' : '0',
      },
    });
    let out = '';
    let err = '';
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (!started && out.includes('unlocked')) {
        started = Date.now();
        if (afterMs !== null) timer = setTimeout(() => proc.kill('SIGKILL'), afterMs);
      }
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`rekey child exited ${code}: ${err}`));
      resolve({ ms: Date.now() - (started || Date.now()), finished: out.includes('generation') });
    });
  });
}

it('survives 20 kills at points spread over a rekey', async () => {
  const full = await rotate(null); // how long one rotation takes here
  expect(full.finished).toBe(true);
  let generation = readKeyring(v.file).generation;
  const outcomes = { old: 0, new: 0 };
  for (let trial = 0; trial < 20; trial++) {
    // 15 kills spread over the whole rotation (keyring, copy, recording, swap), and 5 the instant after
    // the swap, before the keyring caught up: the two ends of "old or new".
    if (trial % 4 === 3) await rotate(null, true);
    else await rotate(Math.round((full.ms * (trial + 0.5)) / 20));
    unwrap(
      await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        userName: 'owner',
        passphrase: OWNER_PASS,
      }),
    );
    const keyring = readKeyring(v.file);
    expect(keyring.pending).toBeNull();
    expect([generation, generation + 1]).toContain(keyring.generation);
    outcomes[keyring.generation === generation ? 'old' : 'new']++;
    generation = keyring.generation;
    expect(readdirSync(v.dir).filter((n) => n.endsWith('.rekey') || n.includes('.rekey-'))).toEqual([]);
    const check = unwrap(await v.engine.call('vault.check', {}));
    expect(check.pageCheck).toEqual(['ok']);
    expect(check.audit.problems).toEqual([]);
    await v.engine.call('vault.lock', {});
  }
  // Both ends were reached: kills before the swap left the old vault, later ones the new.
  expect(outcomes.old).toBeGreaterThan(0);
  expect(outcomes.new).toBeGreaterThan(0);
}, 600_000);
