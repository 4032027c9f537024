// fixtures.csv: how fast the seeded generator streams customers to a UTF-8 CSV (no reference tool: the
// number matters because every other benchmark, and the fixtures CLI, waits on it).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { customerRows } from '../fixtures/customers';
import { writeCsvFile } from '../fixtures/write-csv';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  rows: number;
  seed: number;
  out: string;
}

export default defineBenchmark<State>({
  name: 'fixtures.csv',
  summary: 'generate N seeded customers and stream them to a UTF-8 CSV file',
  setup: (ctx) => ({
    state: { rows: ctx.rows, seed: ctx.seed, out: join(ctx.scratchDir, 'fixtures.csv') },
    work: { amount: ctx.rows, unit: 'rows' },
  }),
  candidate: nodeSide<State>({
    label: 'closeout fixtures → CSV',
    before: (s) => rmSync(s.out, { force: true }),
    run: async (s) => {
      await writeCsvFile(s.out, customerRows(s.seed, s.rows));
    },
    check: (s) => String(statSync(s.out).size),
  }),
  teardown: (s) => rmSync(s.out, { force: true }),
});
