// electron-builder itself packs the app (Linux `dir` target) around a stand-in Electron distribution,
// so what lands in app.asar is checked without downloading Electron: the bundles, the renderer, the
// native modules (unpacked) and the fonts, and nothing else. Offline: proxies point nowhere and the
// native rebuild (which needs Electron's headers) is off, so any attempt to fetch fails the test.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers';

const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};

const work = tempDir('closeout-pack-');
const out = join(work.path, 'release');
let resources: string;
let files: string[];

beforeAll(() => {
  const electronDist = join(work.path, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const noHook = join(work.path, 'no-after-pack.cjs');
  writeFileSync(noHook, 'module.exports = async () => {};\n');

  const nowhere = 'http://127.0.0.1:9';
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version}`,
      '-c.npmRebuild=false',
      // The fuses are flipped on a real Electron binary only (build/after-pack.cjs, tested in unit).
      `-c.afterPack=${noHook}`,
      `-c.directories.output=${out}`,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        HTTP_PROXY: nowhere,
        HTTPS_PROXY: nowhere,
        http_proxy: nowhere,
        https_proxy: nowhere,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
    },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  resources = join(out, 'linux-unpacked', 'resources');
  files = asar
    .listPackage(join(resources, 'app.asar'), { isPack: false })
    .map((file) => file.replace(/\\/g, '/'));
}, 200_000);

afterAll(() => work.remove());

/** listPackage lists folders too: a folder is the prefix of another entry. */
const isFolder = (file: string, all: string[]) => all.some((other) => other.startsWith(`${file}/`));

it('packs exactly the bundles, package.json, the renderer and the native modules’ run-time files', () => {
  const onlyFiles = files.filter((file) => !isFolder(file, files));
  const allowed = [
    /^\/dist\/main\/(main|preload)\.js$/,
    /^\/dist\/core\/worker\.js$/,
    /^\/package\.json$/,
    /^\/renderer\/dist\//,
    /^\/node_modules\/better-sqlite3-multiple-ciphers\/(package\.json|lib\/.+\.js|build\/Release\/better_sqlite3\.node)$/,
    /^\/node_modules\/bindings\//,
    /^\/node_modules\/file-uri-to-path\//,
    /^\/node_modules\/@node-rs\/argon2(-[a-z0-9-]+)?\//,
  ];
  expect(onlyFiles.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
  expect(onlyFiles).toEqual(
    expect.arrayContaining([
      '/dist/main/main.js',
      '/dist/main/preload.js',
      '/dist/core/worker.js',
      '/package.json',
      '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
      '/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      '/node_modules/bindings/bindings.js',
      '/node_modules/file-uri-to-path/index.js',
      '/node_modules/@node-rs/argon2/index.js',
    ]),
  );
});

it('ships the renderer build as it is in renderer/dist', () => {
  const built = join(ROOT, 'renderer', 'dist', 'index.html');
  expect(files.includes('/renderer/dist/index.html')).toBe(existsSync(built));
});

it('points the packaged package.json at the main bundle', () => {
  const pkg = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8'));
  expect(pkg.main).toBe('dist/main/main.js');
});

it('unpacks every native addon next to the archive', () => {
  const unpacked = join(resources, 'app.asar.unpacked', 'node_modules');
  expect(
    existsSync(join(unpacked, 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node')),
  ).toBe(true);
  const argon = readdirSync(join(unpacked, '@node-rs')).filter((name) => name.startsWith('argon2-'));
  expect(argon.length).toBeGreaterThan(0);
});

it('puts the PDF fonts in resources/fonts', () => {
  expect(readdirSync(join(resources, 'fonts')).sort()).toEqual([
    'NotoSansSC_400Regular.ttf',
    'NotoSansSC_700Bold.ttf',
  ]);
});
