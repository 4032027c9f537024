// Candidate pairs by blocking: records are compared only with records that share a blocking key, so
// the work grows with the number of duplicates, not with the square of the vault. Pure.
//
// A block is all records with one key value. Most are small (one person's rows), but some are not: a
// company switchboard number on the rows of all its staff, or 张伟 on five thousand different people.
// Comparing every pair of such a block is quadratic (5000 rows → 12.5 M pairs) and finds nothing the
// score would keep, so a block over its cap is split by a second field that must also agree — a
// shared phone, e-mail or identifier by the name, a shared name by the end of the address — and any
// piece still over the cap is left out (counted in `oversized`, never silently).
import { KEYED_FIELDS } from '../../../shared/customer/columns';
import {
  addressTailKey,
  BLOCK_KINDS,
  blockingKeys,
  phoneKeys,
  type BlockKind,
  type DedupeRecord,
} from './keys';
import { SHARED_BY } from './score';

/** Records sharing a phone, e-mail, ID number, credit code or keyed field: beyond this the name must agree too. */
export const STRONG_BLOCK_CAP = 100;
/** Records sharing only a name key: beyond this the end of the address must agree too. */
export const NAME_BLOCK_CAP = 12;

export interface CandidateStats {
  /** Blocks with two or more records, by kind. */
  blocks: Record<BlockKind, number>;
  /** Blocks over their cap that were split by a second field. */
  split: number;
  /** Pieces still over the cap after the split, left out. */
  oversized: number;
}

/** The records sharing one key value of one kind (two or more). */
export interface Block {
  kind: BlockKind;
  /** Member numbers, ascending, each once. */
  members: readonly number[];
  /**
   * Members whose own key of the kind this is (counted for `shared`); null when all are. A phone block
   * also holds records by a further number of their phone cell, which do not count.
   */
  own: readonly boolean[] | null;
}

/**
 * Where the blocks come from: records held in memory (below) or the vault, streamed from SQL
 * (vault-source.ts). Records are numbered; the numbers index the typed arrays of detection.
 */
export interface BlockSource {
  /** Numbers are below this. */
  readonly limit: number;
  /** Every block of two or more records, kind by kind in BLOCK_KINDS order. */
  blocks(): Iterable<Block>;
  /** What an oversized block is split by, per member: the end of the address for a name block, else the name key. */
  splitKeys(block: Block): ReadonlyArray<string | null>;
}

/**
 * Calls `pair(i, j)` (record numbers, i < j) once for every candidate pair, and `shared(kind, i)` for
 * every record whose own phone, e-mail or keyed value is on more than SHARED_BY records. Returns counts.
 */
export function candidatePairs(
  source: BlockSource,
  pair: (i: number, j: number) => void,
  shared: (kind: BlockKind, i: number) => void = () => undefined,
): CandidateStats {
  const seen = new PairSet(source.limit);
  const stats: CandidateStats = {
    blocks: Object.fromEntries(BLOCK_KINDS.map((kind) => [kind, 0])) as Record<BlockKind, number>,
    split: 0,
    oversized: 0,
  };
  const emit = (members: readonly number[]) => {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x], members[y]);
        const j = Math.max(members[x], members[y]);
        if (seen.add(i, j)) pair(i, j);
      }
  };
  for (const block of source.blocks()) {
    const { kind, members, own } = block;
    if (SHARED_KINDS.has(kind)) {
      let owners = 0;
      for (let m = 0; m < members.length; m++) if (own === null || own[m]) owners++;
      if (owners > SHARED_BY)
        for (let m = 0; m < members.length; m++) if (own === null || own[m]) shared(kind, members[m]);
    }
    stats.blocks[kind]++;
    const cap = kind === 'name' ? NAME_BLOCK_CAP : STRONG_BLOCK_CAP;
    if (members.length <= cap) {
      emit(members);
      continue;
    }
    stats.split++;
    const second = source.splitKeys(block);
    const groups = new Map<string, number[]>();
    for (let m = 0; m < members.length; m++) {
      const k = second[m];
      if (k === null) continue;
      const group = groups.get(k);
      if (group) group.push(members[m]);
      else groups.set(k, [members[m]]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      if (group.length > cap) stats.oversized++;
      else emit(group);
    }
  }
  return stats;
}

/** The kinds whose value tells less when many records share it (score.ts `shared`). */
const SHARED_KINDS = new Set<BlockKind>(['phone', 'email', ...KEYED_FIELDS]);

/**
 * Calls `pair(i, j)` (indices into `records`, i < j) once for every candidate pair. Returns counts.
 * `keys` may be given when the caller has them already.
 */
export function forEachCandidatePair(
  records: readonly DedupeRecord[],
  pair: (i: number, j: number) => void,
  keys: ReadonlyArray<Record<BlockKind, string | null>> = records.map(blockingKeys),
  shared?: (kind: BlockKind, i: number) => void,
): CandidateStats {
  return candidatePairs(recordBlocks(records, keys), pair, shared);
}

/**
 * The blocks of records held in memory, numbered by their index. Each block as a chain of entries
 * (first entry, next entry, size), not an array per key value: a million keys would otherwise be a
 * million small arrays at once. An entry is a record in one block; a record has one entry per kind, or
 * one per number of its phone cell. Blocks come in the order their key first appears, members in
 * record order.
 */
export function recordBlocks(
  records: readonly DedupeRecord[],
  keys: ReadonlyArray<Record<BlockKind, string | null>> = records.map(blockingKeys),
): BlockSource {
  const n = records.length;
  return {
    limit: n,
    blocks: () => chainedBlocks(records, keys),
    splitKeys: ({ kind, members }) =>
      members.map((i) => {
        if (kind !== 'name') return keys[i].name;
        const tail = addressTailKey(records[i].address);
        return tail === null || keys[i].name === null ? null : tail;
      }),
  };
}

function* chainedBlocks(
  records: readonly DedupeRecord[],
  keys: ReadonlyArray<Record<BlockKind, string | null>>,
): Generator<Block> {
  const n = records.length;
  let capacity = Math.max(n, 1);
  let record = new Int32Array(capacity);
  let next = new Int32Array(capacity);
  let first = new Int32Array(capacity);
  let last = new Int32Array(capacity);
  let size = new Int32Array(capacity);
  let owned = new Uint8Array(capacity);
  const grow = () => {
    capacity *= 2;
    const wider = <A extends Int32Array | Uint8Array>(from: A): A => {
      const to = new (from.constructor as new (length: number) => A)(capacity);
      to.set(from);
      return to;
    };
    [record, next, first, last, size] = [record, next, first, last, size].map(wider);
    owned = wider(owned);
  };
  for (const kind of BLOCK_KINDS) {
    const blockOf = new Map<string, number>();
    let entries = 0;
    const put = (k: string, i: number, own: boolean) => {
      if (entries === capacity) grow();
      const e = entries++;
      record[e] = i;
      owned[e] = own ? 1 : 0;
      const b = blockOf.get(k);
      if (b === undefined) {
        const fresh = blockOf.size;
        blockOf.set(k, fresh);
        first[fresh] = last[fresh] = e;
        size[fresh] = 1;
      } else {
        next[last[b]] = e;
        last[b] = e;
        size[b]++;
      }
    };
    for (let i = 0; i < n; i++) {
      // A record is in the block of every number of its phone cell, not only the first.
      if (kind === 'phone' && records[i].phones?.length)
        for (const k of phoneKeys(records[i])) put(k, i, k === keys[i].phone);
      else {
        const k = keys[i][kind];
        if (k !== null) put(k, i, true);
      }
    }
    for (let b = 0; b < blockOf.size; b++) {
      if (size[b] < 2) continue;
      const members = new Array<number>(size[b]);
      const own = new Array<boolean>(size[b]);
      for (let m = 0, e = first[b]; m < members.length; m++, e = next[e]) {
        members[m] = record[e];
        own[m] = owned[e] === 1;
      }
      yield { kind, members, own };
    }
  }
}

/**
 * The pairs (i < j < n) already proposed: open addressing over i·n + j in one Float64Array (0 is free, as
 * j ≥ 1; exact below 94 M records), instead of a Set holding each number boxed.
 */
class PairSet {
  private table = new Float64Array(1 << 16);
  private count = 0;

  constructor(private readonly n: number) {}

  /** Adds the pair; false when it was there already. */
  add(i: number, j: number): boolean {
    const id = i * this.n + j;
    if (this.insert(this.table, id)) {
      if (++this.count * 2 > this.table.length) this.grow();
      return true;
    }
    return false;
  }

  private insert(table: Float64Array, id: number): boolean {
    const mask = table.length - 1;
    // MurmurHash3's finaliser over the two halves of the id: every bit of it reaches the low bits.
    let h = Math.imul((id >>> 0) ^ Math.imul(Math.floor(id / 0x100000000), 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let at = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const held = table[at];
      if (held === 0) {
        table[at] = id;
        return true;
      }
      if (held === id) return false;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    for (const id of old) if (id !== 0) this.insert(this.table, id);
  }
}
