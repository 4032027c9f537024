// Electronegativity (Doyensec's Electron security scanner) over electron/ and renderer/, as a step of
// `npm test`: fails on any finding above LOW, on any file it cannot parse, and on any network attempt.
// Its command line does not run with our commander and fetches translations from the network at start,
// so this drives its runner directly: the runner's translation loader is replaced (before the runner is
// loaded) by one that reads the package's own English file, every socket connect throws, and the one
// check that downloads Electron's release list is left out. The two folders are copied side by side into
// a temporary folder, so the scanner sees main and renderer as one app (navigation limits, permission
// handlers), with the Electron version we ship.
//
// A finding is switched off in place with `// eng-disable CHECK_ID` and the reason beside it; a finding
// with no place in the code (a global check's "N/A") is listed in NO_PLACE below with its reason.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

// Offline by construction: a scanner run that tries the network is a failed run.
const refuse = () => {
  throw new Error('electronegativity: a network connection was attempted; this step is offline');
};
net.Socket.prototype.connect = refuse;

const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const i18nModule = join(packageDir, 'dist', 'locales', 'i18n.js');
const i18n = createRequire(i18nModule)('i18n');
require.cache[i18nModule] = {
  id: i18nModule,
  filename: i18nModule,
  loaded: true,
  exports: async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nModule),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  },
};
const run = require(join(packageDir, 'dist', 'runner.js'));

/** Checks that would download something: Electron's release list (known fixes for older versions). */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Findings with no place in the code to switch them off, each with why it does not apply. */
const NO_PLACE = {
  CSP_GLOBAL_CHECK:
    'the CSP is a response header of every app:// response (shared/csp.ts, electron/main/protocol.ts), ' +
    "which the scanner's patterns (a <meta> tag, a webRequest header assignment) do not see; " +
    'test/unit/main/protocol.test.ts checks it',
};

const SEVERITY_LIMIT = 1; // LOW: anything above fails the step

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const stage = mkdtempSync(join(tmpdir(), 'closeout-electronegativity-'));
let failed = false;
try {
  const skip = (path) => path.split(sep).some((part) => part === 'dist' || part === 'node_modules');
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true, filter: (p) => !skip(p) });
  cpSync(join(root, 'renderer'), join(stage, 'renderer'), { recursive: true, filter: (p) => !skip(p) });
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: 'closeout', devDependencies: { electron: electronVersion } }),
  );

  const result = await run(
    {
      input: stage,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: NETWORK_CHECKS,
    },
    false,
  );

  for (const error of result.errors) {
    failed = true;
    console.error(`electronegativity: could not parse ${relative(stage, error.file)}: ${error.message}`);
  }
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    high: issue.severity.value > SEVERITY_LIMIT,
    where: issue.file === 'N/A' ? 'N/A' : `${issue.file}:${issue.location.line}`,
    reason: issue.file === 'N/A' ? NO_PLACE[issue.id] : undefined,
  }));
  for (const f of findings) {
    const verdict = !f.high ? 'noted' : f.reason ? `does not apply: ${f.reason}` : 'FAILS';
    if (f.high && !f.reason) failed = true;
    console.log(`${f.severity.padEnd(13)} ${f.id.padEnd(40)} ${f.where}  ${verdict}`);
  }
  console.log(
    `electronegativity ${electronVersion ? `(Electron ${electronVersion}) ` : ''}` +
      `${result.atomicChecks} atomic and ${result.globalChecks} global checks over electron/ and renderer/: ` +
      `${findings.filter((f) => f.high && !f.reason).length} findings above LOW, ` +
      (result.errors.length ? `${result.errors.length} files not parsed` : 'every file parsed'),
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
