// `npm start`: brings the bundles and the renderer up to date, then runs the desktop app with the
// Electron binary of node_modules/electron. Where that binary cannot be had (an offline machine,
// ELECTRON_SKIP_BINARY_DOWNLOAD), says so in one line and points to the CLI, which needs no Electron.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildNode, buildRenderer, rendererIsStale, root } from './build-steps.mjs';

const require = createRequire(import.meta.url);
const NO_ELECTRON =
  'closeout: 无法获取 Electron 程序（本机离线或设置了 ELECTRON_SKIP_BINARY_DOWNLOAD），桌面版无法启动；命令行 `npx closeout` 无需 Electron 即可使用。' +
  ' / Cannot get the Electron binary (offline machine or ELECTRON_SKIP_BINARY_DOWNLOAD set), so the desktop app cannot start; the CLI `npx closeout` works without it.';

/** The binary already on disk, found the way the electron package does, without downloading it. */
function installedElectron() {
  const dir = join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8');
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
    const binary = join(base, relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** require('electron') downloads the binary on first use (Electron 45); skipped when asked to. */
function electronBinary() {
  const installed = installedElectron();
  if (installed) return installed;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

// The binary first: without it there is nothing to build for.
const binary = electronBinary();
if (!binary) {
  process.stderr.write(`${NO_ELECTRON}\n`);
  process.exit(1);
}

buildNode();
if (rendererIsStale()) buildRenderer();

const env = { ...process.env };
// Inherited from a parent tool, it would start Electron as plain Node instead of the app.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  process.stderr.write(`closeout: could not start Electron (${error.message})\n${NO_ELECTRON}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
