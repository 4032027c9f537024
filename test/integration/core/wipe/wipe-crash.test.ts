// kill -9 at random points of a records wipe and of a whole-vault wipe, 20 trials each, through the real
// CLI on fresh copies of the same vault: the kill leaves nothing half-deleted that the journal does not
// know of; rerunning the same command completes the wipe; the certificate is written exactly once.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { ROOT, cliEnv, runCli } from '../../helpers';
import { OWNER_PASS, unwrap } from '../../support/vault-fixture';
import { fillVault, type FilledVault } from '../../support/wipe-fixture';

jest.setTimeout(900_000);

const TRIALS = 20;
const CLIENT = '嘉兴示例实业有限公司';
const CLI = join(ROOT, 'bin', 'closeout.js');

interface Template {
  v: FilledVault;
  /** The folders a trial works in (fixed paths: the vault's tables name them) and their pristine copies. */
  work: string[];
  pristine: string;
  env: NodeJS.ProcessEnv;
  certs: string;
  key: Buffer;
}

function restore(t: Template): void {
  for (const [i, dir] of t.work.entries()) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(t.pristine, String(i)), dir, { recursive: true });
  }
  rmSync(t.certs, { recursive: true, force: true });
  mkdirSync(t.certs);
}

async function template(kind: 'records' | 'vault'): Promise<Template> {
  const v = await fillVault({ seed: kind === 'records' ? 21 : 22, count: 1500, clientName: CLIENT });
  const usb = `${v.dir}-usb`;
  mkdirSync(usb);
  if (kind === 'vault') {
    unwrap(await v.engine.call('backup.create', { dir: { path: usb } }));
    unwrap(
      await v.engine.call('records.export', { format: 'csv', file: { path: join(v.dir, 'export.csv') } }),
    );
  }
  unwrap(await v.engine.call('vault.lock', {}));
  const pristine = `${v.dir}-pristine`;
  const work = [v.dir, usb];
  for (const [i, dir] of work.entries()) cpSync(dir, join(pristine, String(i)), { recursive: true });
  return {
    v,
    work,
    pristine,
    env: cliEnv(v.dataDir, { CLOSEOUT_PASSPHRASE: OWNER_PASS }),
    certs: `${v.dir}-certs`,
    key: recoveryVaultKey(v.created.recoveryKey),
  };
}

const remove = async (t: Template) => {
  for (const d of [...t.work.slice(1), t.pristine, t.certs]) rmSync(d, { recursive: true, force: true });
  await t.v.remove();
};

/** Runs the CLI and kills it after `ms`; resolves with whether it was killed (or had finished). */
function runAndKill(args: string[], env: NodeJS.ProcessEnv, ms: number): Promise<'killed' | number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : (code ?? 1));
    });
  });
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = Date.now();
  const res = runCli(args, env);
  expect(res.stderr).toBe('');
  return Date.now() - started;
}

interface JournalFile {
  lines: Array<{ type: string; step?: string; path?: string; state?: string }>;
}

function journals(dataDir: string): JournalFile[] {
  const root = join(dataDir, 'wipes');
  if (!existsSync(root)) return [];
  return readdirSync(root).map((id) => ({
    lines: readFileSync(join(root, id, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => {
        try {
          return [JSON.parse(l)];
        } catch {
          return []; // the line the kill cut short
        }
      }),
  }));
}

const begun = (j: JournalFile[], path: string) =>
  j.some((f) => f.lines.some((l) => l.type === 'file' && l.path === path && l.state === 'begin'));
const stepped = (j: JournalFile[], step: string) => j.some((f) => f.lines.some((l) => l.step === step));

const certificates = (dir: string) =>
  readdirSync(dir).filter((f) => /^closeout-sanitisation-.*Z\.json$/.test(f));

/** Kill delays spread from the start of the wipe to its end (the CLI's start and unlock come first). */
function delays(start: number, end: number): number[] {
  return Array.from({ length: TRIALS }, (_, i) => Math.round(start + ((end - start) * (i + 0.5)) / TRIALS));
}

test('records wipe: 20 kills at random points, each rerun completes with one certificate', async () => {
  const t = await template('records');
  try {
    const args = ['wipe', 'records', t.v.file, '--certificate-dir', t.certs];
    restore(t);
    const start = timed(['wipe', 'records', t.v.file, '--dry-run'], t.env);
    restore(t);
    const full = timed(args, t.env);
    const outcomes: string[] = [];
    for (const ms of delays(start * 0.9, full)) {
      restore(t);
      const first = await runAndKill(args, t.env, ms);
      const j = journals(t.v.dataDir);
      const db = openVaultDatabase(t.v.file, t.key);
      try {
        const purged = db.prepare('SELECT count(*) AS n FROM wipes WHERE purged_at IS NOT NULL').get() as {
          n: number;
        };
        // A purge the vault committed is one the journal announced before it began.
        if (purged.n > 0) expect(stepped(j, 'purge-begin')).toBe(true);
      } finally {
        db.close();
      }
      outcomes.push(
        first === 'killed'
          ? (j[0]?.lines.filter((l) => l.type === 'step').at(-1)?.step ?? 'before-journal')
          : 'finished',
      );
      const rerun = runCli(args, t.env);
      // Killed after the journal's last step, the wipe was whole: the rerun finds nothing left to wipe
      // (and its certificate is there, below). Killed before, the rerun finishes it.
      const whole = j.length > 0 && j.every((f) => f.lines.some((l) => l.step === 'complete'));
      if (first === 'killed' && whole)
        expect({ ms, stderr: rerun.stderr, status: rerun.status }).toEqual({
          ms,
          stderr: expect.stringMatching(/^closeout: WIPE_NOTHING_TO_DO: /),
          status: 1,
        });
      else if (first === 'killed')
        expect({ ms, stderr: rerun.stderr, status: rerun.status }).toEqual({ ms, stderr: '', status: 0 });
      expect(certificates(t.certs)).toHaveLength(1);
      expect(journals(t.v.dataDir).every((f) => f.lines.some((l) => l.step === 'complete'))).toBe(true);
      const after = openVaultDatabase(t.v.file, t.key);
      try {
        expect(after.pragma('quick_check', { simple: true })).toBe('ok');
        expect(
          (
            after.prepare(`SELECT count(*) AS n FROM customers WHERE disposition = 'DESTROY'`).get() as {
              n: number;
            }
          ).n,
        ).toBe(0);
      } finally {
        after.close();
      }
    }
    // The kills landed in different steps of the wipe (not all before it, not all after).
    process.stdout.write(`records wipe, last journalled step at each kill: ${outcomes.join(', ')}\n`);
    expect(new Set(outcomes).size).toBeGreaterThan(2);
  } finally {
    await remove(t);
  }
});

test('vault wipe: 20 kills at random points, each rerun completes with one certificate', async () => {
  const t = await template('vault');
  try {
    const args = [
      'wipe',
      'vault',
      t.v.file,
      '--confirm',
      CLIENT,
      '--include-backups',
      '--retained-kept-elsewhere',
      '--certificate-dir',
      t.certs,
    ];
    restore(t);
    const start = timed(['wipe', 'vault', t.v.file, '--dry-run', '--include-backups'], t.env);
    restore(t);
    const full = timed(args, t.env);
    const usb = t.work[1];
    const backup = readdirSync(join(t.pristine, '1')).map((f) => join(usb, f));
    const outside = [...backup, join(t.v.dir, 'export.csv'), `${t.v.file}.keys`];
    const outcomes: string[] = [];
    for (const ms of delays(start * 0.9, full)) {
      restore(t);
      const first = await runAndKill(args, t.env, ms);
      const j = journals(t.v.dataDir);
      // Every file the wipe destroys that is gone or changed was announced in the journal first.
      for (const path of outside) {
        const original = join(
          t.pristine,
          path.startsWith(usb) ? '1' : '0',
          path.slice((path.startsWith(usb) ? usb : t.v.dir).length),
        );
        const intact = existsSync(path) && readFileSync(path).equals(readFileSync(original));
        if (!intact) expect({ path, journalled: begun(j, path) }).toEqual({ path, journalled: true });
      }
      if (!existsSync(t.v.file)) expect(begun(j, t.v.file)).toBe(true);
      outcomes.push(
        first === 'killed'
          ? (j[0]?.lines.filter((l) => l.type === 'step').at(-1)?.step ?? 'before-journal')
          : 'finished',
      );
      if (first === 'killed') {
        const rerun = runCli(args, t.env);
        expect({ ms, stderr: rerun.stderr, status: rerun.status }).toEqual({ ms, stderr: '', status: 0 });
      }
      expect(certificates(t.certs)).toHaveLength(1);
      for (const gone of [t.v.file, `${t.v.file}.keys`, `${t.v.file}-wal`, ...backup])
        expect(existsSync(gone)).toBe(false);
      expect(statSync(t.certs).isDirectory()).toBe(true);
    }
    process.stdout.write(`vault wipe, last journalled step at each kill: ${outcomes.join(', ')}\n`);
    expect(new Set(outcomes).size).toBeGreaterThan(2);
  } finally {
    await remove(t);
  }
});
