// wipe.vault (owner only): the whole vault. Plan (a dry run stops here; the client's name typed to
// confirm) → journal → the audit chain exported as evidence → the final evidence pack written into the
// evidence archive (through the context's hook: the wipe does not know how a pack is made) → backups on attached disks, the files
// Closeout wrote and the import files asked for, overwritten and deleted → the certificate prepared and
// signed while the company key still exists → the last audit entry, holding its SHA-256 → cryptographic
// erase (every key copy destroyed, the session's key zeroed) → the vault, its WAL, SHM and leftovers
// overwritten and deleted, their absence checked → the certificate published. From the erase on, the
// steps need no key, so a rerun after a kill finishes them without the vault (wipe.resume).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { OpParsedInput, WipeBackup, WipeCheck, WipePlan, WipeResult } from '../../../shared/contract';
import { exportAudit } from '../audit/audit-ops';
import { markDeleted } from '../backup/backups-table';
import { checkCertificateDir } from '../documents/signed-document';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { forgetVault } from '../vault/registry';
import {
  certificateNames,
  prepareCertificate,
  prepareManifest,
  preparedSha256,
  publishCertificate,
  publishFiles,
  requireCertifiedSigner,
} from './certificate';
import { commonFacts, type FinalEvidence } from './certificate-facts';
import { cryptoErase, keyringFiles } from './crypto-erase';
import { Journal } from './journal';
import { markOutputWiped } from './outputs';
import { carryOut, carryOutBackup, type PlannedFile } from './plan-files';
import { planVault, vaultFiles, vaultManifest } from './plan-vault';

type Input = OpParsedInput<'wipe.vault'>;

const sameName = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

export interface VaultWipeContext {
  dataDir: string;
  /** Ends the session of this vault, if one is open (its key zeroed); true when none holds it any more. */
  closeSession: (vaultId: string) => boolean;
  /**
   * Writes the closure's final evidence pack into the evidence archive (<data>/evidence/<vault id>/,
   * which no wipe touches) while the vault and its keys still exist; the certificate names it.
   */
  finalEvidence: (vault: OpenVault, job: JobContext) => Promise<FinalEvidence>;
}

function dryRunResult(plan: WipePlan): WipeResult {
  return {
    wipeId: null,
    kind: 'vault',
    dryRun: true,
    resumed: false,
    plan,
    purged: { records: plan.records.destroy, anonymised: 0, copies: {} },
    kept: { records: plan.records.keptTotal, groups: plan.records.kept },
    verification: null,
    certificate: null,
  };
}

export async function wipeVault(
  vault: OpenVault,
  input: Input,
  job: JobContext,
  ctx: VaultWipeContext,
): Promise<WipeResult> {
  const pending = Journal.unfinished(ctx.dataDir).find((j) => j.begin.vaultId === vault.vaultId);
  if (pending && pending.begin.kind !== 'vault')
    throw new EngineError('WIPE_IN_PROGRESS', { kind: pending.begin.kind, wipeId: pending.begin.wipeId });
  if (pending && !input.dryRun) return finishVaultWipe(vault, pending, job, ctx, true);

  job.progress(0, null, 'planning');
  const plan = planVault(vault, input);
  await job.checkpoint();
  if (input.dryRun) return dryRunResult(plan);
  if (!sameName(input.confirm ?? '', plan.clientName))
    throw new EngineError('WIPE_CONFIRMATION_MISMATCH', { expected: plan.clientName });
  if (plan.records.keptTotal > 0 && !input.retainedKeptElsewhere)
    throw new EngineError('WIPE_RETAINED_RECORDS', {
      count: plan.records.keptTotal,
      until:
        plan.records.kept
          .map((k) => k.retainUntil ?? '')
          .sort()
          .at(-1) ?? '',
    });
  if (!input.certificateDir) throw new EngineError('WIPE_CERTIFICATE_DIR_NEEDED');
  const certificateDir = pathOf(input.certificateDir);
  checkCertificateDir(certificateDir);
  requireCertifiedSigner(vault.signer); // a certificate nobody can sign: refused before anything changes
  await job.checkpoint(); // the last moment a cancel changes nothing

  const wipeId = randomUUID();
  const at = new Date().toISOString();
  const journal = Journal.create(ctx.dataDir, {
    wipeId,
    kind: 'vault',
    vaultId: vault.vaultId,
    clientName: plan.clientName,
    vaultFile: vault.file,
    at,
    by: vault.actor.userName,
    certificateDir,
    plan,
    options: {
      trigger: input.trigger,
      signatory: input.signatory,
      verifier: input.verifier,
      retainedKeptElsewhere: input.retainedKeptElsewhere,
    },
  });
  const manifestSha256 = prepareManifest(journal, vaultManifest(vault.db, wipeId, plan, at));
  journal.step('planned', { manifestSha256 });
  return finishVaultWipe(vault, journal, job, ctx, false);
}

/** Backups, outputs and import files: overwritten (journalled), then marked in the vault in one change. */
function outsideFiles(vault: OpenVault, journal: Journal): { files: PlannedFile[]; backups: WipeBackup[] } {
  const plan = journal.begin.plan;
  const backups = plan.backups.map((b) => {
    if (b.action !== 'overwrite') return b;
    const result = carryOutBackup(journal, b);
    const done = result === 'overwritten';
    return { ...b, done, failed: done ? null : result };
  });
  const files = (plan.files as PlannedFile[]).map((f) => {
    if (f.action !== 'overwrite' || (f.outputId === undefined && f.sourceIds === undefined)) return f;
    const result = carryOut(journal, f.path, f.sha256);
    return { ...f, done: result === 'overwritten', reason: result === 'overwritten' ? null : result };
  });
  const at = new Date().toISOString();
  vault.change(
    () => ({
      op: 'wipe.vault',
      params: { wipeId: journal.begin.wipeId, step: 'files' },
      counts: { backups: backups.filter((b) => b.done).length, files: files.filter((f) => f.done).length },
      outcome: 'ok',
    }),
    () => {
      for (const b of backups) if (b.done) markDeleted(vault.db, b.backupId, at, vault.actor.userName);
      for (const f of files) {
        if (!f.done) continue;
        if (f.outputId !== undefined) markOutputWiped(vault.db, f.outputId, journal.begin.wipeId, at);
        for (const id of f.sourceIds ?? [])
          vault.db
            .prepare('UPDATE sources SET source_deleted_at = coalesce(source_deleted_at, ?) WHERE id = ?')
            .run(at, id);
      }
    },
  );
  return { files, backups };
}

async function certify(
  vault: OpenVault,
  journal: Journal,
  done: { files: PlannedFile[]; backups: WipeBackup[] },
): Promise<void> {
  const plan = journal.begin.plan;
  const signer = vault.signer;
  const overwritten = done.backups.filter((b) => b.done).length;
  const absent = done.backups.filter((b) => b.action === 'unreadable').length;
  const recoverySheet = plan.keyCopies.find((k) => k.kind === 'recovery-sheet');
  await prepareCertificate(
    journal,
    {
      ...commonFacts(vault, journal, signer, new Date()),
      sanitisation: [
        {
          scope: 'vault',
          type: 'purge',
          method:
            'Cryptographic erase (every key copy destroyed), then one pass of random data, fsync, rename, unlink of the vault, keyring, WAL, SHM and leftovers',
          result: `${plan.records.destroy} records, ${plan.files.filter((f) => f.kind === 'vault').length} vault file`,
        },
        {
          scope: 'backups',
          type: 'purge',
          method:
            'Attached disks: one pass of random data and delete; absent disks: unreadable once the keys are destroyed (no key slot travels with a backup)',
          result: `${overwritten} overwritten, ${absent} absent${recoverySheet?.action === 'exists' ? ' (readable with the paper recovery key while it exists)' : ''}`,
        },
        {
          scope: 'files',
          type: 'clear',
          method:
            'One pass of random data (AES-256-CTR), fsync, rename, unlink; only files still as Closeout wrote them',
          result: `${done.files.filter((f) => f.done && f.kind !== 'vault').length} overwritten`,
        },
      ],
      records: {
        destroyed: plan.records.destroy,
        mergedWith: plan.records.mergedWith,
        anonymised: 0,
        quarantine: plan.records.quarantine,
        unmerged: 0,
        copies: {},
        remaining: 0,
        kept: plan.records.kept,
      },
      backups: done.backups,
      files: done.files,
      keyCopies: plan.keyCopies,
      verification: null,
      erase: {
        method:
          'NIST SP 800-88 cryptographic erase: the vault was encrypted (SQLCipher 4, AES-256) from its first write',
        steps: [
          "keyring: every slot (the vault key sealed to the user's box key, the user's own keys under the passphrase), every owner's company-KEK envelope and any pending envelope of a rekey, overwritten and deleted with every file beside it (the unlock throttle's state included)",
          "this session's keys (vault key, company KEK, signing key) dropped and the database connections closed",
          'the company CA key (sealed under the company KEK) and the recovery copy of that KEK, inside the vault and encrypted under the vault key, go with it',
          'vault file, WAL, SHM, leftovers and any re-encrypted copy of an interrupted rekey: one pass of random data, fsync, rename, unlink; then checked absent',
        ],
        release:
          'Signed by the acting user before the erase (its key goes with the keyring); Closeout writes it to the certificate folder only after every step completed and was checked.',
      },
      deletionManifest: {
        file: certificateNames(journal).manifest,
        sha256: String(journal.detail('planned')?.manifestSha256 ?? ''),
      },
      warnings: plan.warnings,
    },
    signer,
  );
}

/** The steps that need no key: erase, overwrite the vault, forget it, publish. Journalled, idempotent. */
function erase(journal: Journal, ctx: VaultWipeContext): WipeCheck[] {
  const file = journal.begin.vaultFile;
  if (!journal.has('keys-destroyed')) {
    journal.step('erase-begin');
    const report = cryptoErase(file, journal, () => ctx.closeSession(journal.begin.vaultId));
    journal.step('keys-destroyed', { keyringGone: report.keyringGone, sessionClosed: report.sessionClosed });
  }
  const failed: string[] = [];
  for (const f of [
    ...vaultFiles(file),
    ...journal.begin.plan.files.filter((f) => f.action === 'overwrite' && f.kind in VAULT_KINDS),
  ]) {
    const result = carryOut(journal, f.path, null);
    if (result !== 'overwritten' && result !== 'missing') failed.push(`${f.path}: ${result}`);
  }
  const keysLeft = keyringFiles(file).filter((f) => existsSync(f));
  const vaultLeft = vaultFiles(file).map((f) => f.path);
  const checks: WipeCheck[] = [
    {
      name: 'keyring-gone',
      ok: keysLeft.length === 0,
      detail: keysLeft.length ? keysLeft.join(', ') : 'no keyring file left',
    },
    {
      name: 'session-closed',
      ok: journal.detail('keys-destroyed')?.sessionClosed === true,
      detail: 'the vault key is no longer held in memory',
    },
    {
      name: 'vault-files-gone',
      ok: vaultLeft.length === 0 && failed.length === 0,
      detail: [...vaultLeft, ...failed].join(', ') || 'vault, WAL, SHM gone',
    },
  ];
  journal.step('vault-destroyed', { checks });
  forgetVault(ctx.dataDir, journal.begin.vaultId);
  return checks;
}

const VAULT_KINDS = {
  vault: true,
  wal: true,
  shm: true,
  journal: true,
  'vault-temp': true,
  'rekey-copy': true,
};

/** The audit export made as evidence, published beside the certificate in a folder of its own. */
function publishEvidence(journal: Journal): void {
  const dir = journal.path('audit');
  if (!existsSync(dir)) return;
  const target = join(
    journal.begin.certificateDir,
    certificateNames(journal).json.replace(/\.json$/, '.audit'),
  );
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)));
  for (const f of files) mkdirSync(dirname(join(target, f)), { recursive: true });
  publishFiles(
    journal,
    null,
    files.map((f) => ({ path: join(target, f), bytes: readFileSync(join(dir, f)) })),
  );
}

export async function finishVaultWipe(
  vault: OpenVault | null,
  journal: Journal,
  job: JobContext,
  ctx: VaultWipeContext,
  resumed: boolean,
): Promise<WipeResult> {
  const wipeId = journal.begin.wipeId;
  let done = journal.detail('files') as { files: PlannedFile[]; backups: WipeBackup[] } | undefined;
  if (!journal.has('audited')) {
    if (!vault || !vault.isOpen) throw new EngineError('WIPE_NEEDS_VAULT', { wipeId });
    job.progress(1, 6, 'evidence');
    if (!journal.has('evidence')) {
      rmSync(journal.path('audit'), { recursive: true, force: true });
      await exportAudit(vault, { dir: { path: journal.path('audit') } }, ctx.dataDir);
      journal.step('evidence');
    }
    if (!journal.has('final-evidence')) {
      const pack = await ctx.finalEvidence(vault, job);
      journal.step('final-evidence', { file: pack.file, sha256: pack.sha256 });
    }
    job.progress(2, 6, 'backups');
    if (!done) {
      done = outsideFiles(vault, journal);
      journal.step('files', done as unknown as Record<string, unknown>);
    }
    job.progress(3, 6, 'certificate');
    if (!preparedSha256(journal)) await certify(vault, journal, done);
    const sha256 = preparedSha256(journal)!;
    // The last act inside the vault before its keys are destroyed: an entry holding the certificate's digest.
    if (!vault.db.prepare('SELECT 1 FROM wipes WHERE id = ?').get(wipeId))
      vault.change(
        () => ({
          op: 'wipe.vault',
          params: { wipeId, step: 'certified', certificateSha256: sha256 },
          outcome: 'ok',
        }),
        () =>
          vault.db
            .prepare(
              `INSERT INTO wipes (id, kind, started_at, by_user, purged_at, certified_at, certificate_sha256, counts)
             VALUES (?, 'vault', ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              wipeId,
              journal.begin.at,
              journal.begin.by,
              new Date().toISOString(),
              new Date().toISOString(),
              sha256,
              JSON.stringify({ records: journal.begin.plan.records.destroy }),
            ),
        true,
      );
    journal.step('audited');
  }
  job.progress(4, 6, 'erasing');
  const checks = journal.has('vault-destroyed')
    ? (journal.detail('vault-destroyed')?.checks as WipeCheck[])
    : erase(journal, ctx);
  job.progress(5, 6, 'publishing');
  const certificate = publishCertificate(journal, null); // the vault is gone: nothing of it to guard
  publishEvidence(journal);
  if (!journal.has('complete')) journal.step('complete');
  job.progress(6, 6, 'done');
  const plan: WipePlan = {
    ...journal.begin.plan,
    ...(done ? { files: done.files, backups: done.backups } : {}),
  };
  return {
    wipeId,
    kind: 'vault',
    dryRun: false,
    resumed,
    plan: { ...plan, keyCopies: plan.keyCopies.map((k) => ({ ...k, done: k.action !== 'exists' })) },
    purged: { records: plan.records.destroy, anonymised: 0, copies: {} },
    kept: { records: plan.records.keptTotal, groups: plan.records.kept },
    verification: { ok: checks.every((c) => c.ok), checks, pagesRead: 0, valuesChecked: 0, valuesFound: 0 },
    certificate,
  };
}
