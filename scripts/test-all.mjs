// `npm test`: every check the project has, in order, each one's outcome reported, and one closing line
// "N passed, N failed" counting the tests of jest and Playwright plus the static checks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n── ${label} ──\n`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = res.status === 0;
  process.stdout.write(
    `── ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (!ok) failedSteps.push(label);
  return ok;
}

function check(label, command, args, env) {
  const ok = run(label, command, args, env);
  tally[ok ? 'passed' : 'failed'] += 1;
}

check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json']);
check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json']);
check('eslint', bin('eslint'), ['.']);
check('layering (dependency-cruiser)', bin('depcruise'), [
  '--config',
  '.dependency-cruiser.cjs',
  'electron',
  'shared',
  'renderer',
  'test',
]);
check('unused files, exports, dependencies (knip)', bin('knip'), []);
check('Electron security scan (electronegativity)', process.execPath, [
  join(root, 'scripts', 'electronegativity.mjs'),
]);
check('prettier', bin('prettier'), ['--check', '.']);
check('renderer build', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

const jestJson = join(results, 'jest.json');
rmSync(jestJson, { force: true });
const jestOk = run('jest (unit, integration, renderer)', bin('jest'), [
  '--ci',
  '--json',
  `--outputFile=${jestJson}`,
]);
if (existsSync(jestJson)) {
  const j = JSON.parse(readFileSync(jestJson, 'utf8'));
  tally.passed += j.numPassedTests;
  tally.failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  tally.skipped += j.numPendingTests + j.numTodoTests;
} else if (!jestOk) tally.failed += 1;

const pwJson = join(results, 'playwright.json');
rmSync(pwJson, { force: true });
const pwOk = run(
  'playwright (e2e, Chromium)',
  bin('playwright'),
  ['test', '--config', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
  { PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson },
);
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
  tally.passed += s.expected + s.flaky;
  tally.failed += s.unexpected;
  tally.skipped += s.skipped;
} else if (!pwOk) tally.failed += 1;
if (!pwOk && !failedSteps.includes('playwright (e2e, Chromium)')) failedSteps.push('playwright');

if (failedSteps.length) process.stdout.write(`\nfailed steps: ${failedSteps.join(', ')}\n`);
if (tally.skipped) process.stdout.write(`(skipped tests say why in their titles and output above)\n`);
process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
process.exit(failedSteps.length || tally.failed ? 1 : 0);
