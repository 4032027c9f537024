// `closeout plan FILE`: the closure plan — every step with its state and blockers, the key dates with
// the days left, the next action.
import type { ClosurePlan, PlanStep } from '../../../shared/contract';
import type { Lang } from '../../../shared/errors';
import type { CommandDef } from '../command-def';
import { define, t } from '../helpers';

const MARK: Record<PlanStep['state'], string> = { done: '✔', current: '▶', todo: '·', 'not-needed': '–' };

function humanPlan(p: ClosurePlan, lang: Lang): string {
  const steps = p.steps.flatMap((s) => [
    `${MARK[s.state]} ${s.title[lang]}: ${s.summary[lang]}${s.source === 'hand' ? t(lang, '（手工确认）', ' (confirmed by hand)') : ''}`,
    ...s.blockers.map((b) => `    ✘ ${b.text[lang]}`),
    ...s.warnings.map((w) => `    ! ${w.text[lang]}`),
  ]);
  const dates = p.keyDates.map(
    (d) =>
      `${d.date}  ${d.label[lang]}  ${d.type === 'event' ? '' : d.daysLeft >= 0 ? t(lang, `还有 ${d.daysLeft} 天`, `${d.daysLeft} days left`) : t(lang, `已过 ${-d.daysLeft} 天`, `${-d.daysLeft} days ago`)}${d.estimated ? t(lang, '（估算）', ' (estimated)') : ''}`,
  );
  return [
    `${t(lang, '阶段', 'stage')}: ${p.stage}${p.certified ? `  ${t(lang, '认证于', 'certified on')} ${p.certified.at.slice(0, 10)}` : ''}`,
    ...steps,
    ...(dates.length ? ['', t(lang, '关键日期', 'Key dates'), ...dates] : []),
    '',
    p.nextAction
      ? `${t(lang, '下一步', 'next')}: ${p.nextAction.label[lang]}`
      : p.canCertify
        ? t(lang, '可以认证', 'ready to certify')
        : '',
  ]
    .join('\n')
    .trimEnd();
}

export const planCommands: readonly CommandDef[] = [
  define({
    path: ['plan'],
    op: 'plan.get',
    vault: true,
    description:
      'the closure plan: every step with its state and blockers, key dates, the next action / 善后计划',
    input: () => ({}),
    human: humanPlan,
  }),
];
