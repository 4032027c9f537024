// duplicates.*: finding records that look like one customer, and their review (decide, split, merge, undo).
import { z } from 'zod';
import type { CarriedValues, FieldStatuses, FieldValues, SourceRowRef } from '../customer';
import {
  CLUSTER_STATUSES,
  MERGE_FIELDS,
  type ClusterExplanation,
  type ClusterStatus,
  type MatchField,
  type MergeField,
} from '../duplicates';
import { op, type OpSpec } from './op';

/** A member's values as the review shows them side by side (lifetimeValue in minor units + currency). */
type MemberValues = FieldValues & CarriedValues;

export interface ClusterMember {
  id: number;
  values: MemberValues;
  status: FieldStatuses;
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

export const duplicatesOps = {
  'duplicates.run': op<DuplicatesRunResult>()({
    input: z.strictObject({
      mergeAbove: z.number().min(0).max(100).optional(),
      report: z.boolean().default(false),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Find duplicate clusters over all active records (decided clusters kept); optionally merge those above a score',
  }),
  'duplicates.clusters': op<ClusterPage>()({
    input: z.strictObject({
      status: z.enum(CLUSTER_STATUSES).optional(),
      minScore: z.number().min(0).max(100).optional(),
      maxScore: z.number().min(0).max(100).optional(),
      clusterId: z.int().positive().optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(500).default(50),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary: 'Duplicate clusters, strongest first, with members, their source rows and the match explanation',
  }),
  'duplicates.decide': op<ClusterView>()({
    input: z.strictObject({ clusterId: z.int().positive(), decision: z.enum(['accept', 'reject']) }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Accept a duplicate cluster (same customer) or reject it (different customers)',
  }),
  'duplicates.split': op<SplitResult>()({
    input: z.strictObject({ clusterId: z.int().positive(), recordId: z.int().positive() }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Take one record out of a duplicate cluster; it is not linked to those records again',
  }),
  'duplicates.merge': op<MergeResult>()({
    input: z.strictObject({
      clusterId: z.int().positive(),
      survivorId: z.int().positive().optional(),
      /** Per field, the member whose value survives (default: the suggestion, or the survivor's own). */
      chosen: z.partialRecord(z.enum(MERGE_FIELDS), z.int().positive()).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Merge a cluster into one record, choosing each field's surviving value; reversible",
  }),
  'duplicates.unmerge': op<MergeResult>()({
    input: z.strictObject({ mergeId: z.int().positive() }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Undo a merge exactly: every column of every record as it was before',
  }),
} as const satisfies Record<string, OpSpec>;
