// The incident register, the emergency plan and the drills as the checklists see them: how many incidents
// each law's notification duty applies to, and every obligation whose timer ran out with neither a notice
// sent nor a decision recorded (or that was sent after its deadline, unless the law accepts a late notice
// that gives the reasons for the delay and it did) — named by the incident's reference,
// never by a customer's value; whether the team saved its own plan and held a drill within its period.
import { INCIDENT_REGIMES, type IncidentRegime, type NoticeAudience } from '../../../shared/incidents';
import type { OpenVault } from '../vault/open-vault';
import { loadPlan } from './plan';
import { incidentStatus, listIncidents } from './register';

export interface IncidentLapse {
  ref: string;
  audience: NoticeAudience;
  /** The timer's deadline (null when the law sets no fixed one). */
  deadline: string | null;
  /** 'lapsed': no notice and no decision by the deadline (or the incident closed without either); 'late': sent after it. */
  kind: 'lapsed' | 'late';
}

interface IncidentRegimeFacts {
  /** Incidents this law's notification duty applies to. */
  incidents: number;
  lapses: IncidentLapse[];
  /** Notices sent after the deadline with the reasons for the delay, where the law accepts that. */
  lateWithReasons: IncidentLapse[];
  /** Obligations still to act on whose deadline has not passed. */
  running: number;
}

export interface IncidentFacts {
  recorded: number;
  open: number;
  byRegime: Record<IncidentRegime, IncidentRegimeFacts>;
  /** When the team saved its own emergency plan; null while only the template exists. */
  planSavedAt: string | null;
  drillPeriodMonths: number;
  lastDrill: string | null;
  /** No drill within the plan's period. */
  drillDue: boolean;
}

export function incidentFacts(vault: OpenVault, now: Date): IncidentFacts {
  const entries = listIncidents(vault, { open: false }, now);
  const byRegime = Object.fromEntries(
    INCIDENT_REGIMES.map((r) => [
      r,
      { incidents: 0, lapses: [], lateWithReasons: [], running: 0 } as IncidentRegimeFacts,
    ]),
  ) as Record<IncidentRegime, IncidentRegimeFacts>;
  for (const e of entries) {
    for (const regime of e.regimes) byRegime[regime].incidents++;
    const decided = new Set(e.decisions.map((d) => `${d.regime}:${d.audience}`));
    for (const t of e.timers) {
      const f = byRegime[t.regime];
      const lapse = { ref: e.ref, audience: t.audience, deadline: t.deadline };
      if (t.state === 'sent-late') {
        const notice = e.notices.find((n) => n.regime === t.regime && n.audience === t.audience);
        const explained = t.lateWithReasons === true && (notice?.delayReasons ?? null) !== null;
        (explained ? f.lateWithReasons : f.lapses).push({ ...lapse, kind: 'late' });
      }
      if (t.sentAt !== null || t.state === 'not-required') continue;
      const passed = t.deadline !== null && Date.parse(t.deadline) <= now.getTime();
      // PIPL's "immediately" has its deadline at discovery: without a notice or a decision it has run out.
      if (
        t.state === 'overdue' ||
        (!decided.has(`${t.regime}:${t.audience}`) && (passed || t.state === 'stopped'))
      )
        f.lapses.push({ ...lapse, kind: 'lapsed' });
      else if (t.state === 'running') f.running++;
    }
  }
  const status = incidentStatus(vault, now);
  return {
    recorded: entries.length,
    open: entries.filter((e) => e.status === 'open').length,
    byRegime,
    planSavedAt: loadPlan(vault.db, 'zh-CN').updatedAt ?? null,
    drillPeriodMonths: status.drillPeriodMonths,
    lastDrill: status.lastDrill,
    drillDue: status.drillDue,
  };
}
