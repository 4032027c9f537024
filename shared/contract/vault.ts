// vault.*: creating, unlocking and locking client vaults, their details, checks and the registry.
import { z } from 'zod';
import type { KeyDateKind } from '../compliance/key-dates';
import type { AuditProblem, AuditReport } from './audit';
import { fileRef, none, op, ROLES, vaultRefSchema, type OpSpec, type Role } from './op';
import { passphrase, userName, type RekeyOutcome } from './users';

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

/** The closure's stages, in order. */
export const CLOSURE_STAGES = [
  'setup',
  'intake',
  'review',
  'backup',
  'handover',
  'destruction',
  'certified',
] as const;
export type ClosureStage = (typeof CLOSURE_STAGES)[number];

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
  /** The closure plan's nearest due date not yet past, and how many blockers it has: null until first worked out. */
  nextDeadline: { kind: KeyDateKind; date: string } | null;
  blockers: number | null;
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
  /** 1: the recovery key is the vault key (an upgraded vault until its keys are rotated); 2: it derives it. */
  recoveryKeyVersion: 1 | 2;
  /** Whether the recovery key can restore the company key (false for version 1 keys). */
  recoveryRestoresCompanyKey: boolean;
  /** The vault key's generation: 1 at creation, one more at each rotation. */
  keyGeneration: number;
  session: SessionInfo;
}

export interface VaultCheckReport {
  ok: boolean;
  pageCheck: string[];
  integrityCheck: string[];
  audit: AuditReport;
  /** The vault against the heads seen outside it (registry, backups): rollbacks, cuts and forks. */
  anchors: AuditProblem[];
}

export const vaultOps = {
  'vault.list': op<VaultSummary[]>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Every client vault in the registry, with its stage (no secrets)',
  }),
  'vault.create': op<VaultCreated>()({
    input: z.strictObject({
      file: fileRef('vault', 'save'),
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
    access: ROLES,
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
    // The recovery key is needed when this session did not make it (it is never stored).
    input: z.strictObject({
      out: fileRef('recovery-sheet', 'save'),
      recoveryKey: z.string().max(200).optional(),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Write the printable recovery sheet (PDF, Chinese and English)',
  }),
  'vault.rotateKeys': op<RekeyOutcome>()({
    input: none,
    access: ['owner'],
    job: true,
    writes: true,
    summary: 'Re-encrypt the vault under a new key and issue a new recovery key (the old sheet becomes void)',
  }),
  'vault.check': op<VaultCheckReport>()({
    input: none,
    access: ROLES,
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
    input: z.strictObject({ vaultId: z.uuid(), file: fileRef('vault', 'open') }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Tell the registry where a moved vault now is',
  }),
} as const satisfies Record<string, OpSpec>;
