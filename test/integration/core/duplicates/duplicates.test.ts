// Duplicate detection, review and merging on a real vault filled by the real import from a seeded
// generator file: pairs found are compared with the generator's truth (precision and recall), merges
// are undone to the last column, and every change is in the audit chain.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { searchMatch } from '../../../../shared/search-grams';
import type { ClusterView } from '../../../../shared/contract';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { generateCustomers, type GeneratedCustomer } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(180_000);

const ROWS = Number(process.env.DEDUPE_ROWS ?? 4000);
const SEED = Number(process.env.DEDUPE_SEED ?? 20261128);
let v: VaultFixture;
let generated: GeneratedCustomer[];

function peek<T>(fn: (db: VaultDb) => T): T {
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const call = async <T>(op: string, input: unknown): Promise<T> =>
  unwrap(await v.engine.call(op as 'duplicates.clusters', input)) as T;

/** Every row of the tables a merge touches, in id order (FTS: which records a search finds). */
const snapshot = () =>
  peek((db) => ({
    customers: db.prepare('SELECT * FROM customers ORDER BY id').all(),
    clusters: db.prepare('SELECT * FROM clusters ORDER BY id').all(),
  }));

const searchIds = (text: string) =>
  peek((db) =>
    (
      db
        .prepare('SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?')
        .all(searchMatch(text)) as Array<{
        id: number;
      }>
    ).map((r) => r.id),
  );

/** The generator's row index of each record (CSV: header is row 1, data row i is row i + 2). */
const truthIndex = () =>
  new Map(
    peek(
      (db) =>
        db.prepare('SELECT id, source_line AS line FROM customers').all() as Array<{
          id: number;
          line: number;
        }>,
    ).map((r) => [r.id, r.line - 2]),
  );

beforeAll(async () => {
  v = await makeVault();
  generated = [...generateCustomers(SEED, ROWS)];
  const file = join(v.dir, '客户名单.csv');
  writeFileSync(file, encodeCsv(generated.map((g) => g.row)));
  const imported = unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: file } }] }));
  expect(imported).toBeTruthy();
});
afterAll(() => v.remove());

describe('duplicates.run against the generator truth', () => {
  let found: Array<{ a: number; b: number }>;

  test('finds the duplicate pairs with high precision and recall', async () => {
    const result = await call<{ found: number; records: number; kept: number }>('duplicates.run', {});
    expect(result.found).toBeGreaterThan(0);
    const index = truthIndex();
    const records = index.size;
    expect(result.records).toBe(records);

    const members = peek(
      (db) =>
        db.prepare('SELECT id, cluster_id AS k FROM customers WHERE cluster_id IS NOT NULL').all() as Array<{
          id: number;
          k: number;
        }>,
    );
    const byCluster = new Map<number, number[]>();
    for (const m of members) byCluster.set(m.k, [...(byCluster.get(m.k) ?? []), m.id]);
    expect(byCluster.size).toBe(result.found);
    found = [];
    for (const ids of byCluster.values())
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) found.push({ a: ids[x], b: ids[y] });

    const person = new Map([...index].map(([id, i]) => [id, generated[i].truth.personId]));
    const byPerson = new Map<number, number>();
    for (const p of person.values()) byPerson.set(p, (byPerson.get(p) ?? 0) + 1);
    let truePairs = 0;
    for (const n of byPerson.values()) truePairs += (n * (n - 1)) / 2;
    const correct = found.filter(({ a, b }) => person.get(a) === person.get(b)).length;
    const precision = correct / found.length;
    const recall = correct / truePairs;
    console.log(
      `dedupe on ${records} imported rows (seed ${SEED}): ${found.length} pairs found, ${truePairs} true, ` +
        `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`,
    );
    expect(truePairs).toBeGreaterThan(100);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);

    const audit = peek((db) =>
      db
        .prepare(`SELECT params, counts FROM audit WHERE op = 'duplicates.run' ORDER BY seq DESC LIMIT 1`)
        .get(),
    ) as {
      params: string;
      counts: string;
    };
    expect(JSON.parse(audit.counts)).toMatchObject({ records, clusters: result.found });
  });

  test('clusters come with scores, explanations and their members’ source rows', async () => {
    const page = await call<{ total: number; clusters: ClusterView[] }>('duplicates.clusters', { limit: 20 });
    expect(page.total).toBeGreaterThan(20);
    expect(page.clusters).toHaveLength(20);
    const scores = page.clusters.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const c of page.clusters) {
      expect(c.status).toBe('pending');
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      expect(c.explanation.matched.length).toBeGreaterThan(0);
      expect(c.explanation.links.length).toBe(c.members.length - 1);
      for (const m of c.members) {
        expect(m.sources[0]).toMatchObject({ file: '客户名单.csv', sheet: null });
        // The source row names the generator row the record came from.
        expect(generated[m.sources[0].row - 2].row.name.trim()).not.toBe('');
      }
    }
  });
});

describe('review: decide, split, merge, unmerge', () => {
  const pending = async (minMembers = 2) =>
    (
      await call<{ clusters: ClusterView[] }>('duplicates.clusters', { status: 'pending', limit: 500 })
    ).clusters.filter((c) => c.members.length >= minMembers);

  test('merge then unmerge restores every column exactly, both audited, search follows', async () => {
    const [cluster] = (await pending()).filter((c) =>
      c.members.some((m) => m.values.name !== c.members[0].values.name),
    );
    expect(cluster).toBeDefined();
    const [survivor, other] = cluster.members;
    const before = snapshot();
    const otherName = String(other.values.name);
    expect(searchIds(otherName)).toContain(other.id);

    const merged = await call<{ mergeId: number; survivorId: number; mergedIds: number[] }>(
      'duplicates.merge',
      {
        clusterId: cluster.id,
        survivorId: survivor.id,
        chosen: { name: other.id },
      },
    );
    expect(merged.survivorId).toBe(survivor.id);
    expect(merged.mergedIds).toEqual(cluster.members.filter((m) => m.id !== survivor.id).map((m) => m.id));
    const after = peek(
      (db) =>
        db
          .prepare('SELECT id, name, merged_into FROM customers WHERE id IN (?, ?)')
          .all(survivor.id, other.id) as Array<{
          id: number;
          name: string;
          merged_into: number | null;
        }>,
    );
    expect(after.find((r) => r.id === survivor.id)).toMatchObject({
      name: other.values.name,
      merged_into: null,
    });
    expect(after.find((r) => r.id === other.id)).toMatchObject({ merged_into: survivor.id });
    // The merged record leaves the index; the survivor is found by the name it now has.
    expect(searchIds(otherName)).not.toContain(other.id);
    expect(searchIds(otherName)).toContain(survivor.id);
    const [view] = (await call<{ clusters: ClusterView[] }>('duplicates.clusters', { clusterId: cluster.id }))
      .clusters;
    expect(view.status).toBe('merged');
    expect(view.merge).toMatchObject({ id: merged.mergeId, survivorId: survivor.id });
    // The survivor carries the source rows of the records merged into it.
    const survivorView = view.members.find((m) => m.id === survivor.id)!;
    expect(survivorView.sources.map((s) => s.row).sort()).toEqual(
      cluster.members.map((m) => m.sources[0].row).sort(),
    );

    await call('duplicates.unmerge', { mergeId: merged.mergeId });
    expect(snapshot()).toEqual(before);
    expect(searchIds(otherName)).toContain(other.id);
    const again = await v.engine.call('duplicates.unmerge', { mergeId: merged.mergeId });
    expect(again.ok ? null : again.error.code).toBe('DEDUPE_MERGE_UNDONE');

    const entries = peek(
      (db) =>
        db
          .prepare(
            `SELECT op, params FROM audit WHERE op IN ('duplicates.merge', 'duplicates.unmerge') ORDER BY seq`,
          )
          .all() as Array<{
          op: string;
          params: string;
        }>,
    );
    expect(entries.map((e) => e.op)).toEqual(['duplicates.merge', 'duplicates.unmerge']);
    expect(JSON.parse(entries[0].params)).toMatchObject({
      clusterId: cluster.id,
      survivorId: survivor.id,
      fromOthers: ['name'],
    });
    // Ids and field names only: no customer value in the audit chain.
    for (const e of entries) expect(e.params).not.toContain(otherName);
  });

  test('a rejected cluster stays rejected across runs, and a split record is not linked back', async () => {
    const [toReject, toSplit] = await pending();
    await call('duplicates.decide', { clusterId: toReject.id, decision: 'reject' });
    const out = toSplit.members[0].id;
    const split = await call<{ cluster: ClusterView | null }>('duplicates.split', {
      clusterId: toSplit.id,
      recordId: out,
    });
    if (split.cluster) expect(split.cluster.members.map((m) => m.id)).not.toContain(out);

    await call('duplicates.run', {});
    const [rejected] = (
      await call<{ clusters: ClusterView[] }>('duplicates.clusters', { clusterId: toReject.id })
    ).clusters;
    expect(rejected.status).toBe('rejected');
    expect(rejected.members.map((m) => m.id)).toEqual(toReject.members.map((m) => m.id));
    const clusterOf = (id: number) =>
      peek(
        (db) =>
          (db.prepare('SELECT cluster_id AS k FROM customers WHERE id = ?').get(id) as { k: number | null })
            .k,
      );
    const outCluster = clusterOf(out);
    for (const m of toSplit.members.slice(1))
      if (outCluster !== null) expect(clusterOf(m.id)).not.toBe(outCluster);
  });

  test('bad requests change nothing and say what is wrong', async () => {
    const before = snapshot();
    const [cluster] = await pending();
    const notMember = await v.engine.call('duplicates.merge', { clusterId: cluster.id, survivorId: 999_999 });
    expect(notMember.ok ? null : notMember.error.code).toBe('DEDUPE_NOT_A_MEMBER');
    const missing = await v.engine.call('duplicates.decide', { clusterId: 999_999, decision: 'accept' });
    expect(missing.ok ? null : missing.error.code).toBe('DEDUPE_CLUSTER_NOT_FOUND');
    expect(snapshot()).toEqual(before);
  });

  test('a cancelled run commits nothing: clusters, records and the audit chain as they were', async () => {
    const before = snapshot();
    const auditBefore = peek(
      (db) => (db.prepare('SELECT max(seq) AS n FROM audit').get() as { n: number }).n,
    );
    const jobId = 'dedupe-cancel-1';
    const pending = v.engine.call('duplicates.run', { mergeAbove: 0 }, { jobId });
    await v.engine.call('job.cancel', { job: jobId });
    const res = await pending;
    expect(res.ok ? 'ok' : res.error.code).toBe('CANCELLED');
    expect(snapshot()).toEqual(before);
    expect(peek((db) => (db.prepare('SELECT max(seq) AS n FROM audit').get() as { n: number }).n)).toBe(
      auditBefore,
    );
  });

  test('auto-merge above a score merges exactly the pending clusters at or above it', async () => {
    const all = (
      await call<{ clusters: ClusterView[] }>('duplicates.clusters', { status: 'pending', limit: 500 })
    ).clusters;
    const rerun = await call<{ found: number; autoMerged: { clusters: number; records: number } }>(
      'duplicates.run',
      {
        mergeAbove: 90,
      },
    );
    const page = await call<{ byStatus: Record<string, number>; clusters: ClusterView[] }>(
      'duplicates.clusters',
      {
        status: 'pending',
        limit: 500,
      },
    );
    expect(page.clusters.every((c) => c.score < 90)).toBe(true);
    expect(rerun.autoMerged.clusters).toBe(all.filter((c) => c.score >= 90).length);
    expect(rerun.autoMerged.clusters).toBeGreaterThan(0);
    const merged = peek(
      (db) =>
        (
          db.prepare('SELECT count(*) AS n FROM customers WHERE merged_into IS NOT NULL').get() as {
            n: number;
          }
        ).n,
    );
    expect(merged).toBe(rerun.autoMerged.records);
    const counts = peek((db) =>
      JSON.parse(
        (
          db
            .prepare(`SELECT counts FROM audit WHERE op = 'duplicates.run' ORDER BY seq DESC LIMIT 1`)
            .get() as {
            counts: string;
          }
        ).counts,
      ),
    );
    expect(counts).toMatchObject({
      autoMergedClusters: rerun.autoMerged.clusters,
      autoMergedRecords: rerun.autoMerged.records,
    });
  });
});
