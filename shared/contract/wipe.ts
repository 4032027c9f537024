// wipe.*: the secure wipe of records, of the whole vault and its backups, the files Closeout wrote, the
// paper and cloud destruction logs, and the signed certificate of sanitisation each wipe ends with.
import { z } from 'zod';
import { recordFilterSchema } from '../records';
import {
  CLOUD_STATUSES,
  PAPER_METHODS,
  PIPL_TRIGGERS,
  PROCESSOR_OUTCOMES,
  SHRED_LEVELS,
  type CloudStatus,
  type PaperMethod,
  type ProcessorOutcome,
} from '../wipe';
import { fileRef, none, op, ROLES, type OpSpec } from './op';

export type WipeKind = 'records' | 'vault';

/** Records under RETAIN (a legal hold), grouped by basis and retain-until: never touched, listed. */
export interface KeptGroup {
  basis: string;
  retainUntil: string | null;
  records: number;
}

/** A file the wipe handles and what happens (or happened) to it. */
export interface WipeFile {
  /** vault, wal, shm, journal, keyring, keyring-side, records-export, quarantine-export, recovery-sheet, … */
  kind: string;
  path: string;
  bytes: number | null;
  sha256: string | null;
  /** overwrite: one pass of random data, flushed, then deleted; keep / skip: left as it is (see reason). */
  action: 'overwrite' | 'keep' | 'skip';
  /** evidence, changed (not the file Closeout wrote), missing, not-included, failed */
  reason: string | null;
  done: boolean;
}

/** A backup copy in the vault's list, and what the wipe does about it. */
export interface WipeBackup {
  backupId: string;
  createdAt: string;
  path: string;
  volume: string | null;
  sha256: string;
  /**
   * overwrite: on an attached disk, overwritten and deleted; unreadable: its disk is absent, and it
   * opens with no key once the keys are destroyed; deleted-earlier: retention deleted it; not-included.
   */
  action: 'overwrite' | 'unreadable' | 'deleted-earlier' | 'not-included';
  present: boolean;
  done: boolean;
  /** Set when an overwrite was tried and failed. */
  failed: string | null;
}

/** One copy of the vault key (or of a key that opens it), and its fate. */
export interface KeyCopy {
  kind:
    | 'keyring-slot'
    | 'company-kek-envelope'
    | 'pending-envelope'
    | 'keyring-file'
    | 'session-key'
    | 'company-key'
    | 'recovery-copy'
    | 'recovery-sheet';
  /** The slot's user, or what the copy is. */
  label: string;
  /** A path, 'memory', 'vault' (inside the encrypted vault) or 'paper'. */
  where: string;
  /** destroy: Closeout destroys it; logged: its destruction is in the paper log; exists: it still exists. */
  action: 'destroy' | 'logged' | 'exists';
  done: boolean;
}

type WipeWarning =
  | 'overwrite-limits'
  | 'backups-hold-purged'
  | 'recovery-sheet-exists'
  | 'retained-records'
  | 'outputs-changed';

export interface WipePlan {
  kind: WipeKind;
  vaultId: string;
  clientName: string;
  records: {
    /** Records destroyed, and the records merged into them (which go with them). */
    destroy: number;
    mergedWith: number;
    /** ANONYMISE records reduced to what analytics keeps. */
    anonymise: number;
    quarantine: number;
    kept: KeptGroup[];
    keptTotal: number;
  };
  files: WipeFile[];
  backups: WipeBackup[];
  keyCopies: KeyCopy[];
  warnings: WipeWarning[];
}

export interface WipeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface WipeVerification {
  ok: boolean;
  checks: WipeCheck[];
  /** Pages of the vault decrypted and read back after the purge. */
  pagesRead: number;
  /** Distinct purged values looked for on every page. */
  valuesChecked: number;
  /** Purged values still found (and held by no kept record): 0 when sound. */
  valuesFound: number;
}

export interface WipeCertificateFiles {
  pdf: string;
  json: string;
  signature: string;
  manifest: string;
  companyCertificate: string;
  /** SHA-256 of the certificate JSON: what the vault's last audit entry of the wipe holds. */
  sha256: string;
}

export interface WipeResult {
  /** Null for a dry run. */
  wipeId: string | null;
  kind: WipeKind;
  dryRun: boolean;
  /** True when this call finished a wipe that an earlier run began (a kill, a pulled disk). */
  resumed: boolean;
  plan: WipePlan;
  purged: { records: number; anonymised: number; copies: Record<string, number> };
  kept: { records: number; groups: KeptGroup[] };
  verification: WipeVerification | null;
  certificate: WipeCertificateFiles | null;
}

/** A file attached as evidence: only its name, size and SHA-256 are kept. */
export interface EvidenceFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface PaperEntry {
  id: number;
  batch: string;
  description: string;
  sheets: number | null;
  boxes: number | null;
  method: PaperMethod;
  level: string | null;
  particleSize: string | null;
  company: string | null;
  companyCertificate: string | null;
  date: string;
  operator: string;
  witness: string;
  /** The batch held the paper recovery sheet (a copy of the vault key). */
  recoverySheet: boolean;
  evidence: EvidenceFile | null;
  loggedAt: string;
  loggedBy: string;
}

export interface CloudEntry {
  id: number;
  service: string;
  account: string;
  data: string;
  status: CloudStatus;
  requestedOn: string | null;
  confirmedOn: string | null;
  reference: string | null;
  accountClosed: boolean;
  processor: ProcessorOutcome | null;
  evidence: EvidenceFile[];
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** A wipe this vault has been through, with its certificate. */
export interface WipeHistoryItem {
  wipeId: string;
  kind: WipeKind;
  at: string;
  by: string;
  certificateSha256: string;
  counts: Record<string, number>;
  certificateJson: string | null;
}

export interface WipeLogs {
  paper: PaperEntry[];
  cloud: CloudEntry[];
  wipes: WipeHistoryItem[];
}

/** A wipe that began and has not finished (a kill, a crash, a pulled disk). */
export interface PendingWipe {
  wipeId: string;
  kind: WipeKind;
  vaultId: string;
  clientName: string;
  vaultFile: string;
  startedAt: string;
  /** The last step the journal recorded. */
  step: string;
  /** True when what is left needs the vault unlocked (its keys are not destroyed yet). */
  needsVault: boolean;
}

export interface WipeResumed {
  completed: WipeResult[];
  pending: PendingWipe[];
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** NIST SP 800-88 §4.8: who performed the sanitisation, beyond their name (the session's user). */
const signatorySchema = z.strictObject({
  title: text(100).optional(),
  location: text(200).optional(),
  contact: text(200).optional(),
});

/** A second person who checked the result, named on the certificate (NIST: verify, by another person). */
const verifierSchema = z.strictObject({ name: text(100), title: text(100).optional() });

const certificateOptions = {
  /** Where the certificate goes (required unless dryRun); a copy is also kept in the data folder. */
  certificateDir: fileRef('wipe-certificate', 'folder').optional(),
  trigger: z.enum(PIPL_TRIGGERS).default('ceased-business'),
  signatory: signatorySchema.optional(),
  verifier: verifierSchema.optional(),
  /** List exactly what each scope would do; change nothing. */
  dryRun: z.boolean().default(false),
  /** Original import files to overwrite and delete: only files whose SHA-256 is a recorded source. */
  sources: z.array(fileRef('import', 'open')).max(200).default([]),
};

const paperSchema = z
  .strictObject({
    batch: text(100),
    description: text(500),
    sheets: z.int().min(1).max(100_000_000).optional(),
    boxes: z.int().min(1).max(1_000_000).optional(),
    method: z.enum(PAPER_METHODS),
    level: z.enum(SHRED_LEVELS).optional(),
    particleSize: text(50).optional(),
    company: text(200).optional(),
    companyCertificate: text(200).optional(),
    date: z.iso.date(),
    /** Who destroyed it; the session's user when absent. */
    operator: text(100).optional(),
    witness: text(100),
    recoverySheet: z.boolean().default(false),
    evidence: fileRef('wipe-evidence', 'open').optional(),
  })
  .refine((p) => p.sheets !== undefined || p.boxes !== undefined, {
    message: 'give the number of sheets or of boxes',
  })
  .refine((p) => p.method !== 'shredder' || p.level !== undefined, {
    message: 'a shredder needs its security level (DIN 66399 P-1 … P-7)',
  })
  .refine((p) => p.method !== 'destruction-company' || p.company !== undefined, {
    message: 'a destruction company needs its name',
  });

const cloudSchema = z.strictObject({
  service: text(100),
  account: text(200),
  /** What data the service held (required the first time a service and account are logged). */
  data: text(500).optional(),
  status: z.enum(CLOUD_STATUSES),
  requestedOn: z.iso.date().optional(),
  confirmedOn: z.iso.date().optional(),
  reference: text(200).optional(),
  accountClosed: z.boolean().optional(),
  processor: z.enum(PROCESSOR_OUTCOMES).optional(),
  evidence: fileRef('wipe-evidence', 'open').optional(),
  note: text(500).optional(),
});

export const wipeOps = {
  'wipe.records': op<WipeResult>()({
    input: z.strictObject({
      /** Which records (as on the Records page); none: every DESTROY and ANONYMISE record. */
      filter: recordFilterSchema.optional(),
      /** Also the quarantined rows (rows that never became records, and have no disposition). */
      quarantine: z.boolean().default(true),
      /** Also the files Closeout wrote that hold customer values (exports, notices, packages). */
      outputs: z.boolean().default(false),
      ...certificateOptions,
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Purge records (and every derived copy) or reduce them to what analytics keeps; verify every page; certify',
  }),
  'wipe.vault': op<WipeResult>()({
    input: z.strictObject({
      /** The client's name, typed to confirm (not needed for a dry run). */
      confirm: z.string().max(300).optional(),
      includeBackups: z.boolean().default(false),
      /** Records under a legal hold have been exported and are kept outside the vault. */
      retainedKeptElsewhere: z.boolean().default(false),
      ...certificateOptions,
    }),
    access: ['owner'],
    job: true,
    writes: true,
    summary:
      'Cryptographic erase of the vault, then overwrite and delete it, its keyring, sidecars, backups and outputs; certify',
  }),
  'wipe.resume': op<WipeResumed>()({
    input: z.strictObject({
      wipeId: z.uuid().optional(),
      /** Only the wipes of this vault file; a finished whole-vault wipe of it gives its result again. */
      vault: fileRef('vault', 'open').optional(),
    }),
    access: 'public',
    job: true,
    writes: true,
    summary:
      'Finish interrupted wipes whose remaining steps need no key (a vault wipe after its erase began)',
  }),
  'wipe.pending': op<PendingWipe[]>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Wipes that began and have not finished, from their journals in the data folder',
  }),
  'wipe.logPaper': op<PaperEntry>()({
    input: paperSchema,
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Log a batch of paper destroyed (method, level, witness, evidence file hashed)',
  }),
  'wipe.logCloud': op<CloudEntry>()({
    input: cloudSchema,
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Log a deletion requested or confirmed by a cloud service or other system (evidence hashed)',
  }),
  'wipe.logs': op<WipeLogs>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The paper and cloud logs and the wipes this vault has been through',
  }),
} as const satisfies Record<string, OpSpec>;
