// Runs once before the e2e run: builds the renderer (as shipped) and bundles the test bridge.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BRIDGE_INIT_SCRIPT, RENDERER_DIST, REPO_ROOT } from './harness/paths';

export default async function globalSetup(): Promise<void> {
  // CLOSEOUT_E2E_SKIP_BUILD=1 reuses renderer/dist while iterating on specs only.
  if (process.env.CLOSEOUT_E2E_SKIP_BUILD === '1' && existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    process.stdout.write('e2e: reusing renderer/dist (CLOSEOUT_E2E_SKIP_BUILD=1)\n');
  } else {
    execFileSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      },
    );
  }

  await build({
    entryPoints: [path.join(__dirname, 'bridge-entry.ts')],
    outfile: BRIDGE_INIT_SCRIPT,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
