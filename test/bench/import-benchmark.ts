// import.run on an N-row customer CSV (the whole pipeline: read and decode, map, normalise, validate,
// insert, index for search, classify, audit; one transaction into a real vault), against Debian's sqlite3
// CLI `.import` of the same file into a plain table — the floor of "getting the rows into SQLite".
// Used by import.bench.ts (UTF-8) and import-gbk.bench.ts (GB18030, as Excel on Chinese Windows saves).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import type { CsvEncoding } from '../fixtures/write-csv';
import { commandSide, defineBenchmark, nodeSide, SkipBenchmark } from './harness';

interface State {
  file: string;
  rows: number;
  scratch: string;
  plainDb: string;
}

interface Prepared {
  engine: EngineClient;
  dir: string;
}

const PASS = 'Bench-owner-passphrase-2026!';
let runs = 0;

const remove = (file: string) =>
  ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(file + s, { force: true }));

export function importBenchmark(encoding: CsvEncoding, name: string) {
  return defineBenchmark<State>({
    name,
    summary: `import.run of an N-row ${encoding} customer CSV into a vault (parse, normalise, validate, classify, index) vs sqlite3 .import`,
    async setup(ctx) {
      if (!existsSync('/usr/bin/sqlite3')) throw new SkipBenchmark('Debian sqlite3 CLI not installed');
      const data = await ctx.dataset({ encoding, header: 'zh' });
      return {
        state: {
          file: data.path,
          rows: data.rows,
          scratch: ctx.scratchDir,
          plainDb: join(ctx.scratchDir, 'import-plain.sqlite'),
        },
        work: { amount: data.rows, unit: 'rows' },
      };
    },
    candidate: nodeSide<State, Prepared>({
      label: 'closeout import.run (vault, one transaction)',
      // The import's peak, not vault.create's (Argon2id's 128 MiB peaks about as high as a small import).
      peakOfRunOnly: true,
      // Untimed: a fresh vault each run (Argon2id and the signing key are not the import's cost).
      async prepare(s) {
        const dir = join(s.scratch, `import-${process.pid}-${runs++}`);
        mkdirSync(dir, { recursive: true });
        const engine = createEngine({ dataDir: join(dir, 'data'), electronVersion: null });
        const created = await engine.call('vault.create', {
          file: { path: join(dir, 'bench.cvault') },
          details: { clientName: '基准测试有限公司' },
          owner: { name: 'owner', passphrase: PASS },
        });
        if (!created.ok) throw new Error(created.error.message);
        return { engine, dir };
      },
      async run(_s, p) {
        const result = await p.engine.call('import.run', { inputs: [{ file: { path: _s.file } }] });
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        return String(result.value.totals.imported + result.value.totals.quarantined);
      },
      async dispose(_s, p) {
        await p.engine.close();
        rmSync(p.dir, { recursive: true, force: true });
      },
    }),
    references: [
      commandSide<State>({
        label: 'sqlite3 .import (plain SQLite, no validation)',
        before: (s) => remove(s.plainDb),
        command: (s) => [
          '/usr/bin/sqlite3',
          s.plainDb,
          '.mode csv',
          `.import ${s.file} customers`,
          'SELECT count(*) FROM customers;',
        ],
        check: (_s, stdout) => stdout.trim(),
      }),
    ],
    goal: { ratio: 3, note: 'full import ≤ 3× the bare sqlite3 .import' },
    verify(outputs, s) {
      for (const [label, count] of Object.entries(outputs))
        if (count !== String(s.rows))
          throw new Error(`${label} accounted for ${count} rows, expected ${s.rows}`);
    },
    teardown(s) {
      remove(s.plainDb);
    },
  });
}
