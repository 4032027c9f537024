// requests.*: the register of customers' requests and complaints (access, correction, deletion,
// objection, portability), their due dates per regime, fulfilment from the vault and closure. The
// register holds the record's number, never a customer's value, so it outlives the records it names.
import { z } from 'zod';
import {
  IDENTITY_CHECKS,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_OUTCOMES,
  REQUEST_REGIMES,
  type RequestDue,
  type RequestStatus,
} from '../requests';
import { PIPL_TRIGGERS } from '../wipe';
import { fileRef, op, ROLES, type OpSpec } from './op';

export interface RequestEntry {
  id: string;
  /** R-0001, R-0002, …: what a person quotes. */
  ref: string;
  kind: (typeof REQUEST_KINDS)[number];
  regime: (typeof REQUEST_REGIMES)[number];
  channel: (typeof REQUEST_CHANNELS)[number];
  receivedOn: string;
  /** The customer's record, or null when no record was found for the person who asked. */
  recordId: number | null;
  identityCheck: (typeof IDENTITY_CHECKS)[number];
  note: string;
  due: RequestDue;
  /** Whole days from today to the due date (negative: overdue); null once closed. */
  daysLeft: number | null;
  /** CCPA: confirm receipt within 10 California business days (`daysLeft` null once done or closed). */
  acknowledgement: { due: string; on: string | null; daysLeft: number | null } | null;
  extension: { reason: string; at: string } | null;
  status: RequestStatus;
  fulfilment: RequestFulfilment | null;
  outcome: (typeof REQUEST_OUTCOMES)[number] | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** A request just registered: its entry, and its id under the name scripts read. */
export type RequestAdded = RequestEntry & { requestId: string };

/** What fulfilling did: ids, counts, field names and file names, never a value. */
export interface RequestFulfilment {
  at: string;
  by: string | null;
  action: 'exported' | 'corrected' | 'deleted' | 'retained' | 'objection-recorded' | 'no-record' | 'answered';
  /** The files written into the chosen folder (names only). */
  files: string[];
  /** Records the answer covered (the customer's record and those merged into it). */
  records: number;
  /** correction: the fields changed. */
  fields?: string[];
  /** deletion: the wipe and its certificate's SHA-256. */
  wipeId?: string | null;
  certificateSha256?: string | null;
  /** deletion refused by a retention basis: which, and until when. */
  retention?: { basis: string | null; until: string | null };
}

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const requestId = z.string().min(1).max(100);

export const requestsOps = {
  'requests.list': op<RequestEntry[]>()({
    input: z.strictObject({ open: z.boolean().default(false) }),
    access: ROLES,
    job: false,
    writes: false,
    summary: "The customers' requests and complaints, with their due dates (open ones first)",
  }),
  'requests.add': op<RequestAdded>()({
    input: z.strictObject({
      kind: z.enum(REQUEST_KINDS),
      regime: z.enum(REQUEST_REGIMES).default('pipl'),
      channel: z.enum(REQUEST_CHANNELS).default('other'),
      receivedOn: isoDate,
      recordId: z.int().positive().nullable().default(null),
      identityCheck: z.enum(IDENTITY_CHECKS).default('not-checked'),
      /** PIPL only: the working days to answer in (15 unless the team decides otherwise). */
      workingDays: z.int().min(1).max(60).optional(),
      /** Free text: what the request is about, without personal data. */
      note: text(1000).default(''),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Register a customer's request or complaint",
  }),
  'requests.extend': op<RequestEntry>()({
    input: z.strictObject({
      id: requestId,
      reason: text(500).min(1),
      /** PIPL: a new count of working days (GDPR and CCPA extend by their fixed period, once). */
      workingDays: z.int().min(1).max(60).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary:
      "Extend a request's period (GDPR +2 months, CCPA +45 days, once; PIPL: a new count), with the reason",
  }),
  'requests.acknowledge': op<RequestEntry>()({
    input: z.strictObject({
      id: requestId,
      /** The day receipt was confirmed to the person (default: today). */
      on: isoDate.optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Record that a CCPA request's receipt was confirmed (due within 10 business days)",
  }),
  'requests.fulfil': op<RequestEntry>()({
    input: z.strictObject({
      id: requestId,
      /** Where the answer goes: the data (access), the letter, the deletion certificate. */
      out: fileRef('request-output', 'folder'),
      /** correction: the new values of fields the import reads as plain text. */
      corrections: z
        .array(z.strictObject({ field: z.string().min(1).max(50), value: text(2000) }))
        .max(20)
        .default([]),
      /** deletion: the PIPL Art. 47 ground named on the certificate. */
      trigger: z.enum(PIPL_TRIGGERS).default('consent-withdrawn'),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Fulfil a request from the vault: a copy (JSON + CSV + letter), a correction, a deletion with its certificate, an objection',
  }),
  'requests.close': op<RequestEntry>()({
    input: z.strictObject({
      id: requestId,
      outcome: z.enum(REQUEST_OUTCOMES),
      note: text(1000).optional(),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Close a request with its outcome',
  }),
} as const satisfies Record<string, OpSpec>;
