// compliance.checklist: every rule of the applicable regimes evaluated over the facts; items the vault
// holds no evidence for take the answer a person gave; the company's own items are always answered by hand.
import { bi } from '../../../shared/bilingual';
import type {
  Checklist,
  ChecklistItem,
  EvidenceFileRef,
  ItemAnswer,
  ItemStatus,
  Regime,
} from '../../../shared/contract';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { applicability } from './applicability';
import { gatherFacts, type ClosureFacts } from './facts';
import { CCPA_RULES } from './rules/ccpa';
import { GDPR_RULES } from './rules/gdpr';
import { ISO27001_RULES } from './rules/iso27001';
import { PIPL_RULES } from './rules/pipl';
import type { Rule } from './rules/rule';

export const RULES: readonly Rule[] = [...PIPL_RULES, ...GDPR_RULES, ...CCPA_RULES, ...ISO27001_RULES];

interface AnswerRow {
  item_id: string;
  status: ItemAnswer['status'];
  note: string;
  file_id: string | null;
  answered_at: string;
  answered_by: string | null;
  name: string | null;
  sha256: string | null;
  size: number | null;
}

function readAnswers(db: VaultDb): Map<string, ItemAnswer> {
  const rows = db
    .prepare(
      `SELECT a.*, f.name, f.sha256, f.size FROM compliance_answers a
       LEFT JOIN compliance_files f ON f.id = a.file_id`,
    )
    .all() as AnswerRow[];
  return new Map(
    rows.map((r) => {
      const file: EvidenceFileRef | null =
        r.file_id && r.name && r.sha256
          ? { id: r.file_id, name: r.name, sha256: r.sha256, size: r.size ?? 0 }
          : null;
      return [r.item_id, { status: r.status, note: r.note, at: r.answered_at, by: r.answered_by, file }];
    }),
  );
}

interface CompanyItem {
  id: string;
  title: string;
  description: string;
}

function companyItems(db: VaultDb): CompanyItem[] {
  return db
    .prepare(
      'SELECT id, title, description FROM company_items WHERE removed_at IS NULL ORDER BY created_at, id',
    )
    .all() as CompanyItem[];
}

const companyItemId = (id: string) => `company-${id}`;

function companyItem(item: CompanyItem, answer: ItemAnswer | undefined): ChecklistItem {
  return {
    id: companyItemId(item.id),
    regime: 'company',
    article: item.description ? item.description : '—',
    title: bi(item.title, item.title),
    status: answer?.status ?? 'open',
    source: answer ? 'hand' : null,
    evidence: answer
      ? bi('已手工回答', 'Answered by hand')
      : bi('公司自定检查项：请手工回答', "The company's own item: answer by hand"),
    answer: answer ?? null,
  };
}

function ruleItem(rule: Rule, facts: ClosureFacts, answer: ItemAnswer | undefined): ChecklistItem {
  const evaluation = rule.evaluate(facts);
  const byHand = evaluation.status === 'open' && answer !== undefined;
  return {
    id: rule.id,
    regime: rule.regime,
    article: rule.article,
    title: rule.title,
    status: byHand ? answer.status : evaluation.status,
    source: evaluation.status !== 'open' ? 'evidence' : byHand ? 'hand' : null,
    evidence: evaluation.evidence,
    answer: byHand ? answer : null,
  };
}

/** Every item (of the regimes asked for, or of every applicable one), evaluated. */
export function evaluateChecklist(
  vault: OpenVault,
  regimes?: readonly Regime[],
  facts = gatherFacts(vault),
): Checklist {
  const scopes = applicability(facts);
  const wanted = new Set<Regime>(regimes ?? scopes.filter((s) => s.applicable).map((s) => s.regime));
  const answers = readAnswers(vault.db);
  const items: ChecklistItem[] = [
    ...RULES.filter((r) => wanted.has(r.regime)).map((r) => ruleItem(r, facts, answers.get(r.id))),
    ...(wanted.has('company')
      ? companyItems(vault.db).map((c) => companyItem(c, answers.get(companyItemId(c.id))))
      : []),
  ];
  const summary: Record<ItemStatus, number> = { met: 0, 'not-met': 0, 'not-applicable': 0, open: 0 };
  for (const item of items) summary[item.status]++;
  return { at: facts.now.toISOString(), applicability: scopes, items, summary };
}

/** The item as it would be evaluated now; used by compliance.answer to refuse evaluated items. */
export function findItem(vault: OpenVault, itemId: string, facts = gatherFacts(vault)): ChecklistItem | null {
  const answer = readAnswers(vault.db).get(itemId);
  const rule = RULES.find((r) => r.id === itemId);
  if (rule) return ruleItem(rule, facts, answer);
  const company = companyItems(vault.db).find((c) => companyItemId(c.id) === itemId);
  return company ? companyItem(company, answer) : null;
}
