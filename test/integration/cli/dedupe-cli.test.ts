// `closeout dedupe` as a script runs it: JSON with every cluster, its score, matched fields and the
// source rows (file, sheet, row) of its members — checked against the generator's truth — then the
// review commands, and one clear error for bad arguments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';

jest.setTimeout(120_000);

const PASS = 'Dedupe-script-passphrase-9';
const ROWS = 1500;
let dir: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
const generated = [...generateCustomers(99, ROWS)];

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  return JSON.parse(res.stdout);
};

interface Report {
  id: number;
  score: number;
  status: string;
  matched: string[];
  members: Array<{ id: number; sources: Array<{ file: string; sheet: string | null; row: number }> }>;
}

beforeAll(() => {
  dir = tempDir('closeout-dcli-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  mkdirSync(join(dir.path, 'v'));
  vault = join(dir.path, 'v', 'shop.cvault');
  const created = runCli(
    [
      'vault',
      'create',
      vault,
      '--client',
      '广州示例贸易有限公司',
      '--owner',
      'boss',
      '--recovery-key-out',
      join(dir.path, 'key.txt'),
    ],
    env,
  );
  expect(created.status).toBe(0);
  const csv = join(dir.path, 'customers.csv');
  writeFileSync(csv, encodeCsv(generated.map((g) => g.row)));
  const imported = runCli(['import', vault, csv, '--json'], env);
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
});
afterAll(() => dir.remove());

describe('closeout dedupe (CLI)', () => {
  let clusters: Report[];

  test('--json: clusters with score, matched fields and member source rows that are true duplicates', () => {
    const out = json(['dedupe', vault]);
    clusters = out.clusters;
    expect(out.found).toBe(clusters.length);
    expect(clusters.length).toBeGreaterThan(10);
    let right = 0;
    let pairs = 0;
    for (const c of clusters) {
      expect(c.score).toBeGreaterThanOrEqual(out.threshold);
      expect(c.matched.length).toBeGreaterThan(0);
      const people = c.members.map((m) => {
        expect(m.sources).toHaveLength(1);
        expect(m.sources[0]).toMatchObject({ file: 'customers.csv', sheet: null });
        return generated[m.sources[0].row - 2].truth.personId;
      });
      for (let x = 0; x < people.length; x++)
        for (let y = x + 1; y < people.length; y++) {
          pairs++;
          if (people[x] === people[y]) right++;
        }
    }
    expect(right / pairs).toBeGreaterThanOrEqual(0.95);
  });

  test('merge with a chosen field, then unmerge', () => {
    const [c] = clusters.filter((x) => x.members.length === 2);
    const [a, b] = c.members;
    const merged = json([
      'dedupe',
      'merge',
      vault,
      String(c.id),
      '--survivor',
      String(a.id),
      '--take',
      `email=${b.id}`,
    ]);
    expect(merged).toMatchObject({ clusterId: c.id, survivorId: a.id, mergedIds: [b.id] });
    const listed = json(['dedupe', 'clusters', vault, '--status', 'merged']);
    expect(listed.clusters.map((x: { id: number }) => x.id)).toContain(c.id);
    expect(json(['dedupe', 'unmerge', vault, String(merged.mergeId)])).toMatchObject({
      mergeId: merged.mergeId,
    });
  });

  test('--merge-above merges the strongest clusters; decided ones are kept', () => {
    const out = json(['dedupe', vault, '--merge-above', '95']);
    expect(out.autoMerged.clusters).toBe(clusters.filter((c) => c.score >= 95).length);
    expect(out.clusters.filter((c: Report) => c.status === 'merged')).toHaveLength(out.autoMerged.clusters);
  });

  test('a bad score is one clear error and changes nothing', () => {
    const res = runCli(['dedupe', vault, '--merge-above', '120'], env);
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('INVALID_INPUT');
  });
});
