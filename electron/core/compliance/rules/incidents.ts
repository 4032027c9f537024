// The incident items (PIPL Art. 57, GDPR Arts. 33–34, Cal. Civ. Code 1798.82, ISO/IEC 27001 A.5.24–5.28)
// and the emergency plan item (PIPL Art. 51(5)) from the incident register, the plan and the drills: an
// obligation whose timer ran out with neither a notice nor a decision, or a notice sent after its
// deadline (unless the law accepts it with the reasons for the delay, and they were given), fails by the
// incident's reference; all handled pass; no incident recorded is not applicable.
import type { IncidentRegime } from '../../../../shared/incidents';
import type { IncidentLapse } from '../../incidents/closure-facts';
import type { ClosureFacts } from '../facts';
import { counted, met, notApplicable, notMet, type Evaluation } from './rule';

const AUDIENCE = { authority: ['监管部门', 'authority'], individuals: ['个人', 'individuals'] } as const;
const LAW = { pipl: 'PIPL', gdpr: 'GDPR', ccpa: 'Cal. Civ. Code 1798.82' } as const;

function lapseList(lapses: ReadonlyArray<IncidentLapse & { regime: IncidentRegime }>, zh: boolean): string {
  return lapses
    .map((l) => {
      const [zhTo, enTo] = AUDIENCE[l.audience];
      const due = l.deadline ? l.deadline.slice(0, 16).replace('T', ' ') : null;
      if (zh)
        return `${l.ref}（${LAW[l.regime]}，通知${zhTo}${l.kind === 'late' ? '，逾期发出' : '，未通知也未记录决定'}${due ? `，期限 ${due} UTC` : ''}）`;
      return `${l.ref} (${LAW[l.regime]}, ${enTo}: ${l.kind === 'late' ? 'notified after the deadline' : 'neither notified nor decided'}${due ? `, deadline ${due} UTC` : ''})`;
    })
    .join(zh ? '、' : '; ');
}

/** Every notification duty of these laws met for every incident in the register. */
export const incidentsHandled =
  (regimes: readonly IncidentRegime[]) =>
  (f: ClosureFacts): Evaluation => {
    const i = f.incidents;
    const concerned = Math.max(0, ...regimes.map((r) => i.byRegime[r].incidents));
    if (concerned === 0)
      return notApplicable(
        `安全事件登记册中没有${regimes.length === 1 && regimes[0] !== 'pipl' ? `涉及 ${LAW[regimes[0]]} 的` : ''}事件（共登记 ${i.recorded} 起）`,
        `The incident register holds no incident${regimes.length === 1 && regimes[0] !== 'pipl' ? ` under ${LAW[regimes[0]]}` : ''} (${i.recorded} recorded in all)`,
      );
    const lapses = regimes.flatMap((regime) => i.byRegime[regime].lapses.map((l) => ({ ...l, regime })));
    if (lapses.length)
      return notMet(
        `${lapses.length} 项通知义务未按时履行：${lapseList(lapses, true)}`,
        `${counted(lapses.length, 'notification duty', 'notification duties')} not met in time: ${lapseList(lapses, false)}`,
      );
    const running = regimes.reduce((n, r) => n + i.byRegime[r].running, 0);
    const pending = running
      ? [`；${running} 项待办，尚未逾期`, `; ${running} still to act on, none past its deadline`]
      : ['', ''];
    const explained = regimes.flatMap((regime) =>
      i.byRegime[regime].lateWithReasons.map((l) => ({ ...l, regime })),
    );
    const late = explained.length
      ? [
          `；${explained.length} 项逾期发出但附有延迟原因（GDPR 第 33(1) 条）：${explained.map((l) => l.ref).join('、')}`,
          `; ${explained.length} sent after the deadline with the reasons for the delay (GDPR Art. 33(1)): ${explained.map((l) => l.ref).join(', ')}`,
        ]
      : ['', ''];
    return met(
      `登记 ${concerned} 起事件，每项到期的通知都已发出或记录了决定${late[0]}${pending[0]}`,
      `${counted(concerned, 'incident')} recorded; every notification due was sent or decided${late[1]}${pending[1]}`,
    );
  };

/** An emergency plan the team saved (not only the template), and a drill within the plan's period. */
export function incidentPlan(f: ClosureFacts): Evaluation {
  const i = f.incidents;
  if (!i.planSavedAt)
    return notMet('还没有保存应急预案（只有模板）', 'No emergency plan saved yet (only the template)');
  const saved = i.planSavedAt.slice(0, 10);
  if (i.drillDue)
    return notMet(
      `应急预案保存于 ${saved}，但 ${i.drillPeriodMonths} 个月内没有演练${i.lastDrill ? `（最近一次 ${i.lastDrill}）` : '（从未演练）'}`,
      `Emergency plan saved on ${saved}, but no drill in the last ${i.drillPeriodMonths} months${i.lastDrill ? ` (last on ${i.lastDrill})` : ' (none yet)'}`,
    );
  return met(
    `应急预案保存于 ${saved}；最近一次演练 ${i.lastDrill}（演练周期 ${i.drillPeriodMonths} 个月）`,
    `Emergency plan saved on ${saved}; last drill on ${i.lastDrill} (drills every ${i.drillPeriodMonths} months)`,
  );
}
