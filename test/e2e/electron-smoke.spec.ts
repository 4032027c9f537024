// The real desktop shell under Playwright's _electron: the window opens on app://closeout/, the page has
// no Node, and window.closeout reaches the engine worker. Runs where an Electron binary exists: the
// test build (CLOSEOUT_ELECTRON_APP=path to a CLOSEOUT_TEST_BUILD=1 executable) or node_modules/electron.
// Where none exists it is reported as skipped, never as passed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { CloseoutBridge } from '../../shared/bridge';

const REPO = join(__dirname, '..', '..');
const SKIP_REASON =
  'electron-smoke did not run: no Electron binary on this machine (ELECTRON_SKIP / offline)';

interface Launch {
  /** Set for the packaged test build (the app is inside it). Left out for node_modules/electron, which
   * Playwright then starts itself with its loader, given the repo as the app. */
  executablePath?: string;
  args: string[];
}

/** Finds a binary without ever triggering the download that require('electron') would start. */
function findElectron(): Launch | null {
  const packaged = process.env.CLOSEOUT_ELECTRON_APP;
  if (packaged && existsSync(packaged)) return { executablePath: packaged, args: [] };
  const pkg = join(REPO, 'node_modules', 'electron');
  try {
    const binary = join(pkg, 'dist', readFileSync(join(pkg, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? { args: [REPO] } : null;
  } catch {
    return null;
  }
}

test('the desktop shell opens the app and reaches the engine (runs only where an Electron binary exists)', async () => {
  const launch = findElectron();
  if (!launch) {
    console.log(SKIP_REASON);
    test.skip(true, SKIP_REASON);
    return;
  }
  if (!launch.executablePath) {
    // The development binary runs dist/main/main.js: bundle it (the renderer is built by global setup).
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build-node.mjs')], {
      cwd: REPO,
      stdio: 'inherit',
    });
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'closeout-electron-smoke-'));
  const env = { ...process.env, CLOSEOUT_DATA_DIR: dataDir } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({ ...launch, env });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/closeout\//);

    // The sandboxed page has no Node and sees only the bridge.
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        closeout: typeof scope.closeout,
      };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', closeout: 'object' });

    const info = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { closeout: CloseoutBridge }).closeout;
      return bridge['app.info']({});
    });
    expect(info.ok).toBe(true);
    if (info.ok) {
      expect(info.value.engineMode).toBe('worker');
      expect(info.value.runtime.electron).toMatch(/^\d+\./);
      expect(info.value.dataDir).toBe(dataDir);
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
