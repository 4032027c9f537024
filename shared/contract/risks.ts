// risks.*: the risk register — likelihood × impact, owner, treatment, status — seeded with the guide's
// risks (leakage, damage, legal) and those the vault detects itself.
import { z } from 'zod';
import type { Bilingual } from '../bilingual';
import { none, op, ROLES, type OpSpec } from './op';

export const RISK_CATEGORIES = ['leakage', 'damage', 'legal', 'other'] as const;
export const RISK_STATUSES = ['open', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export interface Risk {
  id: string;
  source: 'guide' | 'detected' | 'manual';
  category: (typeof RISK_CATEGORIES)[number];
  title: Bilingual;
  description: Bilingual;
  likelihood: number;
  impact: number;
  /** likelihood × impact, 1–25. */
  score: number;
  level: 'low' | 'medium' | 'high';
  owner: string | null;
  treatment: string | null;
  status: RiskStatus;
  /** Detected risks: whether the vault shows the condition now, and what it found. */
  detected: boolean | null;
  finding: Bilingual | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

const level = z.int().min(1).max(5);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const risksOps = {
  'risks.list': op<Risk[]>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: "The risk register: the guide's risks, those the vault detects, and those added by hand",
  }),
  'risks.add': op<Risk>()({
    input: z.strictObject({
      title: z.string().trim().min(1).max(300),
      description: z.string().trim().max(2000).default(''),
      category: z.enum(RISK_CATEGORIES),
      likelihood: level,
      impact: level,
      owner: optionalText(100),
      treatment: optionalText(2000),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Add a risk to the register',
  }),
  'risks.update': op<Risk>()({
    input: z.strictObject({
      id: z.string().min(1).max(100),
      likelihood: level.optional(),
      impact: level.optional(),
      owner: optionalText(100),
      treatment: optionalText(2000),
      status: z.enum(RISK_STATUSES).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Change a risk's likelihood, impact, owner, treatment or status",
  }),
} as const satisfies Record<string, OpSpec>;
