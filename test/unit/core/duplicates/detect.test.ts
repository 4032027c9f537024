import {
  forEachCandidatePair,
  NAME_BLOCK_CAP,
  STRONG_BLOCK_CAP,
} from '../../../../electron/core/duplicates/candidates';
import {
  addressTailKey,
  BLOCK_KINDS,
  blockingKeys,
  type BlockKind,
} from '../../../../electron/core/duplicates/keys';
import { Random } from '../../../fixtures/random';
import { components, UnionFind } from '../../../../electron/core/duplicates/cluster';
import { detectDuplicates } from '../../../../electron/core/duplicates/detect';
import type { DedupeRecord } from '../../../../electron/core/duplicates/keys';
import { suggestMerge } from '../../../../electron/core/duplicates/merge-plan';
import type { ClusterMember } from '../../../../shared/contract';

let nextId = 1;
const record = (over: Partial<DedupeRecord>): DedupeRecord => ({
  id: nextId++,
  name: null,
  organisation: null,
  phone: null,
  email: null,
  idNumber: null,
  idNumberStatus: 'missing',
  creditCode: null,
  creditCodeStatus: 'missing',
  address: null,
  ...over,
});

describe('union-find and components', () => {
  test('joins and finds', () => {
    const uf = new UnionFind(5);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 0)).toBe(false);
    uf.union(3, 4);
    expect(uf.find(0)).toBe(uf.find(1));
    expect(uf.find(0)).not.toBe(uf.find(3));
  });

  test('a component scores its weakest tree link; two identities never join', () => {
    const ids = new Map([
      [0, new Map([['idNumber', 'A']])],
      [2, new Map([['idNumber', 'B']])],
    ]);
    const c = components(
      4,
      [
        { i: 0, j: 1, score: 90, data: 'x' },
        { i: 1, j: 2, score: 60, data: 'y' },
        { i: 0, j: 3, score: 70, data: 'z' },
      ],
      (i) => ids.get(i) ?? null,
    );
    expect(c).toHaveLength(1);
    expect(c[0].members).toEqual([0, 1, 3]);
    expect(c[0].score).toBe(70);
    expect(c[0].conflicts.map((l) => l.data)).toEqual(['y']);
  });
});

describe('blocking caps', () => {
  test('5000 people called 张伟 do not become 12.5 million pairs', () => {
    const records = Array.from({ length: 5000 }, (_, i) =>
      record({ name: '张伟', address: `北京市朝阳区建国路${i}号院${i % 7}号楼` }),
    );
    let pairs = 0;
    const stats = forEachCandidatePair(records, () => pairs++);
    // Split by the end of the address: only namesakes at the same address are compared.
    expect(stats.split).toBe(1);
    expect(pairs).toBeLessThan(5000);
  });

  test('a switchboard number on 500 staff rows compares only staff with the same name', () => {
    const names = ['王芳', '李强', '刘洋'];
    const records = Array.from({ length: 500 }, (_, i) =>
      record({ name: i < 3 ? '陈大文' : `${names[i % 3]}${i}`, phone: '+862188886666' }),
    );
    const seen: Array<[number, number]> = [];
    forEachCandidatePair(records, (i, j) => seen.push([i, j]));
    expect(records.length).toBeGreaterThan(STRONG_BLOCK_CAP);
    expect(seen).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  test('a small name block is compared whole', () => {
    const records = Array.from({ length: NAME_BLOCK_CAP }, () => record({ name: '陳大文' }));
    let pairs = 0;
    forEachCandidatePair(records, () => pairs++);
    expect(pairs).toBe((NAME_BLOCK_CAP * (NAME_BLOCK_CAP - 1)) / 2);
  });
});

/** Candidate pairs the plain way (an array per key value, a Set of every pair): what the blocking gives. */
function plainCandidatePairs(records: readonly DedupeRecord[]) {
  const keys = records.map(blockingKeys);
  const n = records.length;
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const stats = { blocks: {} as Record<BlockKind, number>, split: 0, oversized: 0 };
  const emit = (members: readonly number[]) => {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x], members[y]);
        const j = Math.max(members[x], members[y]);
        if (!seen.has(i * n + j)) {
          seen.add(i * n + j);
          pairs.push([i, j]);
        }
      }
  };
  const groups = (members: readonly number[], key: (i: number) => string | null) => {
    const out = new Map<string, number[]>();
    for (const i of members) {
      const k = key(i);
      if (k !== null) out.set(k, [...(out.get(k) ?? []), i]);
    }
    return [...out.values()];
  };
  for (const kind of BLOCK_KINDS) {
    stats.blocks[kind] = 0;
    const cap = kind === 'name' ? NAME_BLOCK_CAP : STRONG_BLOCK_CAP;
    const second = (i: number) => {
      if (kind !== 'name') return keys[i].name;
      const tail = addressTailKey(records[i].address);
      return tail === null || keys[i].name === null ? null : tail;
    };
    for (const members of groups(
      records.map((_, i) => i),
      (i) => keys[i][kind],
    )) {
      if (members.length < 2) continue;
      stats.blocks[kind]++;
      if (members.length <= cap) emit(members);
      else {
        stats.split++;
        for (const group of groups(members, second))
          if (group.length > cap) stats.oversized++;
          else if (group.length > 1) emit(group);
      }
    }
  }
  return { pairs, stats };
}

describe('candidate pairs', () => {
  test('the same pairs in the same order, and the same counts, as the plain blocking', () => {
    // Few values per field, so records share keys of several kinds at once and some blocks exceed
    // their cap (split, and pieces left out).
    const r = new Random(20261206);
    const some = <T>(values: readonly T[], rate: number) => (r.next() < rate ? r.pick(values) : null);
    const names = ['张伟', '王芳', '李强', '陈大文', '陳大文', 'Chen Dawen', '刘洋', '赵敏'];
    const phones = Array.from({ length: 40 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
    const emails = ['a@example.com', 'b@example.com', 'x.y+z@gmail.com', 'xy@gmail.com', 'c@qq.com'];
    const ids = ['11010519491231002X', '110105491231002', '440524188001010014'];
    const addresses = [
      '北京市朝阳区建国路1号院2号楼',
      '上海市浦东新区世纪大道100号',
      '广州市天河区体育西路3号',
    ];
    const records = Array.from({ length: 3000 }, (_, i) =>
      record({
        name: some(names, 0.9),
        phone: i % 3 === 0 ? '+862188886666' : some(phones, 0.6),
        email: some(emails, 0.3),
        idNumber: some(ids, 0.05),
        address: some(addresses, 0.8),
      }),
    );
    const expected = plainCandidatePairs(records);
    const pairs: Array<[number, number]> = [];
    const stats = forEachCandidatePair(records, (i, j) => pairs.push([i, j]));
    expect(expected.stats.split).toBeGreaterThan(0);
    expect(expected.stats.oversized).toBeGreaterThan(0);
    expect(expected.pairs.length).toBeGreaterThan(10_000);
    expect(stats).toEqual(expected.stats);
    expect(pairs).toEqual(expected.pairs);
  });
});

describe('detectDuplicates', () => {
  test('spellings of one customer form one cluster with an explanation; a namesake with another ID stays out', async () => {
    const a = record({
      name: '陳大文',
      phone: '+8613812345678',
      idNumber: '11010519491231002X',
      idNumberStatus: 'valid',
    });
    const b = record({ name: '陈 大文', phone: '+8613812345678', email: 'dawen@example.cn' });
    const c = record({
      name: 'Chen Dawen',
      email: 'DaWen@example.cn',
      idNumber: '11010519491231002x',
      idNumberStatus: 'valid',
    });
    // Same e-mail and name as b, but a different valid ID number than a and c: someone else.
    const d = record({
      name: '陈大文',
      email: 'dawen@example.cn',
      idNumber: '110105194912310021',
      idNumberStatus: 'valid',
    });
    const other = record({ name: '李强', phone: '+8613900000000' });
    const found = await detectDuplicates([a, b, c, d, other]);
    expect(found.clusters).toHaveLength(1);
    const [cluster] = found.clusters;
    expect(cluster.members).toEqual([a.id, b.id, c.id]);
    expect(cluster.explanation.matched).toEqual(expect.arrayContaining(['idNumber', 'phone', 'name']));
    expect(cluster.explanation.links).toHaveLength(2);
    expect(cluster.explanation.conflicts.some((l) => l.a === d.id || l.b === d.id)).toBe(true);
  });

  test('pairs taken apart are never linked', async () => {
    const a = record({ name: '陈大文', phone: '+8613812345678' });
    const b = record({ name: '陳大文', phone: '+8613812345678' });
    expect((await detectDuplicates([a, b])).clusters).toHaveLength(1);
    expect(
      (await detectDuplicates([a, b], { apart: (x, y) => x + y === a.id + b.id })).clusters,
    ).toHaveLength(0);
  });
});

describe('suggestMerge', () => {
  const member = (
    id: number,
    values: Partial<ClusterMember['values']>,
    status: Partial<ClusterMember['status']> = {},
  ) => ({
    id,
    values: {
      name: null,
      organisation: null,
      phone: null,
      email: null,
      wechat: null,
      idNumber: null,
      creditCode: null,
      address: null,
      country: null,
      product: null,
      lastOrderDate: null,
      customerType: null,
      lifetimeValue: null,
      notes: null,
      currency: null,
      ...values,
    },
    status: {
      phone: 'missing',
      email: 'missing',
      wechat: 'missing',
      idNumber: 'missing',
      creditCode: 'missing',
      ...status,
    } as ClusterMember['status'],
  });

  test('the fullest record survives; a missing or invalid value is filled from a valid one', () => {
    const plan = suggestMerge([
      member(1, { name: '陈大文', phone: '138', email: 'bad@' }, { phone: 'invalid', email: 'invalid' }),
      member(
        2,
        { name: '陳大文', phone: '+8613812345678', address: '北京', idNumber: '11010519491231002X' },
        { phone: 'valid', idNumber: 'valid' },
      ),
      member(3, { email: 'dawen@example.cn' }, { email: 'valid' }),
    ]);
    expect(plan.survivorId).toBe(2);
    expect(plan.chosen).toMatchObject({ name: 2, phone: 2, email: 3, idNumber: 2, address: 2, notes: 2 });
  });
});
