// Bundles the Node-side entries (main, preload, engine worker, CLI) with esbuild into dist/.
// Only the native module and `electron` stay external; the renderer is built by Vite separately.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const native = Object.keys(pkg.dependencies ?? {}).filter((name) =>
  ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'].includes(name),
);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: { 'main/main': 'electron/main/index.ts', 'main/preload': 'electron/preload.ts' },
    outdir: 'dist',
    external: ['electron', ...native],
  }),
  build({
    ...common,
    entryPoints: {
      'core/worker': 'electron/core/host/worker.ts',
      'cli/closeout': 'electron/cli/closeout.ts',
    },
    outdir: 'dist',
    external: native,
  }),
]);
