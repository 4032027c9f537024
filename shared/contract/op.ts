// What every namespace of the contract is made of: the roles, an operation's spec and the `op()` helper
// that declares one, and the references to files, vaults and backups that inputs use.
import { z } from 'zod';

// zod 4 probes `new Function('')` to decide whether to compile validators; the renderer's and the
// preload's CSP forbid eval, so the probe would be reported as a violation. Interpret instead.
z.config({ jitless: true });

/** The roles: the one list, from which the type and the schema come. */
export const ROLES = ['owner', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** `public`: needs no unlocked vault (app-level). Otherwise the roles of the unlocked session allowed (ROLES: any). */
type Access = 'public' | readonly Role[];

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
  /**
   * Also runs without an unlocked vault, or for a role `access` does not list, when the input carries
   * the vault's recovery key: whoever holds it unlocks that vault as its owner anyway, and the
   * operation itself refuses a key that does not open what it names.
   */
  readonly orRecoveryKey?: true;
  readonly summary: string;
  /** Phantom: carries the result type; never set at run time. */
  readonly __result?: R;
}

/** Declares an operation whose result is `R`: `op<R>()({ input, access, job, writes, summary })`. */
export const op =
  <R>() =>
  <I extends z.ZodType>(spec: Omit<OpSpec<I, R>, '__result'>): OpSpec<I, R> =>
    spec;

/** The input of an operation that takes none. */
export const none = z.strictObject({});
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'job id: 8–64 of A–Z a–z 0–9 _ -');

/**
 * What a file chosen in a dialog is for, and the dialogs each purpose is chosen in. A handle is issued
 * for one purpose and kind and is accepted only in an input field declared for exactly those: the
 * handle a save dialog gave for a records export cannot name the vault to replace, or a backup to read.
 */
export const FILE_PURPOSES = {
  vault: ['open', 'save'],
  'recovery-sheet': ['save'],
  'audit-export': ['folder'],
  certificate: ['open'],
  import: ['open'],
  'quarantine-export': ['save'],
  backup: ['open'],
  'backup-destination': ['folder'],
  'drill-certificate': ['folder'],
  'records-export': ['save'],
  compliance: ['folder', 'save'],
  'evidence-file': ['open'],
  'evidence-pack': ['folder', 'open'],
  'recipient-certificate': ['open'],
  'wipe-evidence': ['open'],
  'wipe-certificate': ['folder'],
  /** A recipient's certificate (PEM, DER, PKCS#12), or the sender's certificate to trust. */
  'handover-certificate': ['open'],
  /** The signed agreement, vetting evidence, a customer's objection or consent. */
  'handover-document': ['open'],
  /** Where a recipient kit, the PIPIA PDF and the notices are written. */
  'handover-output': ['folder'],
  /** Where a package is built; a package to open. */
  'handover-package': ['folder', 'open'],
  /** A receipt to import; where a receipt is written. */
  'handover-receipt': ['open', 'save'],
  /** The recipient's private key or PKCS#12 kit. */
  'handover-key': ['open'],
  /** Where a customer's request is answered: the data, the letter, the deletion certificate. */
  'request-output': ['folder'],
  /** Where an incident's notification drafts and the emergency plan are written. */
  'incident-output': ['folder'],
  /** A copy of a lost backup's manifest. */
  'incident-manifest': ['open'],
  /** Where a table of counts or a de-identified extract is written. */
  'analytics-export': ['save'],
  'analytics-extract': ['save'],
} as const satisfies Record<string, ReadonlyArray<'open' | 'save' | 'folder'>>;
export type FilePurpose = keyof typeof FILE_PURPOSES;
export type FileDialogKind = 'open' | 'save' | 'folder';
export const FILE_PURPOSE_NAMES = Object.keys(FILE_PURPOSES) as [FilePurpose, ...FilePurpose[]];

/** `h.<purpose>.<kind>.<24 random characters>`: the purpose and kind are part of the handle itself. */
const handlePattern = (purpose: FilePurpose, kind: FileDialogKind): RegExp =>
  new RegExp(`^h\\.${purpose}\\.${kind}\\.[A-Za-z0-9_-]{24}$`);

/**
 * A file the engine should read or write, for one purpose. The CLI (and main, after its dialogs) pass
 * `{path}`; a window can only pass a `{handle}` that main issued when the person chose a file for this
 * purpose and kind of dialog — main swaps it for the path and refuses any `{path}` coming from a window.
 */
export function fileRef(purpose: FilePurpose, kind: FileDialogKind) {
  return z.union([
    z.strictObject({ path: z.string().min(1).max(4096) }),
    z.strictObject({
      handle: z
        .string()
        .regex(handlePattern(purpose, kind), `a file chosen in a ${kind} dialog for ${purpose}`),
    }),
  ]);
}
export type FileRef = { path: string } | { handle: string };

/** A vault: by its registry id (what the renderer uses), or by file. */
export const vaultRefSchema = z.union([z.strictObject({ vaultId: z.uuid() }), fileRef('vault', 'open')]);
export type VaultRef = z.infer<typeof vaultRefSchema>;

/** A backup: by its id in the open vault's backups table (what the renderer uses for a listed copy), or by file. */
export const backupRefSchema = z.union([z.strictObject({ backupId: z.uuid() }), fileRef('backup', 'open')]);
export type BackupRef = z.infer<typeof backupRefSchema>;
