// A checklist rule: an item of a regime (article, title) and a pure function of the closure's facts that
// says met / not met / not applicable with the evidence it saw — or "open" when the vault holds no evidence
// of that kind, so a person answers it by hand.
import { bi, type Bilingual } from '../../../../shared/bilingual';
import type { Regime } from '../../../../shared/contract';
import type { ClosureFacts } from '../facts';

export type Evaluation = { status: 'met' | 'not-met' | 'not-applicable' | 'open'; evidence: Bilingual };

export interface Rule {
  id: string;
  regime: Exclude<Regime, 'company'>;
  article: string;
  title: Bilingual;
  evaluate: (facts: ClosureFacts) => Evaluation;
}

export const met = (zh: string, en: string): Evaluation => ({ status: 'met', evidence: bi(zh, en) });
export const notMet = (zh: string, en: string): Evaluation => ({ status: 'not-met', evidence: bi(zh, en) });
export const notApplicable = (zh: string, en: string): Evaluation => ({
  status: 'not-applicable',
  evidence: bi(zh, en),
});
export const open = (zh: string, en: string): Evaluation => ({ status: 'open', evidence: bi(zh, en) });

/** An English count with its noun, "1 request" or "2 requests" (Chinese counts need no plural). */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The English verb that agrees with a count: `agree(n, 'is', 'are')`. */
export const agree = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Until the handover, wipe, requests and incidents features record their evidence in the vault. */
export const noEvidenceYet = (zhWhat: string, enWhat: string): Evaluation =>
  open(
    `保险库中还没有${zhWhat}的记录：请手工回答并附上证明文件`,
    `The vault holds no record of ${enWhat} yet: answer by hand and attach the evidence`,
  );
