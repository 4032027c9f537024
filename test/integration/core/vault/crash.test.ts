// kill -9 in the middle of a large write transaction, 20 times: the vault always opens, passes its
// checks, and holds exactly the transactions that committed — never half of one.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { ROOT } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let writer: string;
beforeAll(async () => {
  v = await makeVault();
  await v.engine.call('vault.lock', {});
  writer = join(v.dir, 'crash-writer.js');
  buildSync({
    entryPoints: [join(ROOT, 'test/integration/support/crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: writer,
    external: ['better-sqlite3-multiple-ciphers'],
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
});
afterAll(() => v.remove());

function runAndKill(keyHex: string, afterMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, v.file, keyHex], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    // The kill lands at a different point of a later transaction each trial, once writing is under way.
    child.stdout.on('data', (chunk) => {
      out += chunk;
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited ${code}: ${err}`));
      const seen = out.trim().split('\n').filter(Boolean).map(Number);
      resolve(seen.length ? seen[seen.length - 1] : 0);
    });
  });
}

it('survives 20 kills in the middle of large write transactions', async () => {
  const key = recoveryVaultKey(v.created.recoveryKey);
  let lastSeen = 0;
  for (let trial = 0; trial < 20; trial++) {
    const reported = await runAndKill(key.toString('hex'), (trial * 137) % 400);
    lastSeen = Math.max(lastSeen, reported);

    const db = openVaultDatabase(v.file, key);
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      const batches = db
        .prepare('SELECT batch, count(*) AS rows FROM crash_probe GROUP BY batch ORDER BY batch')
        .all() as Array<{
        batch: number;
        rows: number;
      }>;
      // Every batch is whole, they are 1..m with no gap, and m is the last one reported or the one
      // whose COMMIT returned just before the kill (its line had not reached us yet).
      for (const [i, b] of batches.entries()) expect(b).toEqual({ batch: i + 1, rows: 2000 });
      const m = batches.length;
      expect([lastSeen, lastSeen + 1]).toContain(m);
      lastSeen = m;
    } finally {
      db.close();
    }
  }
  expect(lastSeen).toBeGreaterThan(0);
  // And the engine still opens it with its passphrase and finds it sound.
  unwrap(
    await v.engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: v.created.recoveryKey }),
  );
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
}, 180_000);
