// Duplicate review as the window, the CLI and the engine share it: how a candidate pair was scored
// field by field, the statuses of a cluster, and the fields a merge chooses a surviving value for. Pure
// types and constants; the engine owns detection and storage, shared/contract/duplicates.ts the results.
import { CUSTOMER_FIELDS, type CustomerField } from './customer';
import { KEYED_FIELDS } from './customer/columns';

/** The fields a pair is compared on: identifiers, contacts (and the fields that are keys of their own), names. */
export const MATCH_FIELDS = [
  'idNumber',
  'creditCode',
  'phone',
  'email',
  ...KEYED_FIELDS,
  'name',
  'address',
] as const;
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

/** The fields a merge chooses a surviving value for, each from one member: every customer field. */
export const MERGE_FIELDS = CUSTOMER_FIELDS;
export type MergeField = CustomerField;
