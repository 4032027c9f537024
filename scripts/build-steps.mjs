// Build steps shared by `npm start` and `npm run dist`: the Node bundles (esbuild) and the renderer
// (Vite), each run with this Node and the project's own tools, never fetched through npx.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command with inherited output; a failure ends the script with the command's own status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(
      `closeout: ${[command, ...args].join(' ')} failed (${result.status ?? result.signal})\n`,
    );
    process.exit(result.status || 1);
  }
}

export function buildNode() {
  run(process.execPath, [join(root, 'scripts', 'build-node.mjs')]);
}

export function buildRenderer() {
  run(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    join(root, 'renderer', 'vite.config.ts'),
    '--logLevel',
    'warn',
  ]);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The renderer build is stale when any of its inputs (including shared/) changed after it was made. */
export function rendererIsStale() {
  const built = join(root, 'renderer', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const inputs = ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'shared'];
  const newestInput = Math.max(...inputs.map((input) => newestMtime(join(root, input))));
  return newestInput > statSync(built).mtimeMs;
}
