// people.*: who holds which role in the closure (liquidator, accountant, data officer, custodian of the
// records after deregistration…), each one's signed confidentiality undertaking, and the training and
// briefing log (PIPL Art. 51(4), DSL Art. 27).
import { z } from 'zod';
import { fileRef, none, op, ROLES, type OpSpec } from './op';

export const CLOSURE_DUTIES = [
  'owner-representative',
  'liquidator',
  'accountant',
  'data-officer',
  'operator',
  'it',
  'custodian',
  'auditor',
  'other',
] as const;
export type ClosureDuty = (typeof CLOSURE_DUTIES)[number];

export interface ClosurePerson {
  id: string;
  name: string;
  duty: ClosureDuty;
  organisation: string | null;
  contact: string | null;
  addedAt: string;
  undertaking: { signedOn: string; file: { id: string; name: string; sha256: string } | null } | null;
  /** The last training session this person attended. */
  lastTrainedOn: string | null;
}

export interface TrainingSession {
  id: string;
  heldOn: string;
  topic: string;
  trainer: string;
  attendees: Array<{ id: string; name: string }>;
  note: string;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PeopleAndTraining {
  people: ClosurePerson[];
  training: TrainingSession[];
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const peopleOps = {
  'people.list': op<PeopleAndTraining>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The people of the closure with their duties and undertakings, and the training log',
  }),
  'people.save': op<ClosurePerson>()({
    input: z.strictObject({
      id: z.uuid().optional(),
      name: text(100),
      duty: z.enum(CLOSURE_DUTIES),
      organisation: optionalText(200),
      contact: optionalText(200),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Add a person to the closure, or change their duty or contact',
  }),
  'people.remove': op<{ removed: boolean }>()({
    input: z.strictObject({ id: z.uuid() }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Take a person off the closure (their undertaking and training stay on record)',
  }),
  'people.recordUndertaking': op<ClosurePerson>()({
    input: z.strictObject({
      id: z.uuid(),
      signedOn: z.iso.date(),
      file: fileRef('evidence-file', 'open').optional(),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Record that a person signed the confidentiality undertaking (with the signed scan)',
  }),
  'people.writeUndertaking': op<{ path: string }>()({
    input: z.strictObject({ id: z.uuid(), out: fileRef('compliance', 'save') }),
    access: ROLES,
    job: false,
    writes: true,
    summary: "Write a person's confidentiality undertaking to sign (PDF, Chinese and English)",
  }),
  'people.addTraining': op<TrainingSession>()({
    input: z.strictObject({
      heldOn: z.iso.date(),
      topic: text(300),
      trainer: text(100),
      attendees: z.array(z.uuid()).min(1).max(500),
      note: z.string().trim().max(2000).default(''),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Record a training or briefing session and who attended',
  }),
} as const satisfies Record<string, OpSpec>;
