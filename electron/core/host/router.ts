// Register each operation's use case here; the Handlers type makes a missing one a compile error.
// `product` is what the desktop app's worker and the CLI run: the shipped contract and these handlers.
import { contract } from '../../../shared/contract';
import { exportTable } from '../analytics/export-table';
import { writeExtract } from '../analytics/extract';
import { analyticsTable } from '../analytics/table';
import { appInfo } from '../app/app-info';
import { listBackups } from '../backup/backups-table';
import { createBackup } from '../backup/create-backup';
import { drillBackup } from '../backup/drill-backup';
import { pruneBackups } from '../backup/prune-backups';
import { restoreBackup } from '../backup/restore-backup';
import { verifyBackup } from '../backup/verify-backup';
import { previewImport, runImport } from '../import/import-source';
import { deleteMapping, listMappings, saveMapping } from '../import/mappings';
import { deleteSource, exportQuarantine, listSources, quarantinePage } from '../import/sources';
import { customerStats } from '../records/customer-stats';
import { noteDispositionCount } from '../dispositions/disposition-count';
import { applyDispositions, setDispositions } from '../dispositions/dispositions';
import { overrideRecords } from '../classification/override-records';
import { listProducts, fileProducts } from '../classification/product-review';
import { getRules, runClassify, saveRules } from '../classification/run-classify';
import { exportRecords } from '../records/export-records';
import { getRecord } from '../records/get-record';
import { queryRecords } from '../records/query-records';
import { exportAudit, listAuditEntries } from '../audit/audit-ops';
import { noteAnchor } from '../vault/anchors';
import { auditReport, checkVault } from '../vault/check-vault';
import { createVault } from '../vault/create-vault';
import type { OpenVault } from '../vault/open-vault';
import { forgetVault, listVaults } from '../vault/registry';
import { unlockVault } from '../vault/unlock-vault';
import {
  addUser,
  certifyUser,
  listUsers,
  removeUser,
  rotateKeys,
  setPassphrase,
  setRole,
} from '../users/users';
import { updateDetails, vaultDetails } from '../vault/vault-info';
import { confirmRecoveryKey, locateVault, recoverySheet } from '../vault/vault-ops';
import { mergeCluster, unmerge } from '../duplicates/merge';
import { clusters, decide, split } from '../duplicates/review';
import { runDuplicates } from '../duplicates/run-duplicates';
import { answerItem, removeCompanyItem, saveCompanyItem, setApplicability } from '../compliance/answers';
import { evaluateChecklist } from '../compliance/checklist';
import { notePassphraseStrength } from '../compliance/passphrase-check';
import { writeComplianceReport } from '../compliance/report';
import {
  approveAssessment,
  getAssessment,
  saveAssessment,
  writeAssessment,
} from '../assessments/assessments';
import { buildEvidencePack, finalEvidencePack } from '../evidence-pack/build-pack';
import { verifyEvidencePack } from '../evidence-pack/verify-pack';
import { addTraining, listPeople, recordUndertaking, removePerson, savePerson } from '../people/people';
import { writeUndertaking } from '../people/undertaking';
import { certifyClosure, closurePlan, confirmStep, setPlanDates } from '../plan/closure-plan';
import { noteClosureProgress, progressHistory } from '../plan/progress';
import { CustomerTally } from '../compliance/customer-tally';
import { factsDay } from '../compliance/facts';
import { listDrills, logDrill } from '../incidents/drills';
import { incidentNotice } from '../incidents/notice';
import { exportPlan, loadPlan, savePlan } from '../incidents/plan';
import {
  addIncident,
  closeIncident,
  decideIncident,
  incidentStatus,
  listIncidents,
} from '../incidents/register';
import { fulfilRequest } from '../requests/fulfil';
import {
  acknowledgeRequest,
  addRequest,
  closeRequest,
  extendRequest,
  listRequests,
} from '../requests/register';
import { addRisk, listRisks, updateRisk } from '../risks/register';
import { getRetention, getRopa, writeRopa } from '../ropa/ropa';
import { verifyCertificate } from '../certificate/verify-certificate';
import { logCloud, logPaper, wipeLogs } from '../wipe/logs';
import { pendingWipes, resumeWipes } from '../wipe/resume-wipe';
import { wipeRecords } from '../wipe/wipe-records';
import { wipeVault, type VaultWipeContext } from '../wipe/wipe-vault';
import { recordAgreement } from '../handover/agreement';
import { buildPackage } from '../handover/build-package';
import { handoverDetail, listHandovers } from '../handover/handover-view';
import { makeKit } from '../handover/kit';
import { noticeList, trackNotices } from '../handover/notice-tracking';
import { writeNotices } from '../handover/notices';
import { openPackage } from '../handover/open-package';
import { savePipia } from '../handover/pipia';
import { createReceipt, importReceipt } from '../handover/receipt';
import { createHandover, updateHandover } from '../handover/recipient';
import { recordResponse } from '../handover/respond';
import { selectionCounts } from '../handover/selection';
import { loadHandover } from '../handover/store';
import { recordVetting } from '../handover/vetting';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import type { Composition, Handlers, OpContext } from './types';

/** The engine checks access before a handler runs; this only narrows the type. */
const open = (ctx: OpContext): OpenVault => {
  if (!ctx.vault) throw new EngineError('VAULT_LOCKED');
  return ctx.vault;
};

/**
 * After an operation that moves the closure: the plan's stage, next deadline and blockers into the vault
 * and the registry, today's counts for the charts. Best effort: it never undoes the operation.
 */
const progress = (ctx: OpContext, customers: CustomerTally | null = null): void => {
  if (!ctx.vault) return;
  try {
    noteClosureProgress(ctx.env.dataDir, ctx.vault, new Date(), customers);
  } catch {
    // Worked out again after the next such operation and at lock.
  }
};

/** A result, once the closure's progress has followed the operation that produced it. */
const moved = async <T>(ctx: OpContext, result: T | Promise<T>): Promise<T> => {
  const value = await result;
  progress(ctx);
  return value;
};

export const job = (ctx: { job?: JobContext }): JobContext => {
  if (!ctx.job) throw new EngineError('INTERNAL', { ref: 'job operation without job context' });
  return ctx.job;
};

/** What a vault wipe needs from the engine: the data folder, ending that vault's session, the final pack. */
const wipeContext = (ctx: OpContext): VaultWipeContext => ({
  dataDir: ctx.env.dataDir,
  closeSession: (vaultId) => {
    const open = ctx.vault; // the session this call began with (ctx.vault does not follow setVault)
    if (open?.vaultId !== vaultId) return true;
    ctx.setVault(null, 'user');
    return !open.isOpen;
  },
  finalEvidence: (vault, job) => finalEvidencePack(vault, job, ctx.env.dataDir),
});

export const handlers: Handlers = {
  'app.info': (_input, ctx) => appInfo(ctx.env),
  'vault.list': (_input, ctx) => listVaults(ctx.env.dataDir),
  'job.cancel': (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.job) }),

  'vault.create': async (input, ctx) => {
    const { created, vault } = await createVault(input, ctx.env.dataDir);
    ctx.setVault(vault);
    notePassphraseStrength(vault, input.owner.name, input.owner.passphrase);
    return created;
  },
  'vault.unlock': async (input, ctx) => {
    // The vault already open stays open until the new one has unlocked: a wrong passphrase for
    // another vault locks nothing.
    const vault = await unlockVault(input, ctx.env.dataDir, ctx.throttle);
    ctx.setVault(vault);
    if ('passphrase' in input) notePassphraseStrength(vault, vault.actor.userName, input.passphrase);
    return vault.session();
  },
  'vault.lock': (input, ctx) => {
    const locked = ctx.vault !== null;
    // The Dashboard's count of records without a disposition, as this session leaves them (merges
    // included). Best effort: a registry that cannot be written must never keep a vault open.
    if (ctx.vault) {
      try {
        noteDispositionCount(ctx.env.dataDir, ctx.vault);
      } catch {
        // The count is refreshed again after the next import or disposition change.
      }
      noteAnchor(ctx.env.dataDir, ctx.vault);
    }
    progress(ctx);
    ctx.setVault(null, input.reason);
    return { locked };
  },
  'vault.session': (_input, ctx) => ctx.vault?.session() ?? null,
  'vault.info': (_input, ctx) => vaultDetails(open(ctx)),
  'vault.updateDetails': (input, ctx) => updateDetails(open(ctx), input, ctx.env.dataDir),
  'vault.confirmRecoveryKey': (_input, ctx) => confirmRecoveryKey(open(ctx)),
  'vault.writeRecoverySheet': (input, ctx) => recoverySheet(open(ctx), input, ctx.env.dataDir),
  'vault.check': (_input, ctx) => checkVault(open(ctx), job(ctx), ctx.env.dataDir),
  'vault.forget': (input, ctx) => ({ forgotten: forgetVault(ctx.env.dataDir, input.vaultId) }),
  'vault.locate': (input, ctx) => locateVault(input, ctx.env.dataDir),

  'users.list': (_input, ctx) => listUsers(open(ctx)),
  'users.add': async (input, ctx) => {
    const added = await addUser(open(ctx), input);
    notePassphraseStrength(open(ctx), input.name, input.passphrase);
    return added;
  },
  'users.remove': (input, ctx) => removeUser(open(ctx), input, job(ctx)),
  'users.certify': (input, ctx) => certifyUser(open(ctx), input),
  'vault.rotateKeys': (_input, ctx) => rotateKeys(open(ctx), job(ctx)),
  'users.setRole': (input, ctx) => setRole(open(ctx), input),
  'users.setPassphrase': async (input, ctx) => {
    const result = await setPassphrase(open(ctx), input);
    notePassphraseStrength(open(ctx), input.name, input.passphrase);
    return result;
  },

  'audit.list': (input, ctx) => listAuditEntries(open(ctx), input),
  'audit.verify': async (_input, ctx) => {
    job(ctx).progress(0, 1, 'verifying');
    const report = await auditReport(open(ctx), ctx.env.dataDir);
    job(ctx).progress(1, 1, 'done');
    return report;
  },
  'audit.export': (input, ctx) => exportAudit(open(ctx), input, ctx.env.dataDir),

  'dialog.choose': () => {
    throw new EngineError('SHELL_ONLY');
  },

  'backup.create': async (input, ctx) => {
    const created = await createBackup(open(ctx), input, job(ctx), ctx.env.dataDir);
    progress(ctx);
    return created;
  },
  'backup.verify': (input, ctx) => verifyBackup(ctx.vault, input, job(ctx), ctx.env.dataDir),
  'backup.restore': (input, ctx) => restoreBackup(input, ctx, job(ctx)),
  'backup.drill': async (input, ctx) => {
    const result = await drillBackup(open(ctx), input, job(ctx), ctx.env.dataDir);
    progress(ctx);
    return result;
  },
  'backup.list': (_input, ctx) => listBackups(open(ctx).db),
  'backup.prune': (input, ctx) => pruneBackups(open(ctx), input, ctx.env.dataDir),

  'import.preview': (input, ctx) => previewImport(open(ctx), input),
  'import.run': async (input, ctx) => {
    // The closure's figures afterwards from the records already there (read now: none for a first
    // import) and the new ones, counted as they are written: no second pass over the vault.
    const tally = new CustomerTally(open(ctx).db, factsDay(new Date()));
    const result = await runImport(open(ctx), input, job(ctx), new Date(), tally);
    const customers = tally.facts();
    noteDispositionCount(ctx.env.dataDir, open(ctx), {
      customers: customers.total,
      without: customers.withoutDisposition,
    });
    progress(ctx, tally);
    return result;
  },
  'import.sources': (_input, ctx) => listSources(open(ctx)),
  'import.quarantine': (input, ctx) => quarantinePage(open(ctx), input),
  'import.exportQuarantine': (input, ctx) => exportQuarantine(open(ctx), input, ctx.env.dataDir),
  'import.deleteSource': (input, ctx) => deleteSource(open(ctx), input, ctx.env.dataDir),
  'import.mappings': (_input, ctx) => listMappings(open(ctx)),
  'import.saveMapping': (input, ctx) => saveMapping(open(ctx), input),
  'import.deleteMapping': (input, ctx) => deleteMapping(open(ctx), input),

  'records.query': (input, ctx) => queryRecords(open(ctx).reader(), input),
  'records.get': (input, ctx) => getRecord(open(ctx).reader(), input.id),
  'records.export': (input, ctx) => exportRecords(open(ctx), input, job(ctx), ctx.env.dataDir),

  'classification.rules': (_input, ctx) => getRules(open(ctx)),
  'classification.saveRules': (input, ctx) => saveRules(open(ctx), input, job(ctx)),
  'classification.run': (input, ctx) => runClassify(open(ctx), input, job(ctx)),
  'classification.override': (input, ctx) => overrideRecords(open(ctx), input),
  'classification.products': (input, ctx) => listProducts(open(ctx), input),
  'classification.fileProducts': (input, ctx) => fileProducts(open(ctx), input, job(ctx)),
  'dispositions.apply': async (input, ctx) => {
    const result = await applyDispositions(open(ctx), input, job(ctx));
    if (!result.dryRun) noteDispositionCount(ctx.env.dataDir, open(ctx));
    if (!result.dryRun) progress(ctx);
    return result;
  },
  'dispositions.set': (input, ctx) => {
    const result = setDispositions(open(ctx), input);
    noteDispositionCount(ctx.env.dataDir, open(ctx));
    progress(ctx);
    return result;
  },
  'records.stats': (_input, ctx) => customerStats(open(ctx).reader()),

  'duplicates.run': (input, ctx) => runDuplicates(open(ctx), input, job(ctx)),
  'duplicates.clusters': (input, ctx) => clusters(open(ctx), input),
  'duplicates.decide': (input, ctx) => decide(open(ctx), input),
  'duplicates.split': (input, ctx) => split(open(ctx), input),
  'duplicates.merge': (input, ctx) => mergeCluster(open(ctx), input),
  'duplicates.unmerge': (input, ctx) => unmerge(open(ctx), input),

  'plan.get': (_input, ctx) => closurePlan(open(ctx)),
  'plan.history': (_input, ctx) => progressHistory(open(ctx)),
  'plan.setDates': (input, ctx) => {
    setPlanDates(open(ctx), input);
    progress(ctx);
    return closurePlan(open(ctx));
  },
  'plan.confirm': (input, ctx) => {
    confirmStep(open(ctx), input);
    progress(ctx);
    return closurePlan(open(ctx));
  },
  'plan.certify': (_input, ctx) => {
    certifyClosure(open(ctx));
    progress(ctx);
    return closurePlan(open(ctx));
  },

  'compliance.checklist': (input, ctx) => evaluateChecklist(open(ctx), input.regimes),
  'compliance.setApplicability': (input, ctx) => setApplicability(open(ctx), input),
  'compliance.answer': (input, ctx) => answerItem(open(ctx), input),
  'compliance.saveItem': (input, ctx) => saveCompanyItem(open(ctx), input),
  'compliance.removeItem': (input, ctx) => removeCompanyItem(open(ctx), input),
  'compliance.report': (input, ctx) => writeComplianceReport(open(ctx), input),

  'assessments.get': (input, ctx) => getAssessment(open(ctx), input.kind),
  'assessments.save': (input, ctx) => saveAssessment(open(ctx), input),
  'assessments.approve': (input, ctx) => approveAssessment(open(ctx), input.kind, ctx.env.dataDir),
  'assessments.write': (input, ctx) => writeAssessment(open(ctx), input),

  'ropa.get': (_input, ctx) => getRopa(open(ctx)),
  'ropa.retention': (_input, ctx) => getRetention(open(ctx)),
  'ropa.write': (input, ctx) => writeRopa(open(ctx), input),

  'people.list': (_input, ctx) => listPeople(open(ctx)),
  'people.save': (input, ctx) => savePerson(open(ctx), input),
  'people.remove': (input, ctx) => removePerson(open(ctx), input),
  'people.recordUndertaking': (input, ctx) => recordUndertaking(open(ctx), input),
  'people.writeUndertaking': (input, ctx) => writeUndertaking(open(ctx), input),
  'people.addTraining': (input, ctx) => addTraining(open(ctx), input),

  'risks.list': (_input, ctx) => listRisks(open(ctx)),
  'risks.add': (input, ctx) => addRisk(open(ctx), input),
  'risks.update': (input, ctx) => updateRisk(open(ctx), input),

  'evidence.pack': (input, ctx) => buildEvidencePack(open(ctx), input, job(ctx), ctx.env.dataDir),
  'evidence.verify': (input, ctx) => verifyEvidencePack(input, job(ctx)),
  'wipe.records': async (input, ctx) => {
    const result = await wipeRecords(open(ctx), input, job(ctx), ctx.env.dataDir);
    if (!result.dryRun) {
      noteDispositionCount(ctx.env.dataDir, open(ctx));
      progress(ctx);
    }
    return result;
  },
  'requests.list': (input, ctx) => listRequests(open(ctx), input),
  'requests.add': (input, ctx) => addRequest(open(ctx), input),
  'requests.extend': (input, ctx) => extendRequest(open(ctx), input),
  'requests.acknowledge': (input, ctx) => acknowledgeRequest(open(ctx), input),
  'requests.fulfil': async (input, ctx) => {
    const result = await fulfilRequest(open(ctx), input, job(ctx), ctx.env.dataDir);
    if (result.fulfilment?.action === 'deleted') noteDispositionCount(ctx.env.dataDir, open(ctx));
    return result;
  },
  'requests.close': (input, ctx) => closeRequest(open(ctx), input),

  'incidents.list': (input, ctx) => listIncidents(open(ctx), input),
  'incidents.add': (input, ctx) => addIncident(open(ctx), input),
  'incidents.decide': (input, ctx) => decideIncident(open(ctx), input),
  'incidents.notice': (input, ctx) => incidentNotice(open(ctx), input, ctx.env.dataDir),
  'incidents.close': (input, ctx) => closeIncident(open(ctx), input),
  'incidents.status': (_input, ctx) => incidentStatus(open(ctx)),
  'incidents.plan': (input, ctx) => loadPlan(open(ctx).db, input.language),
  'incidents.savePlan': (input, ctx) => savePlan(open(ctx), input),
  'incidents.exportPlan': (input, ctx) => exportPlan(open(ctx), input, ctx.env.dataDir),
  'incidents.drills': (_input, ctx) => listDrills(open(ctx)),
  'incidents.logDrill': (input, ctx) => logDrill(open(ctx), input),
  'analytics.table': (input, ctx) => analyticsTable(open(ctx), input),
  'analytics.export': (input, ctx) => exportTable(open(ctx), input, ctx.env.dataDir),
  'analytics.extract': (input, ctx) => writeExtract(open(ctx), input, ctx.env.dataDir),
  'wipe.vault': (input, ctx) => wipeVault(open(ctx), input, job(ctx), wipeContext(ctx)),
  'wipe.resume': (input, ctx) => resumeWipes(ctx.vault, input, job(ctx), wipeContext(ctx)),
  'wipe.pending': (_input, ctx) => pendingWipes(ctx.env.dataDir),
  'wipe.logPaper': (input, ctx) => logPaper(open(ctx), input),
  'wipe.logCloud': (input, ctx) => logCloud(open(ctx), input),
  'wipe.logs': (_input, ctx) => wipeLogs(open(ctx)),
  'certificate.verify': (input) => verifyCertificate(input),
  'handover.list': (_input, ctx) => listHandovers(open(ctx).reader()),
  'handover.get': (input, ctx) => handoverDetail(open(ctx).reader(), input.handoverId),
  'handover.create': async (input, ctx) => {
    const id = await createHandover(open(ctx), input);
    progress(ctx);
    return handoverDetail(open(ctx).db, id);
  },
  'handover.update': async (input, ctx) => {
    await updateHandover(open(ctx), input);
    return handoverDetail(open(ctx).db, input.handoverId);
  },
  'handover.kit': (input, ctx) => makeKit(open(ctx), input, ctx.env.dataDir),
  'handover.agreement': (input, ctx) => recordAgreement(open(ctx), input),
  'handover.vetting': (input, ctx) => recordVetting(open(ctx), input),
  'handover.pipia': (input, ctx) => savePipia(open(ctx), input, ctx.env.dataDir),
  'handover.notices': (input, ctx) => moved(ctx, writeNotices(open(ctx), input, job(ctx), ctx.env.dataDir)),
  'handover.noticeList': (input, ctx) => noticeList(open(ctx).reader(), input),
  'handover.track': (input, ctx) => moved(ctx, trackNotices(open(ctx), input)),
  // A response or a package moves nothing the progress holds (stage, blockers, deadline, dispositions):
  // responses only count while the handover is open, a package changes no record until its receipt.
  'handover.respond': (input, ctx) => recordResponse(open(ctx), input),
  'handover.selection': (input, ctx) => {
    const db = open(ctx).reader();
    return selectionCounts(db, loadHandover(db, input.handoverId));
  },
  'handover.package': (input, ctx) => buildPackage(open(ctx), input, job(ctx), ctx.env.dataDir),
  'handover.receiptImport': async (input, ctx) => {
    const result = await importReceipt(open(ctx), input);
    progress(ctx);
    return result;
  },
  'handover.open': async (input, ctx) => {
    const { opened, vault } = await openPackage(input, ctx.env.dataDir, job(ctx));
    if (vault) ctx.setVault(vault);
    return opened;
  },
  'handover.receiptCreate': (input, ctx) =>
    createReceipt(input, { vault: ctx.vault, dataDir: ctx.env.dataDir }),
};

export const product: Composition<typeof contract> = { contract, handlers };
