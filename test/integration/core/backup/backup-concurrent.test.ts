// Backups while another process writes the vault without pause (and keeps asking for checkpoints): each
// backup is one consistent snapshot — SQLite's full integrity check passes on it, the two tables every
// transaction writes together hold the same rows, and the manifest's row counts are the file's — and
// verifies; the writer is really committing while the backups are copied.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openBackupReadOnly } from '../../../../electron/core/backup/snapshot-content';
import { bundleChild, ROOT, tempDir } from '../../helpers';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { fillScratch, keyOf, withRawVault } from './backup-support';

jest.setTimeout(180_000);

const BACKUPS = 6;
let v: VaultFixture;
let dest: ReturnType<typeof tempDir>;
let writer: ChildProcess;
let committed = 0;

beforeAll(async () => {
  v = await makeVault();
  dest = tempDir('closeout-backup-concurrent-');
  await withRawVault(v, (db) => {
    fillScratch(db, 60_000); // ≈ 15 MB: a copy that takes a while
    db.exec(`CREATE TABLE ledger_a (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);
             CREATE TABLE ledger_b (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);`);
  });
  const child = join(v.dir, 'backup-concurrent-child.js');
  bundleChild(join(__dirname, 'backup-concurrent-child.ts'), child);
  writer = spawn(process.execPath, [child, v.file, v.created.recoveryKey], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
  });
  await new Promise<void>((resolve, reject) => {
    writer.stdout?.on('data', (chunk: Buffer) => {
      const last = chunk.toString().trim().split('\n').pop();
      committed = Number(last);
      if (committed >= 5) resolve();
    });
    writer.on('exit', (code) => reject(new Error(`the writer exited (${code})`)));
  });
}, 120_000);

afterAll(async () => {
  writer?.kill('SIGKILL');
  await v.remove();
  dest.remove();
});

it(`${BACKUPS} backups under concurrent writes are each one consistent snapshot`, async () => {
  let overlapped = 0;
  let previous = -1;
  for (let n = 0; n < BACKUPS; n++) {
    const before = committed;
    const created = unwrap(await v.engine.call('backup.create', { dir: { path: dest.path } }));
    if (committed > before) overlapped++;
    expect(created.verification.ok).toBe(true);

    const db = openBackupReadOnly(created.path, keyOf(v));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
      const rows = { a: count('ledger_a'), b: count('ledger_b') };
      expect(rows.a).toBe(rows.b);
      expect(created.rowCounts).toMatchObject({ ledger_a: rows.a, ledger_b: rows.b, scratch: 60_000 });
      expect(rows.a).toBeGreaterThan(previous); // each backup sees the writer's newer commits
      previous = rows.a;
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
    const verified = unwrap(await v.engine.call('backup.verify', { backup: { path: created.path } }));
    expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
  }
  // The writer committed while most backups were being made (not only between them).
  expect(overlapped).toBeGreaterThanOrEqual(BACKUPS - 1);
});
