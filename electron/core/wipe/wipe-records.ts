// wipe.records: the records scope. Plan (a dry run stops here) → journal, the targets, the deletion
// manifest and the sealed probe → one transaction purging every copy and the rows, with its audit entry
// → the files asked for → VACUUM and the WAL truncated → every page decrypted and searched → the
// certificate → the last audit entry holding its SHA-256 → published. Each step is journalled, so a
// rerun after a kill carries on; the purge itself commits whole or not at all.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpParsedInput, WipePlan, WipeResult, WipeVerification } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import type { WipeScope } from '../kernel/customer-copies';
import { checkCertificateDir } from '../documents/signed-document';
import { pathOf } from '../util/file-ref';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import {
  certificateNames,
  prepareCertificate,
  prepareManifest,
  preparedSha256,
  publishCertificate,
  requireCertifiedSigner,
} from './certificate';
import { commonFacts } from './certificate-facts';
import { Journal } from './journal';
import { markOutputWiped } from './outputs';
import { carryOut, planBackups, planOutputs, planSources, type PlannedFile } from './plan-files';
import { destroyProbe, openProbe, sealProbe } from './probe';
import {
  keptGroups,
  purgedValues,
  purgeTargets,
  quarantineRows,
  remainingRecords,
  selectTargets,
  type PurgeCounts,
  type Targets,
} from './purge-records';
import { verifyPurge } from './verify-purge';

type Input = OpParsedInput<'wipe.records'>;

function plan(vault: OpenVault, input: Input, targets: Targets): WipePlan {
  const db = vault.db;
  const files: PlannedFile[] = [
    ...planOutputs(db, input.outputs ? ['customer-data'] : []),
    ...planSources(db, input.sources),
  ];
  const backups = planBackups(db, false).filter((b) => b.action !== 'deleted-earlier');
  const kept = keptGroups(db);
  const warnings: WipePlan['warnings'] = [];
  if (files.some((f) => f.action === 'overwrite')) warnings.push('overwrite-limits');
  if (backups.some((b) => b.present)) warnings.push('backups-hold-purged');
  if (files.some((f) => f.reason === 'changed' || f.reason === 'missing')) warnings.push('outputs-changed');
  return {
    kind: 'records',
    vaultId: vault.vaultId,
    clientName: readMeta(db).clientName,
    records: {
      destroy: targets.destroy.length,
      mergedWith: targets.mergedWith,
      anonymise: targets.anonymise.length,
      quarantine: input.quarantine ? quarantineRows(db) : 0,
      kept,
      keptTotal: kept.reduce((n, g) => n + g.records, 0),
    },
    files,
    backups,
    keyCopies: [],
    warnings,
  };
}

function manifestOf(vault: OpenVault, journal: Journal, targets: Targets): unknown {
  const rows = vault.db.prepare('SELECT source_id, source_line FROM customers WHERE id = ?');
  const ref = (id: number) => {
    const r = rows.get(id) as { source_id: string; source_line: number } | undefined;
    return [id, r?.source_id ?? null, r?.source_line ?? null];
  };
  return {
    format: 'closeout-deletion-manifest',
    version: 1,
    wipeId: journal.begin.wipeId,
    kind: 'records',
    vaultId: vault.vaultId,
    createdAt: journal.begin.at,
    sources: vault.db.prepare('SELECT id, name, sha256 FROM sources ORDER BY imported_at').all(),
    records: {
      columns: ['id', 'sourceId', 'row'],
      destroyed: targets.destroy.map(ref),
      anonymised: targets.anonymise.map(ref),
    },
    quarantine: journal.begin.plan.records.quarantine,
    files: journal.begin.plan.files
      .filter((f) => f.action === 'overwrite')
      .map((f) => ({ kind: f.kind, path: f.path, sha256: f.sha256 })),
  };
}

const emptyResult = (p: WipePlan, targets: Targets): WipeResult => ({
  wipeId: null,
  kind: 'records',
  dryRun: true,
  resumed: false,
  plan: p,
  purged: { records: targets.destroy.length, anonymised: targets.anonymise.length, copies: {} },
  kept: { records: p.records.keptTotal, groups: p.records.kept },
  verification: null,
  certificate: null,
});

export async function wipeRecords(
  vault: OpenVault,
  input: Input,
  job: JobContext,
  dataDir: string,
  /** One customer's record only (a deletion request, core/requests): it and the records merged into it. */
  recordId?: number,
): Promise<WipeResult> {
  const pending = Journal.unfinished(dataDir).find((j) => j.begin.vaultId === vault.vaultId);
  if (pending && pending.begin.kind !== 'records')
    throw new EngineError('WIPE_IN_PROGRESS', { kind: pending.begin.kind, wipeId: pending.begin.wipeId });
  if (pending && !input.dryRun) return finishRecordsWipe(vault, pending, job, true);

  job.progress(0, null, 'planning');
  const targets = selectTargets(vault.db, input.filter, recordId);
  const p = plan(vault, input, targets);
  await job.checkpoint();
  if (input.dryRun) return emptyResult(p, targets);
  if (
    p.records.destroy + p.records.anonymise + p.records.quarantine === 0 &&
    !p.files.some((f) => f.action === 'overwrite')
  )
    throw new EngineError('WIPE_NOTHING_TO_DO');
  if (!input.certificateDir) throw new EngineError('WIPE_CERTIFICATE_DIR_NEEDED');
  const certificateDir = pathOf(input.certificateDir);
  checkCertificateDir(certificateDir);
  requireCertifiedSigner(vault.signer); // a certificate nobody can sign: refused before anything changes
  await job.checkpoint(); // the last moment a cancel changes nothing

  const journal = Journal.create(dataDir, {
    wipeId: randomUUID(),
    kind: 'records',
    vaultId: vault.vaultId,
    clientName: p.clientName,
    vaultFile: vault.file,
    at: new Date().toISOString(),
    by: vault.actor.userName,
    certificateDir,
    plan: p,
    options: {
      filter: input.filter ?? null,
      quarantine: input.quarantine,
      trigger: input.trigger,
      signatory: input.signatory,
      verifier: input.verifier,
    },
  });
  journal.put('targets.json', JSON.stringify(targets));
  const manifestSha256 = prepareManifest(journal, manifestOf(vault, journal, targets));
  const key = vault.vaultKey();
  try {
    sealProbe(journal, key, purgedValues(vault.db, targets, { quarantine: input.quarantine }));
  } finally {
    key.fill(0);
  }
  journal.step('planned', { manifestSha256 });
  return finishRecordsWipe(vault, journal, job, false);
}

function purge(vault: OpenVault, journal: Journal, targets: Targets, scope: WipeScope): PurgeCounts {
  const wipeId = journal.begin.wipeId;
  const done = vault.db
    .prepare('SELECT counts FROM wipes WHERE id = ? AND purged_at IS NOT NULL')
    .get(wipeId) as { counts: string } | undefined;
  if (done) return JSON.parse(done.counts) as PurgeCounts; // committed before a kill: the journal just did not say so
  journal.step('purge-begin');
  return vault.change(
    (c) => ({
      op: 'wipe.records',
      params: {
        wipeId,
        step: 'purged',
        quarantine: scope.quarantine,
        filter: journal.begin.options.filter ?? null,
      },
      counts: { destroyed: c.destroyed, anonymised: c.anonymised, unmerged: c.unmerged, ...c.copies },
      outcome: 'ok',
    }),
    () => {
      const counts = purgeTargets(vault.db, targets, scope);
      const at = new Date().toISOString();
      vault.db
        .prepare(
          'INSERT INTO wipes (id, kind, started_at, by_user, purged_at, counts) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(wipeId, 'records', journal.begin.at, journal.begin.by, at, JSON.stringify(counts));
      return counts;
    },
    true, // irreversible: a signed checkpoint of the chain
  );
}

function files(vault: OpenVault, journal: Journal): PlannedFile[] {
  const planned = journal.begin.plan.files as PlannedFile[];
  const at = new Date().toISOString();
  const out = planned.map((f) => {
    if (f.action !== 'overwrite') return f;
    const result = carryOut(journal, f.path, f.sha256);
    const done = result === 'overwritten';
    return {
      ...f,
      done,
      reason: done ? null : result === 'missing' ? 'missing' : result === 'changed' ? 'changed' : 'failed',
    };
  });
  vault.db.transaction(() => {
    for (const f of out) {
      if (!f.done) continue;
      if (f.outputId !== undefined) markOutputWiped(vault.db, f.outputId, journal.begin.wipeId, at);
      for (const id of f.sourceIds ?? [])
        vault.db
          .prepare('UPDATE sources SET source_deleted_at = coalesce(source_deleted_at, ?) WHERE id = ?')
          .run(at, id);
    }
  })();
  return out;
}

export async function finishRecordsWipe(
  vault: OpenVault,
  journal: Journal,
  job: JobContext,
  resumed: boolean,
): Promise<WipeResult> {
  const targets = JSON.parse(readFileSync(journal.path('targets.json'), 'utf8')) as Targets;
  const scope: WipeScope = { quarantine: journal.begin.options.quarantine === true };
  const wipeId = journal.begin.wipeId;
  job.progress(1, 6, 'purging');
  let counts = journal.detail('purged') as PurgeCounts | undefined;
  if (!counts) {
    counts = purge(vault, journal, targets, scope);
    journal.step('purged', counts as unknown as Record<string, unknown>);
  }
  job.progress(2, 6, 'files');
  const planFiles = files(vault, journal);
  job.progress(3, 6, 'vacuum');
  if (!journal.has('vacuumed')) {
    vault.db.exec('VACUUM');
    journal.step('vacuumed');
  }
  // Always, just before the pages are read: a rerun's unlock has written to the WAL since.
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  job.progress(4, 6, 'verifying');
  let verification = journal.detail('verified') as WipeVerification | undefined;
  if (!verification) {
    const key = vault.vaultKey();
    let values: string[];
    try {
      values = openProbe(journal, key) ?? [];
    } finally {
      key.fill(0);
    }
    verification = await verifyPurge(vault, values, targets, scope);
    if (!verification.ok) {
      vault.audit({
        op: 'wipe.records',
        params: { wipeId, step: 'verified' },
        counts: { found: verification.valuesFound },
        outcome: 'failed',
      });
      destroyProbe(journal);
      journal.step('failed', { verification });
      journal.step('complete');
      const first = verification.checks.find((c) => !c.ok)!;
      throw new EngineError('WIPE_VERIFICATION_FAILED', { check: first.name, detail: first.detail });
    }
    journal.step('verified', verification as unknown as Record<string, unknown>);
  }
  job.progress(5, 6, 'certificate');
  const p: WipePlan = { ...journal.begin.plan, files: planFiles };
  const signer = vault.signer;
  if (!preparedSha256(journal)) {
    const now = new Date();
    await prepareCertificate(
      journal,
      {
        ...commonFacts(vault, journal, signer, now),
        sanitisation: [
          {
            scope: 'records',
            type: 'clear',
            method:
              'Rows and every derived copy deleted in one transaction (secure_delete on), search index rewritten, VACUUM, WAL checkpoint (TRUNCATE)',
            result: `${counts.destroyed} destroyed, ${counts.anonymised} anonymised`,
          },
          ...(planFiles.some((f) => f.action === 'overwrite')
            ? [
                {
                  scope: 'files' as const,
                  type: 'clear' as const,
                  method: 'One pass of random data (AES-256-CTR), fsync, rename, unlink',
                  result: `${planFiles.filter((f) => f.done).length} of ${planFiles.filter((f) => f.action === 'overwrite').length} overwritten`,
                },
              ]
            : []),
        ],
        records: {
          destroyed: counts.destroyed,
          mergedWith: p.records.mergedWith,
          anonymised: counts.anonymised,
          quarantine: counts.copies.quarantine ?? 0,
          unmerged: counts.unmerged,
          copies: counts.copies,
          remaining: remainingRecords(vault.db),
          kept: keptGroups(vault.db),
        },
        backups: p.backups,
        files: p.files,
        keyCopies: [],
        verification: {
          ...verification,
          method:
            'Every page of the vault file decrypted with node:crypto (SQLCipher 4 format, each HMAC checked) and searched for every purged value of 6 bytes or more; a value a kept row still holds is not counted',
        },
        erase: null,
        deletionManifest: {
          file: certificateNames(journal).manifest,
          sha256: String(journal.detail('planned')?.manifestSha256 ?? ''),
        },
        warnings: p.warnings,
      },
      signer,
    );
  }
  const sha256 = preparedSha256(journal)!;
  if (!journal.has('audited')) {
    const certified = vault.db
      .prepare('SELECT 1 FROM wipes WHERE id = ? AND certificate_sha256 IS NOT NULL')
      .get(wipeId);
    if (!certified)
      vault.change(
        () => ({
          op: 'wipe.records',
          params: { wipeId, step: 'certified', certificateSha256: sha256 },
          outcome: 'ok',
        }),
        () =>
          vault.db
            .prepare(
              'UPDATE wipes SET certified_at = ?, certificate_sha256 = ?, certificate_json = ? WHERE id = ?',
            )
            .run(new Date().toISOString(), sha256, publishedJson(journal), wipeId),
        true,
      );
    journal.step('audited');
  }
  const certificate = publishCertificate(journal, vault);
  destroyProbe(journal);
  journal.step('complete');
  job.progress(6, 6, 'done');
  return {
    wipeId,
    kind: 'records',
    dryRun: false,
    resumed,
    plan: p,
    purged: { records: counts.destroyed, anonymised: counts.anonymised, copies: counts.copies },
    kept: { records: p.records.keptTotal, groups: keptGroups(vault.db) },
    verification,
    certificate,
  };
}

const publishedJson = (journal: Journal): string =>
  join(journal.begin.certificateDir, certificateNames(journal).json);
