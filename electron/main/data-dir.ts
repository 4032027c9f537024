// The desktop app's data folder: CLOSEOUT_DATA_DIR when set (tests, portable use on removable media),
// otherwise Electron's userData folder, which for productName "Closeout" is the folder the CLI uses too.
import { resolve } from 'node:path';
import type { App } from 'electron';

export function useDataDir(
  app: Pick<App, 'getPath' | 'setPath'>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const override = env.CLOSEOUT_DATA_DIR?.trim();
  if (!override) return app.getPath('userData');
  const dir = resolve(override);
  // Set before the single-instance lock and before ready: Chromium keeps its profile (and the lock)
  // under userData, so each data folder is its own instance and nothing lands in the default one.
  app.setPath('userData', dir);
  return dir;
}
