// Security incidents: the vocabulary (kinds, regimes, audiences, decisions) and the notification timers
// each law sets from the moment the incident was discovered. PIPL Art. 57: remedy and notify the
// authority and the individuals "immediately" (立即); GDPR Art. 33: the supervisory authority within 72
// hours of becoming aware (Art. 34: the individuals without undue delay when the risk is high); Cal. Civ.
// Code 1798.82: the residents "in the most expedient time possible and without unreasonable delay", at
// the latest 30 calendar days after discovery since 2026-01-01. Pure: the engine, the CLI and the window
// compute the same timers.

export const INCIDENT_KINDS = [
  'lost-device',
  'lost-backup',
  'wrong-recipient',
  'unauthorised-access',
  'malware',
  'damage',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_REGIMES = ['pipl', 'gdpr', 'ccpa'] as const;
export type IncidentRegime = (typeof INCIDENT_REGIMES)[number];

export const NOTICE_AUDIENCES = ['authority', 'individuals'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/** Whether to notify: recorded with its reason (GDPR Art. 33(5): document every breach and decision). */
export const NOTICE_DECISIONS = ['notify', 'not-required'] as const;
type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

/** How each law counts: "immediately", a number of hours, or "most expedient time" with a last day. */
type TimerRule = 'immediately' | 'hours' | 'expedient' | 'undue-delay';

interface TimerSpec {
  regime: IncidentRegime;
  audience: NoticeAudience;
  rule: TimerRule;
  /** Hours from discovery to the deadline (null: no fixed deadline). */
  hours: number | null;
  /** The provision, as a reader cites it. */
  cite: string;
  /**
   * A notice after the deadline still meets the duty when it gives the reasons for the delay (GDPR Art.
   * 33(1): "where the notification … is not made within 72 hours, it shall be accompanied by reasons for
   * the delay").
   */
  lateWithReasons?: true;
}

const HOUR = 3_600_000;

/** The notification obligations each regime sets, from the moment of discovery. */
const TIMER_SPECS: Readonly<Record<IncidentRegime, readonly TimerSpec[]>> = {
  pipl: [
    { regime: 'pipl', audience: 'authority', rule: 'immediately', hours: 0, cite: 'PIPL Art. 57' },
    { regime: 'pipl', audience: 'individuals', rule: 'immediately', hours: 0, cite: 'PIPL Art. 57' },
  ],
  gdpr: [
    {
      regime: 'gdpr',
      audience: 'authority',
      rule: 'hours',
      hours: 72,
      cite: 'GDPR Art. 33(1)',
      lateWithReasons: true,
    },
    { regime: 'gdpr', audience: 'individuals', rule: 'undue-delay', hours: null, cite: 'GDPR Art. 34(1)' },
  ],
  ccpa: [
    {
      regime: 'ccpa',
      audience: 'individuals',
      rule: 'expedient',
      hours: 30 * 24,
      cite: 'Cal. Civ. Code 1798.82(a)',
    },
  ],
};

type TimerState = 'running' | 'overdue' | 'sent' | 'sent-late' | 'not-required' | 'stopped';

export interface IncidentTimer extends TimerSpec {
  /** ISO date-time of the deadline, or null when the law sets none. */
  deadline: string | null;
  state: TimerState;
  /** Whole hours to the deadline (negative: past it); null once it no longer runs, or for "immediately". */
  hoursLeft: number | null;
  /** When the notice went, if it did. */
  sentAt: string | null;
}

export interface TimerFacts {
  discoveredAt: string;
  regimes: readonly IncidentRegime[];
  /** Per "regime:audience": when the notice was sent, if it was. */
  sent: Readonly<Record<string, string | undefined>>;
  /** Per "regime:audience": the latest decision recorded. */
  decided: Readonly<Record<string, NoticeDecision | undefined>>;
  closed: boolean;
}

export const timerKey = (regime: IncidentRegime, audience: NoticeAudience): string => `${regime}:${audience}`;

/** Each obligation's timer as of `now`: running, overdue, sent (in time or late), not required, stopped. */
export function incidentTimers(facts: TimerFacts, now: Date): IncidentTimer[] {
  const start = Date.parse(facts.discoveredAt);
  return facts.regimes.flatMap((regime) =>
    TIMER_SPECS[regime].map((spec): IncidentTimer => {
      const key = timerKey(spec.regime, spec.audience);
      const deadline = spec.hours === null ? null : new Date(start + spec.hours * HOUR);
      const sentAt = facts.sent[key] ?? null;
      const base = { ...spec, deadline: deadline?.toISOString() ?? null, sentAt, hoursLeft: null };
      // "Immediately" has no hour to be late by: the register shows how long it took instead.
      const late = spec.rule !== 'immediately' && deadline !== null && sentAt !== null;
      if (sentAt !== null)
        return { ...base, state: late && Date.parse(sentAt) > deadline.getTime() ? 'sent-late' : 'sent' };
      if (facts.decided[key] === 'not-required') return { ...base, state: 'not-required' };
      if (facts.closed) return { ...base, state: 'stopped' };
      if (deadline === null || spec.rule === 'immediately') return { ...base, state: 'running' };
      const left = Math.floor((deadline.getTime() - now.getTime()) / HOUR);
      return { ...base, state: now.getTime() > deadline.getTime() ? 'overdue' : 'running', hoursLeft: left };
    }),
  );
}

/** A timer a person still has to act on. */
export const timerRunning = (t: IncidentTimer): boolean => t.state === 'running' || t.state === 'overdue';

/** The drill period the Dashboard checks by default (GB/T 35273 10.1: at least yearly). */
export const DEFAULT_DRILL_PERIOD_MONTHS = 12;
