// The one contract: every operation the engine offers, its input schema, its result type, who may call
// it and whether it is a long job. Preload, main's IPC router, the engine's router, the CLI, the
// renderer's client and the e2e bridge are all derived from this object; there is no second list.
import { z } from 'zod';
import { CUSTOMER_FIELDS } from './customer';
import type {
  ImportPreview,
  ImportRunResult,
  MappingTemplate,
  QuarantinePage,
  SourceDeleted,
  SourceInfo,
} from './import-types';
import { dispositionRuleSchema, dispositionSetSchema } from './dispositions';
import { overrideChangeSchema } from './classification/overrides';
import type {
  ClassifyRunResult,
  CustomerStats,
  DispositionApplied,
  DispositionSetResult,
  OverrideResult,
  RulesInfo,
  RulesSaved,
} from './quality/results';
import { rulesSchema } from './classification/rules';
import {
  CLUSTER_STATUSES,
  MERGE_FIELDS,
  type ClusterPage,
  type ClusterView,
  type DuplicatesRunResult,
  type MergeResult,
  type SplitResult,
} from './duplicates';
import {
  recordExportOptions,
  recordFilterSchema,
  recordQuerySchema,
  type RecordDetail,
  type RecordExportResult,
  type RecordPage,
} from './records';

// zod 4 probes `new Function('')` to decide whether to compile validators; the renderer's and the
// preload's CSP forbid eval, so the probe would be reported as a violation. Interpret instead.
z.config({ jitless: true });

export const ROLES = ['owner', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** `public`: needs no unlocked vault (app-level). Otherwise the roles of the unlocked session allowed. */
export type Access = 'public' | readonly Role[];

export interface OpSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly access: Access;
  /** A job streams `job.progress` events and can be cancelled with `job.cancel`. */
  readonly job: boolean;
  /** Writers run one at a time; readers may run beside them. */
  readonly writes: boolean;
  /**
   * Who answers: the engine (default), or the desktop shell for what only it can do (native dialogs).
   * The engine answers shell operations with SHELL_ONLY; the e2e harness stands in for the shell.
   */
  readonly host?: 'shell';
  readonly summary: string;
  /** Phantom: carries the result type; never set at run time. */
  readonly __result?: R;
}

/** Declares an operation whose result is `R`: `op<R>()({ input, access, job, writes, summary })`. */
export const op =
  <R>() =>
  <I extends z.ZodType>(spec: Omit<OpSpec<I, R>, '__result'>): OpSpec<I, R> =>
    spec;

const none = z.strictObject({});
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'job id: 8–64 of A–Z a–z 0–9 _ -');

/**
 * A file the engine should read or write. The CLI (and main, after its dialogs) pass `{path}`; the
 * renderer can only pass a `{handle}` that main issued for a file the user chose in a dialog — main
 * swaps it for the path and refuses any `{path}` coming from a window.
 */
export const fileRefSchema = z.union([
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ handle: z.string().regex(/^h-[A-Za-z0-9_-]{8,64}$/) }),
]);
export type FileRef = z.infer<typeof fileRefSchema>;

/** A vault: by its registry id (what the renderer uses), or by file. */
export const vaultRefSchema = z.union([z.strictObject({ vaultId: z.uuid() }), fileRefSchema]);
export type VaultRef = z.infer<typeof vaultRefSchema>;

/** A backup: by its id in the open vault's backups table (what the renderer uses for a listed copy), or by file. */
export const backupRefSchema = z.union([z.strictObject({ backupId: z.uuid() }), fileRefSchema]);
export type BackupRef = z.infer<typeof backupRefSchema>;

const passphrase = z.string().min(1).max(1024);
const userName = z.string().trim().min(1).max(100);
const roleSchema = z.enum(['owner', 'operator', 'auditor']);
const isoDate = z.iso.date();

const vaultDetailsInput = z.strictObject({
  clientName: z.string().trim().min(1).max(200),
  creditCode: z.string().trim().max(40).nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  closureReason: z.string().trim().max(1000).nullable().optional(),
  keyDates: z
    .strictObject({
      decisionDate: isoDate.nullable().optional(),
      deregistrationDate: isoDate.nullable().optional(),
      deadline: isoDate.nullable().optional(),
    })
    .optional(),
});

/** Source column header → Closeout field, 'extra' (kept under its header) or 'skip'. */
export const columnMappingSchema = z.record(
  z.string().max(500),
  z.enum([...CUSTOMER_FIELDS, 'extra', 'skip']),
);
/** Template names; names starting with @ are reserved (@last: the client's last mapping). */
const mappingNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^@]/, 'names starting with @ are reserved');
/** One file to import, with what the person chose in the wizard (each detected when absent). */
export const importInputSchema = z.strictObject({
  file: fileRefSchema,
  sheet: z.string().min(1).max(200).optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.string().length(1).optional(),
  headerRow: z.int().min(0).max(1_048_576).optional(),
  mapping: columnMappingSchema.optional(),
});

// ---- result types --------------------------------------------------------------------------------

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  runtime: { node: string; platform: string; arch: string; electron: string | null };
  engineMode: 'worker' | 'in-process';
}

export type ClosureStage =
  'setup' | 'intake' | 'review' | 'backup' | 'handover' | 'destruction' | 'certified';

/** What the registry knows about a vault: never a secret, never a customer value. */
export interface VaultSummary {
  id: string;
  path: string;
  clientName: string;
  creditCode: string | null;
  stage: ClosureStage;
  lastOpenedAt: string | null;
  lastBackupAt: string | null;
  /** Creation time of the newest backup whose last verification (or drill) passed. */
  lastVerifiedBackupAt: string | null;
  /** When a restore drill last succeeded ("last verified restorable"). */
  lastRestoreVerifiedAt: string | null;
  /** Set when a verification or drill failed, until that copy (or a newer one) passes. */
  lastVerifyFailure: { at: string; backupId: string } | null;
  /** Customer records, and those without a disposition yet: null until the vault first had records. */
  customers: number | null;
  withoutDisposition: number | null;
  /** False when the file is no longer where the registry last saw it. */
  present: boolean;
}

export interface SessionInfo {
  vaultId: string;
  path: string;
  clientName: string;
  userName: string;
  role: Role;
  /** True when opened with the recovery key instead of a passphrase. */
  viaRecoveryKey: boolean;
  idleTimeoutMinutes: number;
}

export interface VaultCreated {
  session: SessionInfo;
  /** Shown once; Closeout keeps no copy outside the vault. */
  recoveryKey: string;
}

export interface KeyDates {
  decisionDate?: string | null;
  deregistrationDate?: string | null;
  deadline?: string | null;
}

export interface VaultDetails {
  vaultId: string;
  path: string;
  clientName: string;
  creditCode: string | null;
  contact: string | null;
  closureReason: string | null;
  keyDates: KeyDates;
  stage: ClosureStage;
  createdAt: string;
  schemaVersion: number;
  idleTimeoutMinutes: number;
  recoveryKeyConfirmed: boolean;
  users: number;
  audit: { entries: number; head: string };
  identity: { subject: string; fingerprintSha256: string; notAfter: string } | null;
  session: SessionInfo;
}

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  hasPassphrase: boolean;
}

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

export interface VaultCheckReport {
  ok: boolean;
  pageCheck: string[];
  integrityCheck: string[];
  audit: AuditReport;
}

/** A file the person chose in a native dialog: an opaque handle for the window, and the name to show. */
export interface ChosenFile {
  handle: string;
  name: string;
}

// ---- backup result types (issue 5) -------------------------------------------------------------

/** One named check of a backup; a failure is a value with `ok: false`, never silent. */
export interface BackupCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BackupManifestSummary {
  backupId: string;
  vaultId: string;
  clientName: string;
  schemaVersion: number;
  appVersion: string;
  operator: string;
  createdAt: string;
  file: string;
  size: number;
  sha256: string;
  rowCounts: Record<string, number>;
  contentDigest: string;
  auditHead: { seq: number; hash: string };
}

export interface BackupSigner {
  subject: string;
  fingerprintSha256: string;
  /** What the certificate was pinned to: the open vault's identity, the identity inside the backup, or nothing. */
  pinnedTo: 'vault' | 'backup' | null;
}

export interface BackupVerification {
  ok: boolean;
  path: string;
  checks: BackupCheck[];
  manifest: BackupManifestSummary | null;
  signer: BackupSigner | null;
  /** True when the result was recorded in the open vault's backups table. */
  recorded: boolean;
}

export interface BackupCreated {
  backupId: string;
  path: string;
  manifestPath: string;
  signaturePath: string;
  size: number;
  sha256: string;
  createdAt: string;
  rowCounts: Record<string, number>;
  contentDigest: string;
  /** The new file read back from the destination and checked, as backup.verify does. */
  verification: BackupVerification;
}

export interface BackupRestored {
  path: string;
  vaultId: string;
  /** 'copied': the open vault's keyring (same passphrases); 'recovery-only': no slots, recovery key only. */
  keyring: 'copied' | 'recovery-only';
  /** The restored vault, when it was unlocked as the session (restored with the recovery key). */
  session: SessionInfo | null;
  registered: boolean;
}

export interface BackupDrill {
  at: string;
  ok: boolean;
  by: string;
  failed: string[];
}

export interface BackupDrillResult {
  ok: boolean;
  backupId: string | null;
  at: string;
  checks: BackupCheck[];
  /** The signed restore-drill certificate, when a folder was given and the drill passed. */
  certificate: { pdf: string; json: string; signature: string } | null;
}

/** What retention decided for one backup copy (backup.prune). */
export interface BackupPruneItem {
  id: string;
  createdAt: string;
  path: string;
  present: boolean;
  lastVerifyOk: boolean | null;
  action: 'keep' | 'delete';
  /** Why it is kept: 'last', 'daily', 'monthly', 'last-verified'. */
  reasons: Array<'last' | 'daily' | 'monthly' | 'last-verified'>;
  /** After a real run: whether its files were deleted; absent disks are not ('absent'). */
  deleted: boolean;
  note: 'absent' | 'failed' | null;
}

export interface BackupPrunePlan {
  dryRun: boolean;
  at: string;
  policy: { keepLast: number; keepDaily: number; keepMonthly: number };
  items: BackupPruneItem[];
  kept: number;
  deleted: number;
  /** To delete, but their disk is not here: left registered, to delete when it is. */
  absent: number;
}

export interface BackupRecord {
  id: string;
  createdAt: string;
  path: string;
  volume: string | null;
  sha256: string;
  size: number;
  manifestSha256: string;
  lastVerifiedAt: string | null;
  lastVerifyOk: boolean | null;
  drills: BackupDrill[];
  /** False when the file is no longer where it was written. */
  present: boolean;
  /** When retention (backup.prune) deleted this copy's files; null while it is kept. */
  deletedAt: string | null;
}

export type { ClusterPage, ClusterView, DuplicatesRunResult, MergeResult, SplitResult } from './duplicates';

// ---- operations ------------------------------------------------------------------------------------

export const contract = {
  'app.info': op<AppInfo>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Version, runtime and data folder of this installation',
  }),
  'vault.list': op<VaultSummary[]>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Every client vault in the registry, with its stage (no secrets)',
  }),
  'job.cancel': op<{ cancelled: boolean }>()({
    input: z.strictObject({ job: jobIdSchema }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Ask a running job to stop; it commits nothing',
  }),
  'vault.create': op<VaultCreated>()({
    input: z.strictObject({
      file: fileRefSchema,
      details: vaultDetailsInput,
      owner: z.strictObject({ name: userName, passphrase }),
    }),
    access: 'public',
    job: false,
    writes: true,
    summary: 'Create an encrypted vault for one client company, with its owner and recovery key',
  }),
  'vault.unlock': op<SessionInfo>()({
    input: z.union([
      z.strictObject({ vault: vaultRefSchema, userName: userName.optional(), passphrase }),
      z.strictObject({ vault: vaultRefSchema, recoveryKey: z.string().min(1).max(200) }),
    ]),
    access: 'public',
    job: false,
    writes: true,
    summary: 'Open a vault with a passphrase (or the recovery key)',
  }),
  'vault.lock': op<{ locked: boolean }>()({
    input: z.strictObject({ reason: z.enum(['user', 'idle', 'system']).default('user') }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Close the open vault and forget its key',
  }),
  'vault.session': op<SessionInfo | null>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Who has which vault open, if any',
  }),
  'vault.info': op<VaultDetails>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'Details of the open vault (no customer values)',
  }),
  'vault.updateDetails': op<VaultDetails>()({
    input: vaultDetailsInput.partial().extend({
      idleTimeoutMinutes: z.int().min(1).max(240).optional(),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Change the client details, key dates or idle timeout',
  }),
  'vault.confirmRecoveryKey': op<{ confirmed: true }>()({
    input: none,
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Record that the owner has stored the recovery key',
  }),
  'vault.writeRecoverySheet': op<{ path: string }>()({
    input: z.strictObject({ out: fileRefSchema }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Write the printable recovery sheet (PDF, Chinese and English)',
  }),
  'vault.check': op<VaultCheckReport>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: true,
    writes: false,
    summary: 'Check every page, the database structure and the audit chain',
  }),
  'vault.forget': op<{ forgotten: boolean }>()({
    input: z.strictObject({ vaultId: z.uuid() }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Remove a vault from the registry (the file is not touched)',
  }),
  'vault.locate': op<VaultSummary>()({
    input: z.strictObject({ vaultId: z.uuid(), file: fileRefSchema }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Tell the registry where a moved vault now is',
  }),
  'users.list': op<UserInfo[]>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'The people who can open this vault and their roles',
  }),
  'users.add': op<UserInfo>()({
    input: z.strictObject({ name: userName, role: roleSchema, passphrase }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Give a person access with a role and their own passphrase',
  }),
  'users.remove': op<{ removed: true }>()({
    input: z.strictObject({ name: userName }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Take a person's access away (their key slot is destroyed)",
  }),
  'users.setRole': op<UserInfo>()({
    input: z.strictObject({ name: userName, role: roleSchema }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Change a person's role",
  }),
  'users.setPassphrase': op<{ changed: true }>()({
    input: z.strictObject({ name: userName, passphrase }),
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: true,
    summary: "Change a passphrase (owners: anyone's; others: their own)",
  }),
  'audit.list': op<AuditEntryView[]>()({
    input: z.strictObject({
      userName: z.string().max(100).optional(),
      op: z.string().max(100).optional(),
      from: z.iso.datetime().optional(),
      to: z.iso.datetime().optional(),
      beforeSeq: z.int().positive().optional(),
      limit: z.int().min(1).max(1000).default(200),
    }),
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'Audit entries, newest first, filtered by user, operation and time',
  }),
  'audit.verify': op<AuditReport>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: true,
    writes: false,
    summary: 'Check every hash and signature of the audit chain',
  }),
  'audit.export': op<{ files: string[] }>()({
    input: z.strictObject({ dir: fileRefSchema }),
    access: ['owner', 'auditor'],
    job: false,
    writes: true,
    summary: 'Write the audit log as CSV and as signed JSON',
  }),
  'dialog.choose': op<ChosenFile | null>()({
    input: z.strictObject({
      kind: z.enum(['open', 'save', 'folder']),
      purpose: z.enum([
        'vault',
        'recovery-sheet',
        'audit-export',
        'certificate',
        'import',
        'backup',
        'records-export',
      ]),
      suggestedName: z.string().max(200).optional(),
    }),
    access: 'public',
    job: false,
    writes: false,
    host: 'shell',
    summary: 'Ask the person to choose a file or folder; the window gets a handle, never the path',
  }),
  'backup.create': op<BackupCreated>()({
    input: z.strictObject({ dir: fileRefSchema }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Write an encrypted snapshot of the vault with a signed manifest to a folder on another disk',
  }),
  'backup.verify': op<BackupVerification>()({
    input: z.strictObject({ backup: backupRefSchema, recoveryKey: z.string().min(1).max(200).optional() }),
    access: 'public',
    job: true,
    writes: true,
    summary: 'Read a backup back: hash, signature, every page and every record against its manifest',
  }),
  'backup.restore': op<BackupRestored>()({
    input: z.strictObject({
      backup: backupRefSchema,
      to: fileRefSchema,
      recoveryKey: z.string().min(1).max(200).optional(),
    }),
    access: 'public',
    job: true,
    writes: true,
    summary: 'Verify a backup, then restore it as a new vault file (never over an existing one)',
  }),
  'backup.drill': op<BackupDrillResult>()({
    input: z.strictObject({ backup: backupRefSchema, certificateDir: fileRefSchema.optional() }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Restore a backup into a scratch folder, compare every record, delete it, record the drill',
  }),
  'backup.list': op<BackupRecord[]>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'Every backup copy of the open vault, with its last verification and drills',
  }),
  'backup.prune': op<BackupPrunePlan>()({
    input: z.strictObject({
      keepLast: z.int().min(1).max(10_000),
      keepDaily: z.int().min(0).max(10_000).default(0),
      keepMonthly: z.int().min(0).max(10_000).default(0),
      dryRun: z.boolean().default(false),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Retention: keep the last N, the newest per day and per month; never the last verified copy',
  }),
  // ---- import (issue 4) ----------------------------------------------------------------------------
  'import.preview': op<ImportPreview>()({
    input: importInputSchema,
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary:
      'Detect format, encoding and sheet; suggest a mapping; show the first rows as they will be stored',
  }),
  'import.run': op<ImportRunResult>()({
    input: z.strictObject({
      inputs: z.array(importInputSchema).min(1).max(100),
      allowSameSource: z.boolean().default(false),
      saveMappingAs: mappingNameSchema.optional(),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary:
      'Import customer files into the vault (one transaction), quarantining unreadable rows, then classify',
  }),
  'import.sources': op<SourceInfo[]>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'The files imported into this vault, with their SHA-256 and counts',
  }),
  'import.quarantine': op<QuarantinePage>()({
    input: z.strictObject({
      sourceId: z.uuid().optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(1000).default(100),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary: 'Quarantined rows (file, row, reason, original text), page by page',
  }),
  'import.exportQuarantine': op<{ path: string; rows: number }>()({
    input: z.strictObject({ out: fileRefSchema, sourceId: z.uuid().optional() }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Write the quarantined rows as CSV (UTF-8 with BOM, formula-safe) to a new file',
  }),
  'import.deleteSource': op<SourceDeleted>()({
    input: z.strictObject({ file: fileRefSchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'After a verified import: overwrite and delete the plaintext source file (same SHA-256 only)',
  }),
  'import.mappings': op<MappingTemplate[]>()({
    input: none,
    access: ['owner', 'operator'],
    job: false,
    writes: false,
    summary: 'Saved column mappings (templates, and the last one used)',
  }),
  'import.saveMapping': op<MappingTemplate>()({
    input: z.strictObject({ name: mappingNameSchema, mapping: columnMappingSchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Save a column mapping as a reusable template',
  }),
  'import.deleteMapping': op<{ deleted: boolean }>()({
    input: z.strictObject({ name: mappingNameSchema }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Delete a saved column mapping',
  }),
  'records.query': op<RecordPage>()({
    input: recordQuerySchema,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary:
      'Search (any substring of name, phone, e-mail, address) and filter the records, one page at a time',
  }),
  'records.get': op<RecordDetail>()({
    input: z.strictObject({ id: z.int().positive() }),
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'One record with its source rows as read and its history from the audit chain',
  }),
  'records.export': op<RecordExportResult>()({
    input: z.strictObject({ ...recordExportOptions, file: fileRefSchema }),
    access: ['owner', 'operator', 'auditor'],
    job: true,
    writes: true,
    summary: 'Write the selected records as CSV (UTF-8 with BOM or GB18030), XLSX or JSON, formula-safe',
  }),
  // ---- classification, dispositions and statistics (issue 4) ----
  'classification.rules': op<RulesInfo>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'The classification rules in force and the list of earlier versions',
  }),
  'classification.saveRules': op<RulesSaved>()({
    input: z.strictObject({
      rules: rulesSchema,
      note: z.string().trim().max(500).optional(),
      reclassify: z.boolean().default(false),
    }),
    access: ['owner'],
    job: true,
    writes: true,
    summary: 'Store the classification rules as a new version; optionally reclassify every record',
  }),
  'classification.run': op<ClassifyRunResult>()({
    input: z.strictObject({
      filter: recordFilterSchema.optional(),
      /** New rules to store first (owners only). */
      rules: rulesSchema.optional(),
      note: z.string().trim().max(500).optional(),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Reclassify every record (or a filter of them) under the rules in force; overrides stay',
  }),
  'classification.override': op<OverrideResult>()({
    input: z
      .strictObject({
        ids: z.array(z.int().positive()).min(1).max(100_000).optional(),
        filter: recordFilterSchema.optional(),
        set: overrideChangeSchema,
      })
      .refine((i) => (i.ids === undefined) !== (i.filter === undefined), {
        message: 'give either ids or a filter',
      }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Set or clear type, region, category or flags by hand for records, in bulk',
  }),
  'dispositions.apply': op<DispositionApplied>()({
    input: z.strictObject({
      rules: z.array(dispositionRuleSchema).min(1).max(100),
      dryRun: z.boolean().default(false),
      /** Leave dispositions a person set by hand (dispositions.set) alone. */
      keepManual: z.boolean().default(true),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Decide dispositions by rules (first matching rule wins); a dry run only counts',
  }),
  'dispositions.set': op<DispositionSetResult>()({
    input: z.strictObject({
      ids: z.array(z.int().positive()).min(1).max(100_000),
      set: z.union([dispositionSetSchema, z.strictObject({ disposition: z.null() })]),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Set (or clear) listed records' disposition by hand: RETAIN needs a basis and a date",
  }),
  'records.stats': op<CustomerStats>()({
    input: none,
    access: ['owner', 'operator', 'auditor'],
    job: false,
    writes: false,
    summary: 'Counts by type, region, category, flag, duplicates and disposition',
  }),
  // ---- duplicates (issue 4) ------------------------------------------------------------------------
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

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** Any contract: the product's, or one a test composes from it and operations of its own. */
export type ContractShape = Readonly<Record<string, OpSpec>>;
/** The result type an operation's spec carries. */
export type SpecResult<S> = S extends OpSpec<z.ZodType, infer R> ? R : never;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = SpecResult<Contract[K]>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(value: unknown): value is OpName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export const callOptionsSchema = z.strictObject({ jobId: jobIdSchema.optional() }).optional();
export type CallOptions = z.infer<typeof callOptionsSchema>;

// ---- events ------------------------------------------------------------------------------------------

export interface JobProgress {
  job: string;
  op: string;
  phase: string;
  done: number;
  /** Null while the total is not yet known. */
  total: number | null;
  /** Units per second over the job so far. */
  rate: number;
  /** Seconds left at the current rate, null when unknown. */
  etaSeconds: number | null;
}

export interface JobFinished {
  job: string;
  op: string;
  outcome: 'succeeded' | 'failed' | 'cancelled';
}

export interface SessionLocked {
  reason: 'idle' | 'user' | 'system';
}

const event = <P>() => ({}) as { readonly __payload?: P };

export const events = {
  'job.progress': event<JobProgress>(),
  'job.finished': event<JobFinished>(),
  'session.locked': event<SessionLocked>(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { readonly __payload?: infer P }
  ? P
  : never;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}

// ---- wire names --------------------------------------------------------------------------------------

export const CHANNEL_PREFIX = 'closeout:';
export const channelFor = (name: OpName): string => CHANNEL_PREFIX + name;
export const EVENT_CHANNEL = 'closeout:event';
/**
 * Files dropped onto the window: the preload reads the path of a dropped File (webUtils) and sends it
 * here; main answers with a handle, as a dialog would. Not an operation: a window cannot call it with a
 * path of its own choosing, only with a File the person dropped.
 */
export const DROP_CHANNEL = 'closeout:file-dropped';
