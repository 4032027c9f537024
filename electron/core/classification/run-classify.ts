// classification.run and classification.saveRules: reclassify the vault (or a filter's records) under the rules in force,
// optionally saving new rules first, as one audited transaction that a cancel rolls back whole.
import type { OpParsedInput } from '../../../shared/contract';
import type { ClassifyRunResult, RulesInfo, RulesSaved } from '../../../shared/contract';
import type { ClassificationRules } from '../../../shared/classification/rules';
import type { RecordFilter } from '../../../shared/records';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import { Classifier, staleReferenceOf } from './classify';
import { inJobTransaction } from '../kernel/job-transaction';
import { insertRules, listRuleVersions, peekRules } from './rules-store';

export async function reclassify(
  vault: OpenVault,
  job: JobContext,
  options: { filter?: RecordFilter; rules?: ClassificationRules; note?: string | null; op: string },
  now = new Date(),
): Promise<ClassifyRunResult> {
  return inJobTransaction(vault.db, async () => {
    let savedRules = false;
    if (options.rules) {
      insertRules(vault.db, options.rules, vault.actor.userName, options.note ?? null, now);
      savedRules = true;
    }
    const classifier = new Classifier(vault.db, options.filter ? { filter: options.filter } : {}, now);
    const total = classifier.total();
    job.progress(0, total, 'classifying');
    while (classifier.next()) {
      job.progress(classifier.done, total, 'classifying');
      await job.checkpoint();
    }
    const result = {
      classified: classifier.done,
      rulesVersion: classifier.rulesVersion,
      savedRules,
      staleReference: classifier.stale,
    };
    vault.change(
      () => ({
        op: options.op,
        params: {
          rulesVersion: result.rulesVersion,
          savedRules,
          filter: options.filter ?? null,
          staleFrom: classifier.stale.date,
        },
        counts: { classified: result.classified },
        outcome: 'ok',
      }),
      () => undefined,
    );
    return result;
  });
}

export function runClassify(
  vault: OpenVault,
  input: OpParsedInput<'classification.run'>,
  job: JobContext,
): Promise<ClassifyRunResult> {
  // Operators may reclassify; changing the rules is the owner's decision.
  if (input.rules && vault.actor.role !== 'owner')
    throw new EngineError('NOT_ALLOWED', { role: vault.actor.role });
  return reclassify(vault, job, {
    filter: input.filter,
    rules: input.rules,
    note: input.note,
    op: 'classification.run',
  });
}

export async function saveRules(
  vault: OpenVault,
  input: OpParsedInput<'classification.saveRules'>,
  job: JobContext,
): Promise<RulesSaved> {
  if (input.reclassify) {
    const r = await reclassify(vault, job, {
      rules: input.rules,
      note: input.note,
      op: 'classification.saveRules',
    });
    return { version: r.rulesVersion, reclassified: r.classified };
  }
  const saved = vault.change(
    (v) => ({
      op: 'classification.saveRules',
      params: { rulesVersion: v.version, reclassify: false },
      outcome: 'ok',
    }),
    () => insertRules(vault.db, input.rules, vault.actor.userName, input.note ?? null),
  );
  job.progress(1, 1, 'done');
  return { version: saved.version, reclassified: null };
}

export function getRules(vault: OpenVault): RulesInfo {
  const history = listRuleVersions(vault.db);
  const current = peekRules(vault.db);
  return {
    current,
    history,
    stored: history.length > 0,
    staleReference: staleReferenceOf(vault.db, new Date(), current.body.staleYears),
  };
}
