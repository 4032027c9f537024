// Duplicate detection: blocking → field-by-field scores → clusters with their explanation. The records
// come from a source: held in memory (a few records taken out of a cluster) or streamed from the vault
// (vault-source.ts), where a million records must fit in a few hundred megabytes. So nothing is kept
// per record for the whole run but numbers in typed arrays: the candidate pairs, how many pairs each
// record is in, its shared flags and identifiers; a record's scoring view lives only while it has pairs
// left to score, and links keep their field comparisons packed. Pure apart from the source and the
// optional checkpoint, which lets a job report progress and stop.
import {
  MATCH_FIELDS,
  type ClusterExplanation,
  type FieldMatch,
  type MatchField,
  type PairLink,
} from '../../../shared/duplicates';
import { KEYED_FIELDS } from '../../../shared/customer/columns';
import { nameKeys, type NameKeys } from '../../../shared/normalise/names';
import { candidatePairs, recordBlocks, type BlockSource, type CandidateStats } from './candidates';
import { components, UnionFind, type Link } from './cluster';
import { blockingKeys, type BlockKind, type DedupeRecord } from './keys';
import { CANDIDATE_THRESHOLD, scorePair, scoringView, type ScoringView } from './score';

interface DetectedCluster {
  /** Record ids, ascending. */
  members: number[];
  score: number;
  /** Built from the packed links each time it is read (see detect). */
  readonly explanation: ClusterExplanation;
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

/** The records detection compares, numbered below `limit`, with their blocks. */
export interface DetectionSource extends BlockSource {
  /** How many records are compared. */
  readonly records: number;
  /** The record id of a number; ascending numbers have ascending ids. */
  id(n: number): number;
  /** The records of these numbers (ascending), in that order. */
  load(numbers: readonly number[]): DedupeRecord[];
}

const CHUNK = 20_000;
/** Pairs scored per load of the records they need (divides CHUNK, so progress is reported as before). */
const BATCH = 2_000;
/** Name keys are cached per spelling; past this many the cache starts again (bounded memory). */
const NAME_CACHE = 50_000;

/** Detection over records held in memory (numbered by their index). */
export async function detectDuplicates(
  records: readonly DedupeRecord[],
  options: DetectOptions = {},
): Promise<Detection> {
  const keys = records.map(blockingKeys);
  return detect(
    {
      ...recordBlocks(records, keys),
      records: records.length,
      id: (i) => records[i].id,
      load: (numbers) => numbers.map((i) => records[i]),
    },
    options,
  );
}

const SHARED_BIT: Partial<Record<BlockKind, number>> = Object.fromEntries([
  ['phone', 1],
  ['email', 2],
  ...KEYED_FIELDS.map((field, k) => [field, 4 << k]),
]);

export async function detect(source: DetectionSource, options: DetectOptions = {}): Promise<Detection> {
  const threshold = options.threshold ?? CANDIDATE_THRESHOLD;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const limit = source.limit;
  await checkpoint(0, source.records, 'blocking');

  const { order, pending, shared, stats } = blocking(source);
  const total = order.length;

  // Names repeat (张伟, 王芳 …): their keys are computed once per spelling, not once per record.
  let nameCache = new Map<string, NameKeys | null>();
  const names = (text: string) => {
    let k = nameCache.get(text);
    if (k === undefined) {
      if (nameCache.size >= NAME_CACHE) nameCache = new Map();
      nameCache.set(text, (k = nameKeys(text)));
    }
    return k;
  };
  const views = new Map<number, ScoringView>();
  const flagsOf = (n: number) => ({
    phone: (shared[n] & 1) !== 0,
    email: (shared[n] & 2) !== 0,
    keyed: Object.fromEntries(KEYED_FIELDS.map((field, k) => [field, (shared[n] & (4 << k)) !== 0])),
  });
  const links = new LinkStore();
  const identity = new Identities(limit);

  for (let p = 0; p < total; p += BATCH) {
    if (p % CHUNK === 0) await checkpoint(p, total, 'scoring');
    const end = Math.min(total, p + BATCH);
    const needed = new Set<number>();
    for (let q = p; q < end; q++) {
      const i = Math.floor(order[q] / limit);
      const j = order[q] - i * limit;
      if (!views.has(i)) needed.add(i);
      if (!views.has(j)) needed.add(j);
    }
    const numbers = [...needed].sort((x, y) => x - y);
    const loaded = source.load(numbers);
    for (let k = 0; k < numbers.length; k++)
      views.set(numbers[k], scoringView(loaded[k], names, flagsOf(numbers[k])));
    for (let q = p; q < end; q++) {
      const i = Math.floor(order[q] / limit);
      const j = order[q] - i * limit;
      const a = views.get(i) as ScoringView;
      const b = views.get(j) as ScoringView;
      if (!options.apart?.(a.id, b.id)) {
        const scored = scorePair(a, b);
        if (scored.score >= threshold) {
          links.push(i, j, scored.score, scored.fields);
          identity.note(i, a);
          identity.note(j, b);
        }
      }
      // A record's view is dropped once its last pair is scored.
      if (--pending[i] === 0) views.delete(i);
      if (--pending[j] === 0) views.delete(j);
    }
  }
  await checkpoint(total, total, 'clustering');

  const link = (k: number): PairLink => ({
    a: source.id(links.i[k]),
    b: source.id(links.j[k]),
    score: links.score[k],
    fields: links.fields(k),
  });
  const all: Link<number>[] = new Array(links.length);
  for (let k = 0; k < links.length; k++)
    all[k] = { i: links.i[k], j: links.j[k], score: links.score[k], data: k };
  const clusters = components(limit, all, (n) => identity.of(n)).map((c): DetectedCluster => ({
    members: c.members.map((n) => source.id(n)).sort((a, b) => a - b),
    score: c.score,
    // Built when read, each time: the explanations of 48 738 clusters at once were 76 MB at 1M records,
    // and duplicates.run writes them one at a time. Enumerable, so JSON and equality see it as a value.
    get explanation(): ClusterExplanation {
      const tree = c.tree.map((l) => link(l.data));
      const matched = new Set<MatchField>();
      for (const l of tree) for (const f of l.fields) if (f.kind !== 'conflict') matched.add(f.field);
      return {
        links: tree,
        matched: MATCH_FIELDS.filter((f) => matched.has(f)),
        conflicts: c.conflicts.map((l) => link(l.data)),
      };
    },
  }));
  return { records: source.records, pairs: total, links: links.length, clusters, stats };
}

/**
 * The candidate pairs, each as one number i · limit + j, in the order they are scored (byComponent); how
 * many pairs each record is in; its shared flags. In a function of its own so the growing array the pairs
 * were collected in is garbage once they are ordered.
 */
function blocking(source: DetectionSource) {
  const limit = source.limit;
  const pairs = new Growing(Float64Array);
  const pending = new Int32Array(limit);
  const shared = new Uint16Array(limit);
  const stats = candidatePairs(
    source,
    (i, j) => {
      pairs.push(i * limit + j);
      pending[i]++;
      pending[j]++;
    },
    (kind, i) => {
      shared[i] |= SHARED_BIT[kind] ?? 0;
    },
  );
  // Sorted, they come by their first record, then the second.
  return { order: byComponent(pairs.view().sort(), limit), pending, shared, stats };
}

/**
 * The pairs (sorted) regrouped by the connected component of records they link, each component's pairs
 * still in order: a record's pairs are then scored close together, so its view is loaded once and
 * dropped soon after (sorted by the first record alone, two namesakes far apart in id order keep their
 * views alive across the whole run). The order does not change what is found: links are clustered by
 * their score and records (cluster.ts), not by the order they were scored in.
 */
function byComponent(sorted: Float64Array, limit: number): Float64Array {
  const sets = new UnionFind(limit);
  for (let q = 0; q < sorted.length; q++) {
    const i = Math.floor(sorted[q] / limit);
    sets.union(i, sorted[q] - i * limit);
  }
  // Where each component's pairs start, components in order of their root: a counting sort, stable.
  const start = new Int32Array(limit + 1);
  for (let q = 0; q < sorted.length; q++) start[sets.find(Math.floor(sorted[q] / limit)) + 1]++;
  for (let r = 0; r < limit; r++) start[r + 1] += start[r];
  const out = new Float64Array(sorted.length);
  for (let q = 0; q < sorted.length; q++) out[start[sets.find(Math.floor(sorted[q] / limit))]++] = sorted[q];
  return out;
}

type TypedArray = Float64Array | Int32Array;

/** A typed array that grows by doubling. */
class Growing<A extends TypedArray> {
  private data: A;
  length = 0;

  constructor(private readonly make: new (length: number) => A) {
    this.data = new make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const wider = new this.make(this.data.length * 2);
      wider.set(this.data);
      this.data = wider;
    }
    this.data[this.length++] = value;
  }

  get array(): A {
    return this.data;
  }

  /** The values pushed, as a view (valid until the next push). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}

const KINDS: ReadonlyArray<FieldMatch['kind']> = ['exact', 'fuzzy', 'conflict'];

/** The links kept, in typed arrays: the two records, the score, and each field's comparison packed. */
class LinkStore {
  private readonly left = new Growing(Int32Array);
  private readonly right = new Growing(Int32Array);
  private readonly scores = new Growing(Float64Array);
  /** Where each link's fields start in `packed`; one more entry than links. */
  private readonly starts = new Growing(Int32Array);
  /** Three numbers per field: the field and kind, the points, the similarity. */
  private readonly packed = new Growing(Float64Array);

  constructor() {
    this.starts.push(0);
  }

  get length(): number {
    return this.left.length;
  }
  get i(): Int32Array {
    return this.left.array;
  }
  get j(): Int32Array {
    return this.right.array;
  }
  get score(): Float64Array {
    return this.scores.array;
  }

  push(i: number, j: number, score: number, fields: readonly FieldMatch[]): void {
    this.left.push(i);
    this.right.push(j);
    this.scores.push(score);
    for (const f of fields) {
      this.packed.push(MATCH_FIELDS.indexOf(f.field) * 4 + KINDS.indexOf(f.kind));
      this.packed.push(f.points);
      this.packed.push(f.similarity);
    }
    this.starts.push(this.packed.length);
  }

  fields(k: number): FieldMatch[] {
    const out: FieldMatch[] = [];
    const packed = this.packed.array;
    for (let at = this.starts.array[k]; at < this.starts.array[k + 1]; at += 3)
      out.push({
        field: MATCH_FIELDS[Math.floor(packed[at] / 4)],
        kind: KINDS[packed[at] % 4],
        similarity: packed[at + 2],
        points: packed[at + 1],
      });
    return out;
  }
}

/**
 * The valid ID number and credit code of each linked record, as numbers standing for the values: two
 * records with different ones are never put into one cluster (cluster.ts).
 */
class Identities {
  private readonly idNumber: Int32Array;
  private readonly creditCode: Int32Array;
  private readonly values = new Map<string, number>();

  constructor(limit: number) {
    this.idNumber = new Int32Array(limit);
    this.creditCode = new Int32Array(limit);
  }

  private code(value: string): number {
    let c = this.values.get(value);
    if (c === undefined) this.values.set(value, (c = this.values.size + 1));
    return c;
  }

  note(n: number, v: ScoringView): void {
    if (v.idNumber && v.idValid) this.idNumber[n] = this.code(v.idNumber);
    if (v.creditCode && v.creditValid) this.creditCode[n] = this.code(v.creditCode);
  }

  of(n: number): Map<string, string> {
    const ids = new Map<string, string>();
    if (this.idNumber[n] !== 0) ids.set('idNumber', String(this.idNumber[n]));
    if (this.creditCode[n] !== 0) ids.set('creditCode', String(this.creditCode[n]));
    return ids;
  }
}
