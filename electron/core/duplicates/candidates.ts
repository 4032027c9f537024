// Candidate pairs by blocking: records are compared only with records that share a blocking key, so
// the work grows with the number of duplicates, not with the square of the vault. Pure.
//
// A block is all records with one key value. Most are small (one person's rows), but some are not: a
// company switchboard number on the rows of all its staff, or 张伟 on five thousand different people.
// Comparing every pair of such a block is quadratic (5000 rows → 12.5 M pairs) and finds nothing the
// score would keep, so a block over its cap is split by a second field that must also agree — a
// shared phone, e-mail or identifier by the name, a shared name by the end of the address — and any
// piece still over the cap is left out (counted in `oversized`, never silently).
import {
  addressTailKey,
  BLOCK_KINDS,
  blockingKeys,
  phoneKeys,
  type BlockKind,
  type DedupeRecord,
} from './keys';

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

/**
 * Calls `pair(i, j)` (indices into `records`, i < j) once for every candidate pair. Returns counts.
 * `keys` may be given when the caller has them already.
 */
export function forEachCandidatePair(
  records: readonly DedupeRecord[],
  pair: (i: number, j: number) => void,
  keys: ReadonlyArray<Record<BlockKind, string | null>> = records.map(blockingKeys),
): CandidateStats {
  const n = records.length;
  const seen = new Set<number>();
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
        const id = i * n + j; // < n², exact for any vault below 94 M records
        if (seen.has(id)) continue;
        seen.add(id);
        pair(i, j);
      }
  };
  const subBlocks = (members: readonly number[], second: (i: number) => string | null, cap: number) => {
    stats.split++;
    const groups = groupBy(members, second);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      if (group.length > cap) stats.oversized++;
      else emit(group);
    }
  };

  const name = (i: number) => keys[i].name;
  const addressTail = (i: number) => {
    const tail = addressTailKey(records[i].address);
    return tail === null || keys[i].name === null ? null : tail;
  };
  for (const kind of BLOCK_KINDS) {
    const cap = kind === 'name' ? NAME_BLOCK_CAP : STRONG_BLOCK_CAP;
    const blocks = new Map<string, number[]>();
    const put = (k: string, i: number) => {
      const block = blocks.get(k);
      if (block) block.push(i);
      else blocks.set(k, [i]);
    };
    for (let i = 0; i < n; i++) {
      // A record is in the block of every number of its phone cell, not only the first.
      if (kind === 'phone' && records[i].phones?.length) for (const k of phoneKeys(records[i])) put(k, i);
      else {
        const k = keys[i][kind];
        if (k !== null) put(k, i);
      }
    }
    for (const members of blocks.values()) {
      if (members.length < 2) continue;
      stats.blocks[kind]++;
      if (members.length <= cap) emit(members);
      else subBlocks(members, kind === 'name' ? addressTail : name, cap);
    }
  }
  return stats;
}

function groupBy(members: readonly number[], key: (i: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of members) {
    const k = key(i);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}
