// The requests register as the checklists see it: per regime, how many requests were received, which are
// open past their due date and which were answered after it — named by their reference (R-0001) and due
// date, never by a customer's value.
import { REQUEST_REGIMES, type RequestRegime } from '../../../shared/requests';
import type { OpenVault } from '../vault/open-vault';
import { listRequests } from './register';

interface RequestLate {
  ref: string;
  due: string;
  /** The day it was closed; null while it is still open. */
  closedOn: string | null;
}

interface RequestRegimeFacts {
  received: number;
  open: number;
  /** Open past their due date. */
  overdue: RequestLate[];
  /** Closed after their due date. */
  answeredLate: RequestLate[];
  /** The earliest due date of an open request. */
  nextDue: string | null;
}

export type RequestFacts = Record<RequestRegime, RequestRegimeFacts>;

export function requestFacts(vault: OpenVault, now: Date): RequestFacts {
  const entries = listRequests(vault, { open: false }, now);
  const facts = Object.fromEntries(
    REQUEST_REGIMES.map((r) => [
      r,
      { received: 0, open: 0, overdue: [], answeredLate: [], nextDue: null } as RequestRegimeFacts,
    ]),
  ) as RequestFacts;
  for (const e of entries) {
    const f = facts[e.regime];
    f.received++;
    const closedOn = e.closedAt?.slice(0, 10) ?? null;
    if (e.status !== 'closed') {
      f.open++;
      if (f.nextDue === null || e.due.date < f.nextDue) f.nextDue = e.due.date;
      if ((e.daysLeft ?? 0) < 0) f.overdue.push({ ref: e.ref, due: e.due.date, closedOn });
    } else if (closedOn !== null && closedOn > e.due.date)
      f.answeredLate.push({ ref: e.ref, due: e.due.date, closedOn });
  }
  return facts;
}
