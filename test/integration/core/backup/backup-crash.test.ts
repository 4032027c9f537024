// kill -9 while backups are being written (a child process making one backup after another): every
// `.cobackup` left behind verifies as complete, nothing else passes for a backup, and the live vault
// still opens and checks sound.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { bundleChild, ROOT, tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { fillScratch, keyOf, withRawVault } from './backup-support';

const TRIALS = 10;
let v: VaultFixture;
let child: string;
let dest: ReturnType<typeof tempDir>;
let verifier: EngineClient;

beforeAll(async () => {
  v = await makeVault();
  await withRawVault(v, (db) => fillScratch(db, 10_000));
  await v.engine.call('vault.lock', {});
  dest = tempDir('closeout-backup-crash-');
  child = join(v.dir, 'backup-crash-child.js');
  bundleChild(join(__dirname, 'backup-crash-child.ts'), child);
  verifier = createEngine({
    dataDir: join(dest.path, '..', `${dest.path.split('/').pop()}-verifier`),
    electronVersion: null,
  });
}, 60_000);
afterAll(async () => {
  await verifier.close();
  await v.remove();
  dest.remove();
});

/**
 * Runs the child and kills it `afterMs` after its first output or, with `afterADone`, after its first
 * completed backup (so a loaded machine, where one backup outlasts every kill, still sees one complete).
 */
function runAndKill(afterMs: number, afterADone = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, v.file, v.created.recoveryKey, v.dataDir, dest.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (!afterADone || out.includes('done')) timer ??= setTimeout(() => proc.kill('SIGKILL'), afterMs);
    });
    proc.stderr.on('data', (chunk) => (err += chunk));
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`backup child exited ${code}: ${err}`));
      resolve(out.split('\n').filter((l) => l.startsWith('done')).length);
    });
  });
}

it(`leaves only complete backups after ${TRIALS} kills mid-backup, and the vault stays sound`, async () => {
  let completed = 0;
  const seen = new Set<string>();
  for (let trial = 0; trial < TRIALS; trial++) {
    // A backup now also signs its manifest and the registry anchor: the kills spread over 0.1–1.6 s.
    const last = trial === TRIALS - 1;
    completed += await runAndKill(100 + ((trial * 97) % 500) * 3, last && completed === 0);

    const files = readdirSync(dest.path);
    for (const name of files) {
      if (seen.has(name)) continue;
      seen.add(name);
      const path = join(dest.path, name);
      const res = await verifier.call('backup.verify', {
        backup: { path },
        recoveryKey: v.created.recoveryKey,
      });
      if (name.endsWith('.cobackup') && !name.startsWith('.')) {
        // A file under a backup's name is a whole backup, with its manifest and signature.
        expect({ name, ok: res.ok && res.value.ok }).toEqual({ name, ok: true });
      } else {
        // Temp files, and a manifest whose backup never got its name, are never taken for a backup.
        expect({ name, complete: res.ok && res.value.ok }).toEqual({ name, complete: false });
      }
    }

    const db = openVaultDatabase(v.file, keyOf(v));
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }
  expect(
    completed + readdirSync(dest.path).filter((f) => /^[^.].*\.cobackup$/.test(f)).length,
  ).toBeGreaterThan(0);
  unwrap(
    await v.engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: v.created.recoveryKey }),
  );
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
  // Every recorded backup is a file that exists (each was verified above).
  const recorded = unwrap(await v.engine.call('backup.list', {}));
  expect(recorded.every((row) => row.present && seen.has(row.path.split('/').pop() as string))).toBe(true);
  if (process.env.CLOSEOUT_TEST_VERBOSE)
    process.stderr.write(
      `completed ${completed}, recorded ${recorded.length}, files ${[...seen].join(' ')}\n`,
    );
}, 600_000); // catches a hang; ten backups and their checks outlast two minutes on a loaded machine
