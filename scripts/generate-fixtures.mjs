// `npm run fixtures -- --rows 100000 --seed 42 --encoding gb18030 --out FILE`: seeded synthetic customer
// CSV (test/fixtures/generate.ts, bundled with esbuild and run with this Node).
import { bundleAndRun } from './run-ts.mjs';

process.exitCode = await bundleAndRun({
  entry: 'test/fixtures/generate.ts',
  name: 'generate-fixtures',
  args: process.argv.slice(2),
});
