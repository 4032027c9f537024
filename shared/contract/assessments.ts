// assessments.*: the personal information protection impact assessment (PIPIA, PIPL Arts. 55–56) and the
// data protection impact assessment (DPIA, GDPR Art. 35), prefilled from the vault, edited, approved by an
// owner and kept in the evidence archive for at least three years.
import { z } from 'zod';
import type { Bilingual } from '../bilingual';
import { fileRef, op, ROLES, type OpSpec } from './op';

export const ASSESSMENT_KINDS = ['pipia', 'dpia'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
const kind = z.enum(ASSESSMENT_KINDS);

/** What the vault says about the processing: counted when the assessment is read, frozen when approved. */
export interface AssessmentFacts {
  at: string;
  clientName: string;
  customers: number;
  subjects: { individual: number; business: number; unknown: number };
  /** Fields that hold a value in at least one record, with how many records. */
  dataKinds: Array<{ field: string; records: number }>;
  sensitive: Array<{ kind: string; records: number }>;
  sensitiveRecords: number;
  minors: number;
  regions: { mainland: number; hk_mo_tw: number; overseas: number; unknown: number };
  countries: Record<string, number>;
  euResidents: number;
  californiaResidents: number;
  dispositions: { RETAIN: number; TRANSFER: number; ANONYMISE: number; DESTROY: number; none: number };
  recipients: Array<{ name: string; records: number }>;
  retention: Array<{ basis: string; records: number; until: string | null }>;
  measures: Bilingual[];
  /**
   * The per-handover PIPIAs this closure-wide assessment includes by reference (each assesses one
   * recipient; approved in the handover wizard). Absent in facts frozen before they were linked.
   */
  handoverPipias?: HandoverPipiaLink[];
}

export interface HandoverPipiaLink {
  handoverId: string;
  recipient: string;
  route: string;
  approvedAt: string | null;
  /** Approved and still matching its handover. */
  current: boolean;
}

const narrative = z.string().trim().max(8000);

const assessmentBodySchema = z.strictObject({
  purposes: narrative,
  lawfulness: narrative,
  impact: narrative,
  likelihood: z.int().min(1).max(5),
  severity: z.int().min(1).max(5),
  measures: narrative,
  proportionality: narrative,
  conclusion: narrative,
  residualRisk: z.enum(['low', 'medium', 'high']),
  dpoAdvice: narrative.default(''),
  reviewDate: z.iso.date().nullable().default(null),
});
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;

export interface Assessment {
  kind: AssessmentKind;
  /** 0 until first saved. */
  version: number;
  status: 'new' | 'draft' | 'approved';
  body: AssessmentBody;
  facts: AssessmentFacts;
  updatedAt: string | null;
  updatedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  /** Approved versions are kept at least three years from approval. */
  keepUntil: string | null;
  /** Whether this closure needs it, and why. */
  required: boolean;
  requiredBecause: Bilingual;
  /** Sections still empty (an assessment cannot be approved with any). */
  missing: string[];
}

export interface AssessmentFiles {
  pdf: string;
  json: string;
  signature: string;
}

export const assessmentsOps = {
  'assessments.get': op<Assessment>()({
    input: z.strictObject({ kind }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The PIPIA or DPIA: the latest version, prefilled from the vault',
  }),
  'assessments.save': op<Assessment>()({
    input: z.strictObject({ kind, body: assessmentBodySchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Save the PIPIA or DPIA as a draft (editing an approved one starts a new version)',
  }),
  'assessments.approve': op<Assessment & { archived: AssessmentFiles }>()({
    input: z.strictObject({ kind }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Approve the draft: its facts are frozen and it is written, signed, to the evidence archive',
  }),
  'assessments.write': op<AssessmentFiles>()({
    input: z.strictObject({ kind, dir: fileRef('compliance', 'folder') }),
    access: ROLES,
    job: false,
    writes: true,
    summary: 'Write the PIPIA or DPIA: PDF (Chinese and English), JSON and its CMS signature',
  }),
} as const satisfies Record<string, OpSpec>;
