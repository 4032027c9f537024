// knip (unused files, exports and dependencies), run by `npm test`. The entry points are what ships
// (main, preload, engine worker, CLI, renderer) and what runs the tests, the benchmarks and the scripts.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'electron/main/index.ts',
    'electron/preload.ts',
    'electron/core/host/worker.ts',
    'electron/cli/closeout.ts',
    'scripts/*.mjs',
    'build/*.cjs',
    'test/**/*.test.{ts,tsx}',
    'test/e2e/**/*.spec.ts',
    'test/e2e/bridge-entry.ts',
    'test/bench/main.ts',
    'test/bench/**/*.bench.ts',
    'test/fixtures/generate.ts',
    // Libraries whose public face is their index: what the features and tests import from them.
    'electron/core/pki/index.ts',
    'shared/taxonomy/index.ts',
    'test/fixtures/messy/index.ts',
    // Run as child processes or bundled by path (scripts/run-ts.mjs) from the tests that use them.
    'test/integration/**/*-child.ts',
    'test/integration/support/crash-writer.ts',
    'test/integration/core/**/measure-*.ts',
  ],
  project: [
    'electron/**/*.ts',
    'shared/**/*.ts',
    'renderer/src/**/*.{ts,tsx}',
    'test/**/*.{ts,tsx}',
    'scripts/*.mjs',
    'bin/*.js',
    'build/*.cjs',
  ],
  ignoreDependencies: [
    // The CJK fonts: electron/core/documents/fonts.ts finds their TTF files by path, never imports them.
    '@expo-google-fonts/noto-sans-sc',
  ],
  // System tools the integration tests and benchmarks check their output with (README: requirements).
  ignoreBinaries: ['openssl', 'pdftotext', 'pdftoppm', 'sqlite3', 'mount', 'umount'],
};

export default config;
