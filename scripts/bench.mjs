// `npm run bench -- [--only NAME] [--rows N] [--runs K] …`: bundles the harness (test/bench/main.ts) and
// every test/bench/**/*.bench.ts into a temporary folder with esbuild, then runs the harness with Node.
// Each benchmark is bundled on its own, so one that does not build (say, while the engine is mid-change)
// is reported as failed and the others still run. Not part of `npm test`.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundle, ROOT, runNode } from './run-ts.mjs';

function findBenchFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'results' ? [] : findBenchFiles(path);
      return entry.name.endsWith('.bench.ts') ? [path] : [];
    })
    .sort();
}

const dir = mkdtempSync(join(tmpdir(), 'closeout-bench-build-'));
try {
  const files = findBenchFiles(join(ROOT, 'test', 'bench'));
  const harness = await bundle({ entry: 'test/bench/main.ts', dir, name: 'harness' });
  const manifest = await Promise.all(
    files.map(async (path) => {
      const file = relative(ROOT, path);
      const name = file.replace(/[/\\]/g, '__').replace(/\.ts$/, '');
      try {
        return { file, bundle: await bundle({ entry: path, dir, name, quiet: true }) };
      } catch (error) {
        return {
          file,
          error: error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error),
        };
      }
    }),
  );
  const manifestFile = join(dir, 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  process.exitCode = await runNode(harness, ['--manifest', manifestFile, ...process.argv.slice(2)], {
    CLOSEOUT_ROOT: ROOT,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
