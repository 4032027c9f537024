// An import commits whole or not at all: a file that fails half-way through a call, a cancel, and kill -9
// of the CLI in the middle of a large import all leave the vault exactly as it was (row counts and audit
// head), and the vault still opens and passes quick_check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobProgress } from '../../../../shared/contract';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { customerRows } from '../../../fixtures/customers';
import { writeCsvFile } from '../../../fixtures/write-csv';
import { cliEnv, spawnCli } from '../../helpers';
import { makeVault, OPERATOR_PASS, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(300_000);

let v: VaultFixture;
let big: string;
const BIG_ROWS = 60_000;
beforeAll(async () => {
  v = await makeVault();
  big = join(v.dir, 'big.csv');
  await writeCsvFile(big, customerRows(99, BIG_ROWS), { encoding: 'gb18030' });
});
afterAll(() => v.remove());

function state() {
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      customers: n('customers'),
      quarantine: n('quarantine'),
      sources: n('sources'),
      mappings: n('mappings'),
      fts: n('customers_fts'),
      audit: db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get(),
      quickCheck: db.pragma('quick_check', { simple: true }),
      // A large import builds the secondary indexes after its rows; a rollback must bring them back.
      indexes: db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' ORDER BY name",
        )
        .all()
        .map((r) => (r as { name: string }).name),
    };
  } finally {
    db.close();
  }
}

it('a file that cannot be read fails the whole call: the files before it are not imported', async () => {
  const good = join(v.dir, 'good.csv');
  writeFileSync(good, '姓名,手机\n张三,13800138000\n李四,13900139000\n');
  const binary = join(v.dir, 'photo.csv');
  writeFileSync(
    binary,
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]),
  );
  const before = state();
  const result = await v.engine.call('import.run', {
    inputs: [{ file: { path: good } }, { file: { path: binary } }],
  });
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('INPUT_NOT_SUPPORTED');
    expect(result.error.message).toContain('photo.csv');
  }
  expect(state()).toEqual(before);
});

it('a cancelled import changes nothing', async () => {
  const before = state();
  expect(before.indexes.length).toBeGreaterThanOrEqual(8);
  const jobId = 'import-cancel-test-1';
  let seen = 0;
  const stop = v.engine.on((event, payload) => {
    const p = payload as JobProgress;
    if (event === 'job.progress' && p.job === jobId && p.phase === 'importing' && p.done > 0 && seen++ === 0)
      void v.engine.call('job.cancel', { job: jobId });
  });
  try {
    const result = await v.engine.call('import.run', { inputs: [{ file: { path: big } }] }, { jobId });
    expect(result.ok ? 'committed' : result.error.code).toBe('CANCELLED');
  } finally {
    stop();
  }
  expect(seen).toBeGreaterThan(0);
  expect(state()).toEqual(before);
});

it('progress reports rows read, a rate and an ETA; the import then commits every row', async () => {
  const events: JobProgress[] = [];
  const jobId = 'import-progress-test';
  const stop = v.engine.on((event, payload) => {
    if (event === 'job.progress' && (payload as JobProgress).job === jobId)
      events.push(payload as JobProgress);
  });
  const result = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: big } }] }, { jobId }));
  stop();
  expect(result.totals).toMatchObject({ rowsRead: BIG_ROWS, imported: BIG_ROWS, quarantined: 0 });
  const importing = events.filter((e) => e.phase === 'importing' && e.done > 0);
  expect(importing.length).toBeGreaterThan(0);
  expect(importing.some((e) => e.total !== null && e.etaSeconds !== null && e.rate > 0)).toBe(true);
  const after = state();
  expect(after).toMatchObject({ customers: BIG_ROWS, fts: BIG_ROWS, quickCheck: 'ok' });
  expect(after.indexes).toEqual(
    expect.arrayContaining(['customers_phone', 'customers_email', 'customers_name_key']),
  );
  expect(events.some((e) => e.phase === 'indexing')).toBe(true);
});

it('while an import runs, the views show the vault as it was: no row a cancel could still roll back', async () => {
  const small = join(v.dir, 'small-before.csv');
  writeFileSync(small, '姓名,手机\n王五,13700137000\n赵六,13600136000\n');
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: small } }], allowSameSource: true }));
  const committed = state().customers;
  expect(committed).toBeGreaterThanOrEqual(2);
  const jobId = 'import-read-during-test';
  const seen: Array<Promise<[number | null, number]>> = [];
  const stop = v.engine.on((event, payload) => {
    const p = payload as JobProgress;
    if (
      event === 'job.progress' &&
      p.job === jobId &&
      p.phase === 'importing' &&
      p.done > 0 &&
      seen.length < 3
    )
      seen.push(
        Promise.all([
          v.engine.call('records.query', { offset: 0, limit: 5, count: 'exact' }),
          v.engine.call('records.stats', {}),
        ]).then(([page, stats]) => [unwrap(page).total, unwrap(stats).customers]),
      );
  });
  let result;
  try {
    result = unwrap(
      await v.engine.call(
        'import.run',
        { inputs: [{ file: { path: big } }], allowSameSource: true },
        { jobId },
      ),
    );
  } finally {
    stop();
  }
  expect(seen.length).toBeGreaterThan(0);
  for (const counts of await Promise.all(seen)) expect(counts).toEqual([committed, committed]);
  const after = unwrap(await v.engine.call('records.query', { offset: 0, limit: 5, count: 'exact' }));
  expect(after.total).toBe(committed + result.totals.imported);
});

it('a refusal during an import is audited even when the import is then cancelled', async () => {
  unwrap(
    await v.engine.call('users.add', { name: 'op-refused', role: 'operator', passphrase: OPERATOR_PASS }),
  );
  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'op-refused',
      passphrase: OPERATOR_PASS,
    }),
  );
  const jobId = 'import-refusal-test';
  let refused: Promise<string> | null = null;
  const stop = v.engine.on((event, payload) => {
    const p = payload as JobProgress;
    if (event === 'job.progress' && p.job === jobId && p.phase === 'importing' && p.done > 0 && !refused) {
      // Owner-only: refused for an operator, while the import's transaction is open.
      refused = v.engine
        .call('users.add', { name: 'sneaky', role: 'owner', passphrase: OPERATOR_PASS })
        .then((r) => (r.ok ? 'allowed' : r.error.code));
      void refused.then(() => v.engine.call('job.cancel', { job: jobId }));
    }
  });
  try {
    const result = await v.engine.call(
      'import.run',
      { inputs: [{ file: { path: big } }], allowSameSource: true },
      { jobId },
    );
    expect(result.ok ? 'committed' : result.error.code).toBe('CANCELLED');
  } finally {
    stop();
  }
  expect(await refused).toBe('NOT_ALLOWED');
  const entries = unwrap(await v.engine.call('audit.list', { limit: 20 }));
  expect(
    entries.some((e) => e.op === 'users.add' && e.outcome === 'refused' && e.userName === 'op-refused'),
  ).toBe(true);
  // Back to the owner for the tests after this one.
  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
});

function importAndKill(file: string, afterMs: number): Promise<void> {
  const child = spawnCli(
    ['import', v.file, file, '--allow-same-source', '--json'],
    cliEnv(v.dataDir, { CLOSEOUT_PASSPHRASE: OWNER_PASS, CLOSEOUT_PROGRESS: '1' }),
  );
  return new Promise((resolve, reject) => {
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk) => {
      err += chunk;
      // Once rows are being written, kill at a different moment each trial.
      if (/progress: importing/.test(err)) timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the import finished before the kill (exit ${code}): ${err}`));
    });
  });
}

it('kill -9 in the middle of a large import: the vault opens, passes quick_check, holds none of it', async () => {
  await v.engine.call('vault.lock', {});
  const before = state();
  const { audit: _head, ...rows } = before;
  for (const afterMs of [0, 350, 900]) {
    await importAndKill(big, afterMs);
    const { audit: _after, ...after } = state();
    expect(after.quickCheck).toBe('ok');
    expect(after).toEqual(rows);
  }
  // The CLI's unlocks are recorded; no import is.
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    const ops = db.prepare('SELECT op FROM audit WHERE seq > ?').all((before.audit as { seq: number }).seq);
    expect(ops.map((o) => (o as { op: string }).op)).toEqual([
      'vault.unlock',
      'vault.unlock',
      'vault.unlock',
    ]);
  } finally {
    db.close();
  }
});
