// Which day "stale" is measured from: the closure's reference date — the vault's key date "closure
// decision" (keyDates.decisionDate) — or today while none is set. A record is stale when its last order
// is before the same day `staleYears` earlier. Pure; the engine, the CLI and the window share it.

/** What the stale rule measures from, as the engine applied it and the window and the CLI show it. */
export interface StaleReference {
  /** The reference day (ISO date). */
  date: string;
  /** 'decision': the vault's closure decision date; 'today': none is set, so the day of the run. */
  source: 'decision' | 'today';
  /** The rules' staleYears. */
  years: number;
  /** A last order before this day (ISO) makes a record stale. */
  before: string;
}

/** The same day `years` later (earlier when negative); 29 February → 28 February in a common year. */
export function shiftYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The same day `years` earlier, as an ISO date. */
export function yearsBefore(day: string, years: number): string {
  return shiftYears(day, -years);
}

/** The reference for a vault whose closure decision date is `decisionDate` (or none), on `today`. */
export function staleReference(
  decisionDate: string | null | undefined,
  today: string,
  years: number,
): StaleReference {
  const date = decisionDate ?? today;
  return { date, source: decisionDate ? 'decision' : 'today', years, before: yearsBefore(date, years) };
}
