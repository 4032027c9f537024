// Where Closeout keeps its registry, certificates and settings: CLOSEOUT_DATA_DIR when set (tests,
// portable use on removable media), otherwise the OS's usual place, the same folder Electron's
// app.getPath('userData') gives for productName "Closeout", so the CLI and the desktop app agree.
import { mkdirSync, accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { EngineError } from '../kernel/engine-error';

const APP_DIR_NAME = 'Closeout';

export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.CLOSEOUT_DATA_DIR?.trim();
  if (override) return resolve(override);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.config'), APP_DIR_NAME);
}

/** Creates the folder (owner-only) if needed and checks it can be written. */
export function ensureDataDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.R_OK | constants.W_OK);
    return dir;
  } catch (error) {
    throw new EngineError('DATA_DIR_UNUSABLE', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}
