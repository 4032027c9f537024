// Duplicate review as the window, the CLI and the engine share it: how a candidate pair was scored
// field by field, a cluster of records that look like one customer, and the fields a merge chooses a
// surviving value for. Pure types and constants; the engine owns detection and storage.
import type { FieldStatus, SourceRowRef } from './customer';

/** The fields a pair is compared on. */
export const MATCH_FIELDS = ['idNumber', 'creditCode', 'phone', 'email', 'name', 'address'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/**
 * How one field of a pair compared. `exact`: the same after normalisation; `fuzzy`: similar, with
 * `similarity` in 0–1; `conflict`: both present and different in a way that is evidence against (two
 * different valid ID numbers, clearly different names).
 */
export interface FieldMatch {
  field: MatchField;
  kind: 'exact' | 'fuzzy' | 'conflict';
  similarity: number;
  /** What this field added to (or, for a conflict, took from) the pair's score. */
  points: number;
}

/** One scored link between two records of a cluster. */
export interface PairLink {
  a: number;
  b: number;
  score: number;
  fields: FieldMatch[];
}

export interface ClusterExplanation {
  /** The links that join the cluster (strongest first), each with its field-by-field comparison. */
  links: PairLink[];
  /** The fields that matched (exact or fuzzy) on at least one link. */
  matched: MatchField[];
  /** Pairs inside the cluster whose identifiers conflict, which holds the cluster's score down. */
  conflicts: PairLink[];
}

export const CLUSTER_STATUSES = ['pending', 'accepted', 'rejected', 'merged'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

/** The fields a merge chooses a surviving value for, each from one member. */
export const MERGE_FIELDS = [
  'name',
  'organisation',
  'phone',
  'email',
  'idNumber',
  'creditCode',
  'address',
  'country',
  'product',
  'lastOrderDate',
  'lifetimeValue',
  'notes',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** A member's values as the review shows them side by side (lifetimeValue in minor units + currency). */
export type MemberValues = Record<MergeField, string | number | null> & { currency: string | null };

export interface ClusterMember {
  id: number;
  values: MemberValues;
  status: { phone: FieldStatus; email: FieldStatus; idNumber: FieldStatus; creditCode: FieldStatus };
  /** Its own source row first, then those of records merged into it. */
  sources: SourceRowRef[];
  /** Set when the record was merged into another one. */
  mergedInto: number | null;
}

export interface MergeInfo {
  id: number;
  survivorId: number;
  mergedIds: number[];
  at: string;
  by: string | null;
  /** Which member each field's value came from. */
  chosen: Partial<Record<MergeField, number>>;
}

export interface ClusterView {
  id: number;
  score: number;
  status: ClusterStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  explanation: ClusterExplanation;
  members: ClusterMember[];
  /** What a merge would take when nobody chooses: the survivor and the member each value comes from. */
  suggestion: { survivorId: number; chosen: Record<MergeField, number> };
  /** The merge in force, for a merged cluster (what duplicates.unmerge undoes). */
  merge: MergeInfo | null;
}

export interface ClusterPage {
  total: number;
  offset: number;
  clusters: ClusterView[];
  /** Counts by status over the whole vault, for the filters. */
  byStatus: Record<ClusterStatus, number>;
}

/** One cluster as `closeout dedupe --json` reports it: no customer values, only where they came from. */
export interface SplitResult {
  /** The cluster after the record left it; null when fewer than two records were left in it. */
  cluster: ClusterView | null;
  /** New pending clusters, when the records left behind no longer hang together as one. */
  created: number[];
}

export interface ClusterReport {
  id: number;
  score: number;
  status: ClusterStatus;
  matched: MatchField[];
  members: Array<{ id: number; sources: SourceRowRef[] }>;
}

export interface DuplicatesRunResult {
  /** Active records compared (merged ones and members of decided clusters are not). */
  records: number;
  /** Candidate pairs scored. */
  pairs: number;
  /** Pairs at or above the candidate threshold. */
  links: number;
  /** Pending clusters found by this run. */
  found: number;
  /** Records in those clusters. */
  clusteredRecords: number;
  /** Clusters the user had already decided (accepted, rejected, merged), left as they were. */
  kept: number;
  /** Set when mergeAbove was given: the clusters merged automatically and the records merged away. */
  autoMerged: { clusters: number; records: number; mergeIds: number[] } | null;
  threshold: number;
  /** With `report: true` only (the CLI): every cluster, decided ones too, with its members' source rows. */
  clusters: ClusterReport[] | null;
}

export interface MergeResult {
  mergeId: number;
  /** Null only for an old merge whose cluster a later run has since dropped. */
  clusterId: number | null;
  survivorId: number;
  mergedIds: number[];
}
