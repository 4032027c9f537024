// audit.*: the audit chain, for people (the Audit page) and for auditors (exports openssl can check).
import { z } from 'zod';
import { fileRef, none, op, ROLES, type OpSpec } from './op';

export interface AuditEntryView {
  seq: number;
  at: string;
  userName: string | null;
  op: string;
  params: Record<string, unknown>;
  counts: Record<string, number>;
  outcome: string;
  hash: string;
}

/** One finding of a verification: where (entry seq, its user), what (a kind the window translates), why. */
export interface AuditProblem {
  seq: number | null;
  user: string | null;
  kind: string;
  /** The reason in English, for logs and the CLI's English output. */
  detail: string;
  /** The values the window's zh/en text for `kind` is filled with. */
  params: Record<string, string | number>;
}

export interface AuditReport {
  entries: number;
  head: string;
  /** Checkpoints whose signature and head hold. */
  checkpoints: number;
  ok: boolean;
  /** The first problem in chain order (kept for the window's one-line summary). */
  firstProblem: { seq: number; kind: string } | null;
  /** Every problem, in chain order (the first 200; problemCount says how many in all). */
  problems: AuditProblem[];
  problemCount: number;
  /** What weakens the evidence without contradicting it (entries from before signing, pending keys…). */
  warnings: AuditProblem[];
  /** The company CA the vault names (SHA-256), or null when it has none. */
  companyFingerprint: string | null;
}

export const auditOps = {
  'audit.list': op<AuditEntryView[]>()({
    input: z.strictObject({
      userName: z.string().max(100).optional(),
      op: z.string().max(100).optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      beforeSeq: z.int().positive().optional(),
      limit: z.int().min(1).max(1000).default(200),
    }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Audit entries, newest first, filtered by user, operation and time',
  }),
  'audit.verify': op<AuditReport>()({
    input: none,
    access: ROLES,
    job: true,
    writes: false,
    summary: 'Check every hash and signature of the audit chain',
  }),
  'audit.export': op<{ files: string[] }>()({
    input: z.strictObject({ dir: fileRef('audit-export', 'folder') }),
    access: ['owner', 'auditor'],
    job: false,
    writes: true,
    summary: 'Write the audit log as CSV and as signed JSON',
  }),
} as const satisfies Record<string, OpSpec>;
