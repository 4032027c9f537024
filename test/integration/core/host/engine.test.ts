// The engine as its hosts see it: in process (CLI, jest) and in a worker thread (desktop app).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobFinished, JobProgress } from '../../../../shared/contract';
import { startEngineWorker, type EngineClient } from '../../../../electron/core/host/index';
import { createEngine } from '../../../../electron/core/host/in-process';
import pkg from '../../../../package.json';
import { createTestEngine, type TestContract } from '../../../support/test-engine';
import { WORKER_SCRIPT, tempDir } from '../../helpers';

const hosts: Array<[string, (dataDir: string) => EngineClient]> = [
  ['in-process', (dataDir) => createEngine({ dataDir, electronVersion: null })],
  ['worker', (dataDir) => startEngineWorker(WORKER_SCRIPT, { dataDir, electronVersion: null })],
];

describe.each(hosts)('engine (%s)', (mode, start) => {
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineClient;

  beforeEach(() => {
    dir = tempDir();
    engine = start(dir.path);
  });
  afterEach(async () => {
    await engine.close();
    dir.remove();
  });

  it('answers app.info with the package version and its mode', async () => {
    const result = await engine.call('app.info', {});
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Closeout', version: pkg.version, dataDir: dir.path, engineMode: mode },
    });
  });

  it('lists no vaults in a fresh data folder, and the registry when there is one (older entries get the newer fields as null)', async () => {
    expect(await engine.call('vault.list', {})).toEqual({ ok: true, value: [] });
    const vault = {
      id: 'v1',
      path: join(dir.path, 'gone.cvault'),
      clientName: '杭州示例商贸有限公司',
      creditCode: null,
      stage: 'intake',
      lastOpenedAt: null,
      lastBackupAt: null,
    };
    writeFileSync(join(dir.path, 'vaults.json'), JSON.stringify({ version: 1, vaults: [vault] }));
    // Written by an earlier Closeout: none of the backup-health or closure-progress fields.
    const added = {
      lastVerifiedBackupAt: null,
      lastRestoreVerifiedAt: null,
      lastVerifyFailure: null,
      customers: null,
      withoutDisposition: null,
      nextDeadline: null,
      blockers: null,
    };
    expect(await engine.call('vault.list', {})).toEqual({
      ok: true,
      value: [{ ...vault, ...added, present: false }],
    });
  });

  it('reports a damaged registry as one clear error', async () => {
    writeFileSync(join(dir.path, 'vaults.json'), '{"version":1,"vaults":[{"id":');
    const result = await engine.call('vault.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('REGISTRY_CORRUPT');
      expect(result.error.message).toContain('vaults.json');
    }
  });

  it('answers bad input and unknown operations with error values, never throws', async () => {
    const bad = await engine.call('backup.prune', { keepLast: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('keepLast');
    const unknown = await engine.call('vault.destroyEverything' as 'app.info', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    const badOptions = await engine.call('vault.list', {}, { jobId: '../../x' });
    expect(badOptions).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('runs a job of the product (vault.check) with progress events, then reports it finished', async () => {
    const created = await engine.call('vault.create', {
      file: { path: join(dir.path, 'client.cvault') },
      details: { clientName: '杭州示例商贸有限公司' },
      owner: { name: 'owner', passphrase: 'Owner-passphrase-2026!' },
    });
    expect(created.ok).toBe(true);
    const progress: JobProgress[] = [];
    const finished: JobFinished[] = [];
    engine.on((event, payload) => {
      if (event === 'job.progress') progress.push(payload as JobProgress);
      if (event === 'job.finished') finished.push(payload as JobFinished);
    });
    const report = await engine.call('vault.check', {}, { jobId: 'job-check-1' });
    expect(report).toMatchObject({ ok: true, value: { ok: true } });
    expect(progress.filter((p) => p.job === 'job-check-1' && p.op === 'vault.check').length).toBeGreaterThan(
      0,
    );
    expect(finished).toContainEqual({ job: 'job-check-1', op: 'vault.check', outcome: 'succeeded' });
  }, 30_000);

  it('refuses calls after close', async () => {
    await engine.close();
    expect(await engine.call('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE' },
    });
  });
});

// The job runner through the engine, on the test operation test.count (test/support/test-engine.ts): how long
// it runs and how fast it reports is up to the test, which no product job is.
describe('jobs (in process, with the test operation)', () => {
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineClient<TestContract>;

  beforeEach(() => {
    dir = tempDir();
    engine = createTestEngine({ dataDir: dir.path, electronVersion: null });
  });
  afterEach(async () => {
    await engine.close();
    dir.remove();
  });

  it("checks the test operation's input like any other", async () => {
    const bad = await engine.call('test.count', { total: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('total');
  });

  it('runs a job with progress at least twice a second, then reports it finished', async () => {
    const progress: Array<JobProgress & { at: number }> = [];
    const finished: JobFinished[] = [];
    engine.on((event, payload) => {
      if (event === 'job.progress') progress.push({ ...(payload as JobProgress), at: Date.now() });
      if (event === 'job.finished') finished.push(payload as JobFinished);
    });
    const result = await engine.call('test.count', { total: 60, stepMs: 20 }, { jobId: 'job-progress-1' });
    expect(result).toEqual({ ok: true, value: { counted: 60 } });
    const mine = progress.filter((p) => p.job === 'job-progress-1');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < mine.length; i++) expect(mine[i].at - mine[i - 1].at).toBeLessThan(700);
    expect(mine[mine.length - 1]).toMatchObject({ done: 60, total: 60 });
    expect(finished).toContainEqual({ job: 'job-progress-1', op: 'test.count', outcome: 'succeeded' });
  });

  it('cancels a running job: CANCELLED, and the job is gone', async () => {
    const finished: JobFinished[] = [];
    engine.on((event, payload) => event === 'job.finished' && finished.push(payload as JobFinished));
    const running = engine.call('test.count', { total: 10_000, stepMs: 5 }, { jobId: 'job-cancel-1' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await engine.call('job.cancel', { job: 'job-cancel-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(finished).toContainEqual({ job: 'job-cancel-1', op: 'test.count', outcome: 'cancelled' });
    expect(await engine.call('job.cancel', { job: 'job-cancel-1' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('lets a queued writer be cancelled before it starts', async () => {
    const first = engine.call('test.count', { total: 20, stepMs: 10 }, { jobId: 'job-first-1' });
    const second = engine.call('test.count', { total: 20, stepMs: 10 }, { jobId: 'job-second-1' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await engine.call('job.cancel', { job: 'job-second-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await first).toEqual({ ok: true, value: { counted: 20 } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('the product engine does not know the test operation', async () => {
    const product = createEngine({ dataDir: dir.path, electronVersion: null });
    try {
      expect(await product.call('test.count' as 'app.info', { total: 1 })).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_OPERATION' },
      });
    } finally {
      await product.close();
    }
  });
});
