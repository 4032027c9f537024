// The engine as its hosts see it: in process (CLI, jest) and in a worker thread (desktop app).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobFinished, JobProgress } from '../../../../shared/contract';
import { startEngineWorker, type EngineClient } from '../../../../electron/core/host/index';
import { createEngine } from '../../../../electron/core/host/in-process';
import pkg from '../../../../package.json';
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
    const bad = await engine.call('demo.count', { total: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toContain('total');
    const unknown = await engine.call('vault.destroyEverything' as 'app.info', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    const badOptions = await engine.call('demo.count', { total: 1 }, { jobId: '../../x' });
    expect(badOptions).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('runs a job with progress at least twice a second, then reports it finished', async () => {
    const progress: Array<JobProgress & { at: number }> = [];
    const finished: JobFinished[] = [];
    engine.on((event, payload) => {
      if (event === 'job.progress') progress.push({ ...(payload as JobProgress), at: Date.now() });
      if (event === 'job.finished') finished.push(payload as JobFinished);
    });
    const result = await engine.call('demo.count', { total: 60, stepMs: 20 }, { jobId: 'job-progress-1' });
    expect(result).toEqual({ ok: true, value: { counted: 60 } });
    const mine = progress.filter((p) => p.job === 'job-progress-1');
    expect(mine.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < mine.length; i++) expect(mine[i].at - mine[i - 1].at).toBeLessThan(700);
    expect(mine[mine.length - 1]).toMatchObject({ done: 60, total: 60 });
    expect(finished).toContainEqual({ job: 'job-progress-1', op: 'demo.count', outcome: 'succeeded' });
  });

  it('cancels a running job: CANCELLED, and the job is gone', async () => {
    const finished: JobFinished[] = [];
    engine.on((event, payload) => event === 'job.finished' && finished.push(payload as JobFinished));
    const running = engine.call('demo.count', { total: 10_000, stepMs: 5 }, { jobId: 'job-cancel-1' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await engine.call('job.cancel', { job: 'job-cancel-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(finished).toContainEqual({ job: 'job-cancel-1', op: 'demo.count', outcome: 'cancelled' });
    expect(await engine.call('job.cancel', { job: 'job-cancel-1' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('lets a queued writer be cancelled before it starts', async () => {
    const first = engine.call('demo.count', { total: 20, stepMs: 10 }, { jobId: 'job-first-1' });
    const second = engine.call('demo.count', { total: 20, stepMs: 10 }, { jobId: 'job-second-1' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await engine.call('job.cancel', { job: 'job-second-1' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await first).toEqual({ ok: true, value: { counted: 20 } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses calls after close', async () => {
    await engine.close();
    expect(await engine.call('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE' },
    });
  });
});
