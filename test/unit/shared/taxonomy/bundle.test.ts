// shared/taxonomy runs in the sandboxed renderer too: it must bundle for the browser without Node.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

test('the taxonomy bundles for the browser without Node built-ins', async () => {
  const result = await build({
    stdin: { contents: `export * from './shared/taxonomy';`, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  expect(result.outputFiles[0].text).toContain('suggestCategory');
  expect(result.outputFiles[0].text).not.toMatch(/\brequire\(["'](?:node:)?(?:fs|path|os|crypto)["']\)/);
}, 60_000);
