// compliance.*: the checklists (PIPL, GDPR, CCPA/CPRA, ISO/IEC 27001:2022 Annex A and the company's own
// rules), each item evaluated from the vault's own evidence where it holds any, or answered by hand with
// a note and an evidence file; which regimes apply; and the signed compliance report.
import { z } from 'zod';
import type { Bilingual } from '../bilingual';
import { fileRef, op, ROLES, type OpSpec } from './op';

export const REGIMES = ['pipl', 'gdpr', 'ccpa', 'iso27001', 'company'] as const;
export type Regime = (typeof REGIMES)[number];
const regimeSchema = z.enum(REGIMES);

/** met / not-met / not-applicable from evidence or by hand; open: needs an answer by hand. */
export type ItemStatus = 'met' | 'not-met' | 'not-applicable' | 'open';
export const ANSWER_STATUSES = ['met', 'not-met', 'not-applicable'] as const;

export interface EvidenceFileRef {
  id: string;
  name: string;
  sha256: string;
  size: number;
}

export interface ItemAnswer {
  status: (typeof ANSWER_STATUSES)[number];
  note: string;
  at: string;
  by: string | null;
  file: EvidenceFileRef | null;
}

export interface ChecklistItem {
  id: string;
  regime: Regime;
  /** The article, section or control it comes from, e.g. "PIPL Art. 51(3)", "ISO/IEC 27001:2022 A.8.13". */
  article: string;
  title: Bilingual;
  status: ItemStatus;
  /** evidence: evaluated from the vault; hand: answered by a person; null: still open. */
  source: 'evidence' | 'hand' | null;
  /** What the vault shows (or why it cannot tell). */
  evidence: Bilingual;
  answer: ItemAnswer | null;
}

export interface RegimeApplicability {
  regime: Regime;
  applicable: boolean;
  /** What Closeout proposes from the records (EU residents, California residents). */
  proposed: boolean;
  /** True once an owner answered; until then the proposal stands. */
  decided: boolean;
  reason: Bilingual;
}

export interface Checklist {
  at: string;
  applicability: RegimeApplicability[];
  items: ChecklistItem[];
  summary: Record<ItemStatus, number>;
}

export interface ComplianceReportFiles {
  pdf: string;
  json: string;
  signature: string;
  summary: Record<ItemStatus, number>;
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const complianceOps = {
  'compliance.checklist': op<Checklist>()({
    input: z.strictObject({ regimes: z.array(regimeSchema).max(REGIMES.length).optional() }),
    access: ROLES,
    job: false,
    writes: false,
    summary:
      'Every checklist item of the applicable regimes, evaluated from the evidence or answered by hand',
  }),
  'compliance.setApplicability': op<Checklist>()({
    input: z.strictObject({
      pipl: z.boolean(),
      gdpr: z.boolean(),
      ccpa: z.boolean(),
      iso27001: z.boolean(),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Which regimes apply to this closure (asked once; EU and California residents are proposed)',
  }),
  'compliance.answer': op<ChecklistItem>()({
    input: z.strictObject({
      itemId: z.string().min(1).max(100),
      status: z.enum(ANSWER_STATUSES),
      note: text(4000),
      file: fileRef('evidence-file', 'open').optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Answer a checklist item the vault holds no evidence for: a status, a note and an evidence file',
  }),
  'compliance.saveItem': op<ChecklistItem>()({
    input: z.strictObject({
      id: z.uuid().optional(),
      title: text(300),
      description: z.string().trim().max(2000).default(''),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Add or edit one of the company's own checklist items (answered by hand)",
  }),
  'compliance.removeItem': op<{ removed: boolean }>()({
    input: z.strictObject({ id: z.uuid() }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Remove one of the company's own checklist items (its answer stays in the audit chain)",
  }),
  'compliance.report': op<ComplianceReportFiles>()({
    input: z.strictObject({
      dir: fileRef('compliance', 'folder'),
      regimes: z.array(regimeSchema).min(1).max(REGIMES.length).optional(),
    }),
    access: ROLES,
    job: false,
    writes: true,
    summary: 'Write the compliance report: PDF (Chinese and English), JSON and its CMS signature',
  }),
} as const satisfies Record<string, OpSpec>;
