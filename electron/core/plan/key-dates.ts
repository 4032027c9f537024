// The closure's key dates from its facts: the decision and deregistration the owner entered, the Company
// Law's liquidation deadlines counted from them (with the Civil Code's roll past rest days, on the Chinese
// working-day calendar), customers' objection deadline, retention end dates, the PIPIA's keep-until date.
import { daysBetween, periodEnd, type CalendarStatus } from '../../../shared/calendar/working-days';
import { KEY_DATE_TEXT, type KeyDateKind } from '../../../shared/compliance/key-dates';
import type { KeyDate } from '../../../shared/contract';
import type { ClosureFacts } from '../compliance/facts';

interface Draft {
  kind: KeyDateKind;
  date: string;
  type: KeyDate['type'];
  estimated?: boolean;
  rolledFrom?: string | null;
  calendar?: CalendarStatus;
}

const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

export function keyDates(f: ClosureFacts): KeyDate[] {
  const drafts: Draft[] = [];
  const { decisionDate, deregistrationDate, deadline } = f.vault.keyDates;
  const dates = f.compliance.settings['plan.dates'];
  const due = (kind: KeyDateKind, from: string, days: number, estimated: boolean) => {
    const end = periodEnd(from, days);
    drafts.push({
      kind,
      date: end.date,
      type: 'due',
      estimated,
      rolledFrom: end.rolledFrom,
      calendar: end.calendar,
    });
    return end.date;
  };
  const planned = (kind: KeyDateKind, date: string) =>
    drafts.push({ kind, date, type: date < f.today ? 'event' : 'due' });

  if (decisionDate) drafts.push({ kind: 'decision', date: decisionDate, type: 'event' });
  let groupFormed: string | null = dates?.liquidationGroupDate ?? null;
  if (groupFormed) drafts.push({ kind: 'liquidation-group', date: groupFormed, type: 'event' });
  else if (decisionDate) groupFormed = due('liquidation-group', decisionDate, 15, false);
  if (groupFormed) {
    const estimated = !dates?.liquidationGroupDate;
    due('creditor-notice', groupFormed, 10, estimated);
    const announced = due('announcement', groupFormed, 60, estimated);
    due('claims-end', announced, 45, true);
  }
  const objection = dates?.objectionDeadline ?? f.handover?.objectionDeadline ?? null;
  if (objection) planned('objection-deadline', objection);
  if (deregistrationDate) planned('deregistration', deregistrationDate);
  if (deadline) planned('deadline', deadline);
  const ends = f.customers.retention
    .flatMap((r) => [r.earliest, r.latest])
    .filter((d): d is string => !!d)
    .sort();
  if (ends.length) {
    planned('retention-next', ends[0]);
    if (ends[ends.length - 1] !== ends[0]) planned('retention-last', ends[ends.length - 1]);
  }
  const approved = f.compliance.assessments.pipia.approvedAt;
  if (approved) planned('evidence-keep-until', addYears(approved.slice(0, 10), 3));

  return drafts
    .map((d) => ({
      kind: d.kind,
      label: KEY_DATE_TEXT[d.kind].label,
      basis: KEY_DATE_TEXT[d.kind].basis,
      date: d.date,
      type: d.type,
      daysLeft: daysBetween(f.today, d.date),
      estimated: d.estimated ?? false,
      rolledFrom: d.rolledFrom ?? null,
      calendar: d.calendar ?? 'official',
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** The nearest date still to meet. */
export function nextDeadline(dates: readonly KeyDate[]): KeyDate | null {
  return (
    dates.filter((d) => d.type === 'due' && d.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0] ??
    null
  );
}
