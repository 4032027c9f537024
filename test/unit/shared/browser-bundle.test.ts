// shared/normalise and shared/identifiers run in the sandboxed renderer too: bundling them for the
// browser, libraries included, must not need any Node built-in. dependency-cruiser checks shared/'s own
// imports; this checks what libphonenumber-js, opencc-js and pinyin-pro pull in behind them.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const modules = ['normalise', 'identifiers'].flatMap((folder) =>
  readdirSync(join(ROOT, 'shared', folder))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `./shared/${folder}/${file.replace(/\.ts$/, '')}`),
);

const bundle = (contents: string) =>
  build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });

test('every normaliser and identifier module bundles for the browser without Node built-ins', async () => {
  expect(modules.length).toBeGreaterThanOrEqual(12);
  const result = await bundle(modules.map((m, i) => `export * as m${i} from '${m}';`).join('\n'));
  expect(result.errors).toEqual([]);
  expect(result.outputFiles[0].text).not.toMatch(/\brequire\(["'](?:node:)?(?:fs|path|os|crypto)["']\)/);
}, 60_000);

test('the check can fail: a Node built-in does not bundle for the browser', async () => {
  await expect(
    bundle(`import { readFileSync } from 'node:fs'; export const f = readFileSync;`),
  ).rejects.toThrow();
});
