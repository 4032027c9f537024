// Packaging config, read as electron-builder and @electron/fuses will read it: the files whitelist,
// no publish target, the native module unpacked and rebuilt only while packaging, the fuses, and the
// macOS entitlements.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
// js-yaml and minimatch are what electron-builder itself reads its config and file patterns with.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { Minimatch } = require('minimatch') as {
  Minimatch: new (
    pattern: string,
    options: { dot: boolean },
  ) => {
    negate: boolean;
    match(path: string, partial?: boolean): boolean;
  };
};
const afterPack = require(join(repo, 'build', 'after-pack.cjs')) as {
  fuseSettings(options: { testBuild: boolean }): Record<string, boolean>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  extraResources: { from: string; to: string }[];
  publish: unknown;
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
}

const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  main: string;
};

describe('electron-builder.yml', () => {
  it('names the app and publishes nowhere', () => {
    expect(config.appId).toBe('com.closeout.app');
    expect(config.productName).toBe('Closeout');
    expect(config).toHaveProperty('publish', null);
  });

  it('ships the bundles, the renderer and package.json: no CLI, sources or tests', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/main/**', 'dist/core/**', 'renderer/dist/**', 'package.json']),
    );
    const shipped = config.files.filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of shipped)
      expect(pattern).toMatch(/^(dist\/(main|core)\/|renderer\/dist\/|package\.json$)/);
    expect(config.files).toContain('!dist/**/*.map');
  });

  it('keeps the entry point of package.json inside the whitelist', () => {
    expect(pkg.main).toBe('dist/main/main.js');
  });

  describe('node_modules, filtered the way electron-builder does (only the ! patterns apply to them)', () => {
    // electron-builder: every production dependency, matched against ['**/*', ...the ! patterns].
    const patterns = ['**/*', ...config.files.filter((pattern) => pattern.startsWith('!'))].map(
      (pattern) => new Minimatch(pattern, { dot: true }),
    );
    const shipped = (path: string, isDirectory = false): boolean => {
      let match = false;
      for (const pattern of patterns) {
        if (match !== pattern.negate) continue;
        match = pattern.match(path, isDirectory && !pattern.negate);
      }
      return match;
    };

    it.each([
      'node_modules/better-sqlite3-multiple-ciphers/package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
      'node_modules/better-sqlite3-multiple-ciphers/lib/methods/backup.js',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/bindings/bindings.js',
      'node_modules/file-uri-to-path/index.js',
      'node_modules/@node-rs/argon2/index.js',
      'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node',
      'node_modules/@node-rs/argon2-win32-x64-msvc/argon2.win32-x64-msvc.node',
    ])('ships %s', (path) => {
      expect(shipped(path)).toBe(true);
    });

    it.each([
      'node_modules/zod/index.js',
      'node_modules/commander/index.js',
      'node_modules/node-forge/lib/forge.js',
      'node_modules/pdfkit/js/pdfkit.js',
      'node_modules/prebuild-install/index.js',
      'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      'node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/obj.target/better_sqlite3.o',
      'node_modules/better-sqlite3-multiple-ciphers/build/Makefile',
      'node_modules/better-sqlite3-multiple-ciphers/node_modules/bindings/bindings.js',
      'node_modules/@node-rs/helper/index.js',
    ])('leaves out %s', (path) => {
      expect(shipped(path)).toBe(false);
    });
  });

  it('includes everything better-sqlite3-multiple-ciphers requires at run time', () => {
    const lib = join(repo, 'node_modules', 'better-sqlite3-multiple-ciphers', 'lib');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
      );
    const required = new Set<string>();
    for (const file of files(lib)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/require\('([^'.][^']*)'\)/g)) {
        if (!builtinModules.includes(match[1])) required.add(match[1]);
      }
    }
    // bindings in turn needs file-uri-to-path; both are kept above.
    expect([...required].sort()).toEqual(['bindings']);
  });

  it('puts the PDF fonts beside app.asar, in resources/fonts', () => {
    expect(config.extraResources.map((entry) => entry.to).sort()).toEqual([
      'fonts/NotoSansSC_400Regular.ttf',
      'fonts/NotoSansSC_700Bold.ttf',
    ]);
    for (const entry of config.extraResources) expect(existsSync(join(repo, entry.from))).toBe(true);
  });

  it('packs into asar with native code unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('rebuilds native modules for Electron while packaging, and never on install', () => {
    expect(config.npmRebuild).toBe(true);
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook] ?? '').not.toMatch(/electron-rebuild|install-app-deps|electron-builder/);
    }
  });

  it('flips fuses in the afterPack hook', () => {
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(join(repo, config.afterPack))).toBe(true);
  });

  it('targets AppImage and deb, nsis and portable, dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('grants macOS JIT only: no network, camera or library-validation entitlements', () => {
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(repo, config.mac.entitlements), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
  });
});

describe('fuses (build/after-pack.cjs)', () => {
  const release = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
  };

  it('release build: no Node mode, no NODE_OPTIONS, no inspector, asar only and verified', () => {
    expect(afterPack.fuseSettings({ testBuild: false })).toEqual(release);
  });

  it('test build (CLOSEOUT_TEST_BUILD=1): only the inspector differs, for Playwright’s _electron', () => {
    expect(afterPack.fuseSettings({ testBuild: true })).toEqual({
      ...release,
      EnableNodeCliInspectArguments: true,
    });
  });

  it('maps onto @electron/fuses’ own enum (the ESM module, loaded in a child Node)', () => {
    const script = `
      const { buildFuseConfig } = require(${JSON.stringify(join(repo, 'build', 'after-pack.cjs'))});
      import('@electron/fuses').then((fuses) => {
        const config = buildFuseConfig(fuses, { testBuild: false });
        const named = {};
        for (const [key, value] of Object.entries(config)) {
          named[/^\\d+$/.test(key) ? fuses.FuseV1Options[key] : key] = value;
        }
        process.stdout.write(JSON.stringify(named));
      });`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ version: '1', resetAdHocDarwinSignature: false, ...release });
  });
});
