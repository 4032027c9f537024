// California business days, for the CCPA's 10-business-day acknowledgement (Cal. Code Regs. tit. 11
// §7021(a); §7001 defines a business day as Monday to Friday, state holidays excepted). The state
// holidays are those of Cal. Gov. Code §6700 that fall on a weekday, computed for any year; one falling
// on a Sunday is kept on the Monday after (§6701). Dates are ISO calendar dates, computed in UTC.
import { addDays } from './working-days';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The `n`th `day` (0 = Sunday) of a month; n = -1: the last. */
function nth(year: number, month: number, day: number, n: number): string {
  if (n < 0) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    let date = iso(year, month, last);
    while (weekday(date) !== day) date = addDays(date, -1);
    return date;
  }
  let date = iso(year, month, 1);
  while (weekday(date) !== day) date = addDays(date, 1);
  return addDays(date, 7 * (n - 1));
}

/** The state holidays of a year, as observed (Sunday → Monday). */
function holidays(year: number): Set<string> {
  const fixed = [
    iso(year, 1, 1),
    iso(year, 2, 12),
    iso(year, 3, 31),
    iso(year, 7, 4),
    iso(year, 11, 11),
    iso(year, 12, 25),
  ];
  const thanksgiving = nth(year, 11, 4, 4);
  return new Set([
    ...fixed.map((d) => (weekday(d) === 0 ? addDays(d, 1) : d)),
    nth(year, 1, 1, 3), // Martin Luther King Jr. Day
    nth(year, 2, 1, 3), // Washington's Birthday
    nth(year, 5, 1, -1), // Memorial Day
    nth(year, 9, 1, 1), // Labor Day
    nth(year, 9, 5, 4), // Native American Day
    thanksgiving,
    addDays(thanksgiving, 1),
  ]);
}

export function isCaBusinessDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !holidays(Number(date.slice(0, 4))).has(date);
}

/** The `n`th California business day after `date`. */
export function addCaBusinessDays(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isCaBusinessDay(day)) left--;
  }
  return day;
}
