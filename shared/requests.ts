// Customers' requests: the vocabulary (kinds, regimes, channels, identity checks, outcomes) and the due
// date each regime gives. PIPL: "in time", which the team reads as 15 Chinese working days (editable per
// request); GDPR Art. 12(3): one month, extendable by two more; CCPA 1798.130(a)(2): 45 days, extendable
// once by 45. Pure: the engine, the CLI and the window compute the same dates.
import { addCaBusinessDays } from './calendar/ca-business-days';
import { addDays, addWorkingDays, calendarStatusOf, type CalendarStatus } from './calendar/working-days';
import { CUSTOMER_FIELDS } from './customer/columns';
import { FIELD_SPECS, type FieldSpec } from './customer/fields';

export const REQUEST_KINDS = [
  'access',
  'correct',
  'delete',
  'object',
  'portability',
  'complaint',
  'other',
] as const;

export const REQUEST_REGIMES = ['pipl', 'gdpr', 'ccpa'] as const;
export type RequestRegime = (typeof REQUEST_REGIMES)[number];

export const REQUEST_CHANNELS = ['email', 'phone', 'letter', 'in-person', 'web', 'other'] as const;

/** What was seen to check who asks, never the document itself. */
export const IDENTITY_CHECKS = [
  'id-document-seen',
  'account-details-matched',
  'known-contact',
  'agent-authorisation-seen',
  'not-checked',
] as const;

export type RequestStatus = 'open' | 'fulfilled' | 'closed';

export const REQUEST_OUTCOMES = ['granted', 'partly', 'refused', 'withdrawn'] as const;

/**
 * Fields a correction may set: those the import reads as plain text (its own reading applies), with no
 * columns travelling along. Phone, e-mail, ID and credit-code numbers are corrected by a new import.
 */
export const CORRECTABLE_FIELDS = CUSTOMER_FIELDS.filter((f) => {
  const s: FieldSpec = FIELD_SPECS[f];
  return s.read !== undefined && s.carries === undefined;
});

/** The team's reading of PIPL's "in time" (GB/T 35273 8.5's 15 working days), editable per request. */
const PIPL_DEFAULT_WORKING_DAYS = 15;

/** The regimes whose period may be extended once, with a reason told to the person. */
export const EXTENDABLE: Readonly<Record<RequestRegime, boolean>> = { pipl: false, gdpr: true, ccpa: true };

export interface RequestDue {
  /** The last day to answer. */
  date: string;
  /** How it was counted (for the window and the letter). */
  basis: 'working-days' | 'months' | 'days';
  /** How many units of `basis` from the day of receipt. */
  count: number;
  /** Chinese working days only: whether the holidays of the years involved are the State Council's. */
  calendar: CalendarStatus | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `months` calendar months after `date`: the same day of the month, or the month's last day when it has
 * no such day (EU Regulation 1182/71 Art. 3(2)(c), which GDPR periods follow).
 */
export function addMonths(date: string, months: number): string {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Saturday or Sunday → the Monday after (Reg. 1182/71 Art. 3(4); the member state's holidays are not known). */
function afterWeekend(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

/**
 * The due date of a request received on `receivedOn` (YYYY-MM-DD). `workingDays`: PIPL's count (default
 * 15); `extended`: GDPR's two more months or CCPA's 45 more days (ignored for PIPL, which extends by a
 * new count of working days instead).
 */
export function requestDue(
  regime: RequestRegime,
  receivedOn: string,
  options: { workingDays?: number; extended?: boolean } = {},
): RequestDue {
  switch (regime) {
    case 'pipl': {
      const count = options.workingDays ?? PIPL_DEFAULT_WORKING_DAYS;
      const date = addWorkingDays(receivedOn, count);
      return { date, basis: 'working-days', count, calendar: calendarStatusOf(receivedOn, date) };
    }
    case 'gdpr': {
      const count = options.extended ? 3 : 1;
      return { date: afterWeekend(addMonths(receivedOn, count)), basis: 'months', count, calendar: null };
    }
    case 'ccpa': {
      const count = options.extended ? 90 : 45;
      return { date: addDays(receivedOn, count), basis: 'days', count, calendar: null };
    }
  }
}

/** CCPA regulations §7021(a): confirm receipt of a request to delete or correct within 10 business days. */
const CCPA_ACKNOWLEDGE_BUSINESS_DAYS = 10;

/** The day by which a request's receipt must be confirmed: CCPA only (null for the other regimes). */
export function acknowledgementDue(regime: RequestRegime, receivedOn: string): string | null {
  return regime === 'ccpa' ? addCaBusinessDays(receivedOn, CCPA_ACKNOWLEDGE_BUSINESS_DAYS) : null;
}
