// An unattended laptop must not keep a vault open: system suspend and screen lock lock the session.
import type { PowerMonitor } from 'electron';
import type { EngineClient } from '../core/host/index';

/** Asks the engine to lock the open vault (it emits `session.locked` with reason 'system'). */
async function onSystemLock(engine: EngineClient): Promise<void> {
  const result = await engine.call('vault.lock', { reason: 'system' });
  if (!result.ok) console.error(`closeout: locking on system lock failed: ${result.error.code}`);
}

export function watchSystemLock(monitor: Pick<PowerMonitor, 'on'>, engine: EngineClient): void {
  const lock = () => {
    onSystemLock(engine).catch((error: unknown) => {
      console.error(`closeout: locking on system lock failed: ${String(error)}`);
    });
  };
  monitor.on('suspend', lock);
  monitor.on('lock-screen', lock);
}
