// `npm run dist [-- --linux|--win|--mac] [more electron-builder flags]`: builds the bundles and the
// renderer, then packages with electron-builder (electron-builder.yml). Needs a machine where
// electron-builder can fetch the Electron release it packages (or an ELECTRON_CACHE that holds it),
// and, for a native rebuild, Electron's headers.
//
// CLOSEOUT_TEST_BUILD=1 makes the test-only build for Playwright's _electron: the inspect fuse stays
// on (build/after-pack.cjs) and the output goes to release/test-build, apart from shipping builds.
// For the e2e run: `CLOSEOUT_TEST_BUILD=1 npm run dist -- --linux dir`, then
// `CLOSEOUT_ELECTRON_APP=release/test-build/linux-unpacked/closeout npm run test:e2e`.
//
// electron-builder rebuilds the native SQLite module for Electron in node_modules itself. That build
// would break jest and the CLI (NODE_MODULE_VERSION mismatch), so the Node build is put back afterwards.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNode, buildRenderer, root } from './build-steps.mjs';

const NATIVE = join(
  root,
  'node_modules',
  'better-sqlite3-multiple-ciphers',
  'build',
  'Release',
  'better_sqlite3.node',
);
const testBuild = process.env.CLOSEOUT_TEST_BUILD === '1';

buildNode();
buildRenderer();

const args = [
  join(root, 'node_modules', 'electron-builder', 'cli.js'),
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...(testBuild ? ['-c.directories.output=release/test-build'] : []),
  ...process.argv.slice(2),
];

const saved = existsSync(NATIVE)
  ? join(mkdtempSync(join(tmpdir(), 'closeout-native-')), 'better_sqlite3.node')
  : null;
if (saved) copyFileSync(NATIVE, saved);

function restoreNative() {
  if (!saved) return;
  copyFileSync(saved, NATIVE);
  rmSync(join(saved, '..'), { recursive: true, force: true });
  process.stdout.write(
    'closeout: restored the Node build of better-sqlite3-multiple-ciphers for jest and the CLI\n',
  );
}

// Ctrl+C reaches electron-builder too; this process waits for it to stop, then still restores.
const ignore = () => {};
process.on('SIGINT', ignore);
process.on('SIGTERM', ignore);
const status = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('error', (error) => {
    process.stderr.write(`closeout: electron-builder did not run: ${error.message}\n`);
    resolve(1);
  });
  child.on('exit', (code) => resolve(code ?? 1));
});
restoreNative();
if (status !== 0) process.stderr.write(`closeout: packaging failed (electron-builder exited ${status})\n`);
process.exit(status);
