// The engine locks an open vault by itself after the vault's idle time, and says why.
import { createEngine } from '../../../../electron/core/host/in-process';
import { OWNER_PASS } from '../../support/vault-fixture';
import { tempDir } from '../../helpers';

it('locks after the idle timeout, drops the session and emits session.locked {reason: idle}', async () => {
  // Fake clocks (Date and intervals); Argon2 and file I/O run on libuv's thread pool, untouched.
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
  const dir = tempDir();
  const engine = createEngine({ dataDir: `${dir.path}/data`, electronVersion: null });
  try {
    const created = await engine.call('vault.create', {
      file: { path: `${dir.path}/idle.cvault` },
      details: { clientName: '空闲测试有限公司' },
      owner: { name: 'owner', passphrase: OWNER_PASS },
    });
    expect(created.ok).toBe(true);
    await engine.call('vault.updateDetails', { idleTimeoutMinutes: 5 });
    const events: unknown[] = [];
    engine.on((event, payload) => event === 'session.locked' && events.push(payload));

    jest.advanceTimersByTime(4 * 60_000);
    expect((await engine.call('vault.session', {})).ok && events).toEqual([]);
    // Any call counts as activity: the 5 minutes start again from here.
    await engine.call('vault.info', {});
    jest.advanceTimersByTime(4 * 60_000);
    expect(events).toEqual([]);
    jest.advanceTimersByTime(2 * 60_000);
    expect(events).toEqual([{ reason: 'idle' }]);
    expect(await engine.call('vault.session', {})).toEqual({ ok: true, value: null });
    expect(await engine.call('vault.info', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  } finally {
    jest.useRealTimers();
    await engine.close();
    dir.remove();
  }
}, 60_000);

it('counts the person’s actions only: background calls (polls, refreshes) do not keep the vault unlocked', async () => {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
  const dir = tempDir();
  const engine = createEngine({ dataDir: `${dir.path}/data`, electronVersion: null });
  try {
    expect(
      (
        await engine.call('vault.create', {
          file: { path: `${dir.path}/idle.cvault` },
          details: { clientName: '空闲测试有限公司' },
          owner: { name: 'owner', passphrase: OWNER_PASS },
        })
      ).ok,
    ).toBe(true);
    await engine.call('vault.updateDetails', { idleTimeoutMinutes: 5 });
    const events: unknown[] = [];
    engine.on((event, payload) => event === 'session.locked' && events.push(payload));

    // The window's polls and refreshes, once a minute for six minutes, each marked as background.
    for (let minute = 1; minute <= 6; minute++) {
      jest.advanceTimersByTime(60_000);
      for (const op of ['vault.session', 'vault.list', 'vault.info', 'backup.list'] as const)
        await engine.call(op, {}, { background: true });
    }
    expect(events).toEqual([{ reason: 'idle' }]);
    expect(await engine.call('vault.session', {}, { background: true })).toEqual({ ok: true, value: null });
  } finally {
    jest.useRealTimers();
    await engine.close();
    dir.remove();
  }
}, 60_000);
