// Bundles a TypeScript entry (test tooling: fixtures CLI, benchmarks) with esbuild into a temporary
// folder and runs it with this Node. Packages stay external but are pinned to absolute paths in this
// checkout's node_modules, so the bundle can live outside the project and native modules still load.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const projectRequire = createRequire(join(ROOT, 'package.json'));
const builtins = new Set(builtinModules);

const externalPackages = {
  name: 'external-packages-by-path',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isAbsolute(args.path)) return undefined;
      if (args.path.startsWith('node:') || builtins.has(args.path.split('/')[0])) return { external: true };
      return { path: projectRequire.resolve(args.path), external: true };
    });
  },
};

/** Bundles the TypeScript file `entry` to `<dir>/<name>.cjs` and returns that path. `quiet`: the caller
 * reports build errors itself. */
export async function bundle({ entry, dir, name, quiet = false }) {
  const outfile = join(dir, `${name}.cjs`);
  await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: quiet ? 'silent' : 'warning',
    plugins: [externalPackages],
  });
  return outfile;
}

/** Runs `file` with this Node, stdio inherited, cwd the project root; resolves to its exit code. */
export function runNode(file, args, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', file, ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 128 + 2 : 1));
    });
  });
}

/** Bundle-and-run in a temporary folder that is removed afterwards. */
export async function bundleAndRun({ entry, name, args, env }) {
  const dir = mkdtempSync(join(tmpdir(), `closeout-${name}-`));
  try {
    const file = await bundle({ entry, dir, name });
    return await runNode(file, args, { CLOSEOUT_ROOT: ROOT, ...env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
