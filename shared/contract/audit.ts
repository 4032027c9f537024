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

export interface AuditReport {
  entries: number;
  head: string;
  checkpoints: number;
  ok: boolean;
  /** The first entry that does not follow, or the first bad checkpoint. */
  firstProblem: { seq: number; kind: string } | null;
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
