// Quitting waits for the engine to stop (running jobs cancelled, nothing half-written) before the
// process exits; a stuck engine cannot hold the app open for longer than the grace period.
import type { App } from 'electron';
import type { EngineClient } from '../core/host/index';

const ENGINE_CLOSE_GRACE_MS = 5_000;

export function closeEngineOnQuit(
  app: Pick<App, 'on' | 'quit'>,
  engine: () => EngineClient | null,
  graceMs = ENGINE_CLOSE_GRACE_MS,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    const client = engine();
    if (state === 'closed' || !client) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error('closeout: the engine did not stop in time; quitting anyway');
        resolve();
      }, graceMs);
    });
    Promise.race([client.close(), grace])
      .catch((error: unknown) => console.error(`closeout: closing the engine failed: ${String(error)}`))
      .finally(() => {
        clearTimeout(timer);
        state = 'closed';
        app.quit();
      });
  });
}
