// Duplicate detection over a set of records: blocking → field-by-field scores → clusters with their
// explanation. Pure apart from the optional checkpoint, which lets a job report progress and stop.
import {
  MATCH_FIELDS,
  type ClusterExplanation,
  type MatchField,
  type PairLink,
} from '../../../shared/duplicates';
import { KEYED_FIELDS } from '../../../shared/customer/columns';
import { nameKeys, type NameKeys } from '../../../shared/normalise/names';
import { forEachCandidatePair, type CandidateStats } from './candidates';
import { components, type Link } from './cluster';
import { blockingKeys, type BlockKind, type DedupeRecord } from './keys';
import { CANDIDATE_THRESHOLD, SHARED_BY, scorePair, scoringView, type ScoringView } from './score';

interface DetectedCluster {
  /** Record ids, ascending. */
  members: number[];
  score: number;
  explanation: ClusterExplanation;
}

export interface Detection {
  records: number;
  pairs: number;
  links: number;
  clusters: DetectedCluster[];
  stats: CandidateStats;
}

export interface DetectOptions {
  threshold?: number;
  /** Pairs of record ids a person took apart: never linked, whatever they score. */
  apart?: (a: number, b: number) => boolean;
  /** Called every few thousand pairs; may throw to stop (a cancelled job). */
  checkpoint?: (done: number, total: number, phase: 'blocking' | 'scoring' | 'clustering') => Promise<void>;
}

const CHUNK = 20_000;

export async function detectDuplicates(
  records: readonly DedupeRecord[],
  options: DetectOptions = {},
): Promise<Detection> {
  const threshold = options.threshold ?? CANDIDATE_THRESHOLD;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  await checkpoint(0, records.length, 'blocking');

  const keys = records.map(blockingKeys);
  const left: number[] = [];
  const right: number[] = [];
  const stats = forEachCandidatePair(
    records,
    (i, j) => {
      left.push(i);
      right.push(j);
    },
    keys,
  );
  const phoneCount = countValues(keys, 'phone');
  const emailCount = countValues(keys, 'email');
  const keyedCounts = KEYED_FIELDS.map((field) => [field, countValues(keys, field)] as const);
  const isShared = (counts: Map<string, number>, key: string | null) =>
    (counts.get(key ?? '') ?? 0) > SHARED_BY;

  // Names repeat (张伟, 王芳 …): their keys are computed once per spelling, not once per record.
  const nameCache = new Map<string, NameKeys | null>();
  const names = (text: string) => {
    let k = nameCache.get(text);
    if (k === undefined) nameCache.set(text, (k = nameKeys(text)));
    return k;
  };
  const views: Array<ScoringView | undefined> = new Array(records.length);
  const view = (i: number) =>
    (views[i] ??= scoringView(records[i], names, {
      phone: isShared(phoneCount, keys[i].phone),
      email: isShared(emailCount, keys[i].email),
      keyed: Object.fromEntries(
        keyedCounts.map(([field, counts]) => [field, isShared(counts, keys[i][field])]),
      ),
    }));

  const links: Link<PairLink>[] = [];
  for (let p = 0; p < left.length; p++) {
    if (p % CHUNK === 0) await checkpoint(p, left.length, 'scoring');
    const i = left[p];
    const j = right[p];
    if (options.apart?.(records[i].id, records[j].id)) continue;
    const scored = scorePair(view(i), view(j));
    if (scored.score >= threshold)
      links.push({
        i,
        j,
        score: scored.score,
        data: { a: records[i].id, b: records[j].id, score: scored.score, fields: scored.fields },
      });
  }
  await checkpoint(left.length, left.length, 'clustering');

  const identities = (i: number) => {
    const v = view(i);
    const ids = new Map<string, string>();
    if (v.idNumber && v.idValid) ids.set('idNumber', v.idNumber);
    if (v.creditCode && v.creditValid) ids.set('creditCode', v.creditCode);
    return ids;
  };
  const clusters = components(records.length, links, identities).map((c): DetectedCluster => {
    const matched = new Set<MatchField>();
    for (const link of c.tree)
      for (const f of link.data.fields) if (f.kind !== 'conflict') matched.add(f.field);
    return {
      members: c.members.map((i) => records[i].id).sort((a, b) => a - b),
      score: c.score,
      explanation: {
        links: c.tree.map((l) => l.data),
        matched: MATCH_FIELDS.filter((f) => matched.has(f)),
        conflicts: c.conflicts.map((l) => l.data),
      },
    };
  });
  return { records: records.length, pairs: left.length, links: links.length, clusters, stats };
}

function countValues(
  keys: ReadonlyArray<Record<BlockKind, string | null>>,
  kind: BlockKind,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) {
    const value = k[kind];
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
