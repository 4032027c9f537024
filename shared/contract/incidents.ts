// incidents.*: the register of security incidents (what was lost or exposed, who is affected — computed
// from the vault where it can be —, the notification timers per law, decisions with their reasons, the
// notices drafted and sent), the emergency plan and the drills. The register holds counts and ids, never
// a customer's value, so it outlives the records it counts.
import { z } from 'zod';
import {
  INCIDENT_KINDS,
  INCIDENT_REGIMES,
  NOTICE_AUDIENCES,
  NOTICE_DECISIONS,
  type IncidentTimer,
} from '../incidents';
import { fileRef, op, ROLES, type OpSpec } from './op';

/** Who and what an incident touched: counts only. */
export interface IncidentAffected {
  /**
   * backup-manifest: the lost backup's signed manifest; backup-estimate: the records the vault held when
   * that backup was made (its manifest is gone); handover-package: the package's selection; whole-vault:
   * every record; entered: the person's own count.
   */
  basis: 'backup-manifest' | 'backup-estimate' | 'handover-package' | 'whole-vault' | 'entered';
  backupId: string | null;
  transferId: number | null;
  /** Customer records affected (merged ones included). */
  records: number | null;
  /** Of those, records that are a person's own (not merged into another): about the number of people. */
  people: number | null;
  /** Whether the data was encrypted (null: not known). */
  encrypted: boolean | null;
  /** Whether the key went too (then encryption does not count as protection). */
  keyExposed: boolean;
  /** The kinds of data involved (field names), for the notices' "what information". */
  fields: string[];
  /** Among the records the vault can still see: residents of the EEA and of California, sensitive, minors. */
  eu: number;
  california: number;
  sensitive: number;
  minors: number;
}

export interface IncidentDecision {
  regime: (typeof INCIDENT_REGIMES)[number];
  audience: (typeof NOTICE_AUDIENCES)[number];
  decision: (typeof NOTICE_DECISIONS)[number];
  reason: string;
  at: string;
  by: string | null;
}

export interface IncidentNotice {
  regime: (typeof INCIDENT_REGIMES)[number];
  audience: (typeof NOTICE_AUDIENCES)[number];
  /** The draft's files (names only), when one was written. */
  files: string[];
  draftedAt: string | null;
  sentAt: string | null;
  /**
   * Why the notice went after its deadline (GDPR Art. 33(1): a notification to the authority after 72
   * hours "shall be accompanied by reasons for the delay"); null when none were recorded.
   */
  delayReasons: string | null;
  by: string | null;
}

export interface IncidentEntry {
  id: string;
  /** I-0001, I-0002, …: what a person quotes. */
  ref: string;
  kind: (typeof INCIDENT_KINDS)[number];
  discoveredAt: string;
  description: string;
  affected: IncidentAffected;
  regimes: Array<(typeof INCIDENT_REGIMES)[number]>;
  timers: IncidentTimer[];
  decisions: IncidentDecision[];
  notices: IncidentNotice[];
  status: 'open' | 'closed';
  closedAt: string | null;
  closeNote: string | null;
  createdAt: string;
  createdBy: string | null;
}

export type IncidentAdded = IncidentEntry & { incidentId: string };

interface PlanContact {
  role: string;
  name: string;
  contact: string;
}

/** The emergency plan: who to call, who does what, the steps per kind of incident, the drill period. */
export interface EmergencyPlan {
  language: 'zh-CN' | 'en';
  contacts: PlanContact[];
  roles: Array<{ role: string; duty: string }>;
  steps: Record<(typeof INCIDENT_KINDS)[number], string[]>;
  drillPeriodMonths: number;
  /** Null: the template, never saved. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface DrillEntry {
  id: string;
  heldOn: string;
  kind: (typeof INCIDENT_KINDS)[number];
  scenario: string;
  participants: string[];
  findings: string;
  loggedAt: string;
  loggedBy: string | null;
}

/** What the Dashboard warns about. */
export interface IncidentStatus {
  running: Array<
    { ref: string; id: string } & Pick<IncidentTimer, 'regime' | 'audience' | 'deadline' | 'state'>
  >;
  lastDrill: string | null;
  drillPeriodMonths: number;
  /** No drill in the period (counted back from today). */
  drillDue: boolean;
}

const text = (max: number) => z.string().trim().max(max);
const incidentId = z.string().min(1).max(100);
const regime = z.enum(INCIDENT_REGIMES);
const audience = z.enum(NOTICE_AUDIENCES);
const line = text(300).min(1);

const incidentSource = z.discriminatedUnion('from', [
  z.strictObject({
    from: z.literal('backup'),
    backupId: z.uuid(),
    /** A copy of the lost backup's manifest, when the one beside it went too. */
    manifest: fileRef('incident-manifest', 'open').optional(),
  }),
  z.strictObject({ from: z.literal('package'), transferId: z.int().positive() }),
  z.strictObject({ from: z.literal('vault') }),
  z.strictObject({
    from: z.literal('entered'),
    records: z.int().nonnegative(),
    encrypted: z.boolean().nullable().default(null),
  }),
]);

const planSchema = z.strictObject({
  language: z.enum(['zh-CN', 'en']),
  contacts: z.array(z.strictObject({ role: line, name: text(100), contact: text(200) })).max(30),
  roles: z.array(z.strictObject({ role: line, duty: text(1000) })).max(30),
  steps: z.strictObject(
    Object.fromEntries(INCIDENT_KINDS.map((k) => [k, z.array(text(1000).min(1)).max(30)])) as Record<
      (typeof INCIDENT_KINDS)[number],
      z.ZodArray<z.ZodString>
    >,
  ),
  drillPeriodMonths: z.int().min(1).max(60),
});

export const incidentsOps = {
  'incidents.list': op<IncidentEntry[]>()({
    input: z.strictObject({ open: z.boolean().default(false) }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The security incidents, with who is affected and the notification timers (open ones first)',
  }),
  'incidents.add': op<IncidentAdded>()({
    input: z.strictObject({
      kind: z.enum(INCIDENT_KINDS),
      discoveredAt: z.iso.datetime({ offset: true }),
      /** What happened, without personal data. */
      description: text(2000).min(1),
      source: incidentSource.default({ from: 'entered', records: 0, encrypted: null }),
      keyExposed: z.boolean().default(false),
      /** The laws whose timers run; default: PIPL, plus GDPR / CCPA when EEA / California residents are affected. */
      regimes: z.array(regime).min(1).max(3).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Register a security incident; who is affected is computed from the vault where it can be',
  }),
  'incidents.decide': op<IncidentEntry>()({
    input: z.strictObject({
      id: incidentId,
      regime,
      audience,
      decision: z.enum(NOTICE_DECISIONS),
      reason: text(2000).min(1),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Record whether to notify the authority or the individuals under one law, and why',
  }),
  'incidents.notice': op<IncidentEntry>()({
    input: z.strictObject({
      id: incidentId,
      regime,
      audience,
      /** Write the draft (PDF, Chinese and English) into this folder. */
      out: fileRef('incident-output', 'folder').optional(),
      /** Record that the notice was sent, at this time. */
      sentAt: z.iso.datetime({ offset: true }).optional(),
      /** The reasons for a notice sent after its deadline, given with it (now or with `sentAt`). */
      delayReasons: text(2000).min(1).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Write a notification draft (authority or individuals, zh + en) or record that it was sent',
  }),
  'incidents.close': op<IncidentEntry>()({
    input: z.strictObject({ id: incidentId, note: text(2000).min(1) }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Close an incident with what was learned',
  }),
  'incidents.status': op<IncidentStatus>()({
    input: z.strictObject({}),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Running notification timers and whether a drill is due, for the Dashboard',
  }),
  'incidents.plan': op<EmergencyPlan>()({
    input: z.strictObject({ language: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The emergency plan (the template in the language asked for, until one is saved)',
  }),
  'incidents.savePlan': op<EmergencyPlan>()({
    input: planSchema,
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Save the emergency plan',
  }),
  'incidents.exportPlan': op<{ file: string }>()({
    input: z.strictObject({ out: fileRef('incident-output', 'folder') }),
    access: ROLES,
    job: false,
    writes: true,
    summary: 'Write the emergency plan as a PDF',
  }),
  'incidents.drills': op<DrillEntry[]>()({
    input: z.strictObject({}),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The emergency drills held, newest first',
  }),
  'incidents.logDrill': op<DrillEntry>()({
    input: z.strictObject({
      heldOn: z.iso.date(),
      kind: z.enum(INCIDENT_KINDS),
      scenario: text(1000).min(1),
      participants: z.array(line).min(1).max(50),
      findings: text(4000).min(1),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Log an emergency drill: date, scenario, participants, findings',
  }),
} as const satisfies Record<string, OpSpec>;
