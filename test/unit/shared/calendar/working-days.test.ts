// The working-day calendar against the State Council's published arrangements: whole-year counts that
// the notices imply (and that the press reported), the adjusted weekend working days, and the Civil Code's
// roll of a period ending on a rest day.
import { CN_HOLIDAYS } from '../../../../shared/calendar/cn-holidays';
import {
  addDays,
  addWorkingDays,
  calendarStatus,
  daysBetween,
  isWorkingDay,
  nextWorkingDay,
  periodEnd,
} from '../../../../shared/calendar/working-days';

function workingDaysIn(year: number): number {
  let n = 0;
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

describe('Chinese working days', () => {
  it.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i working days, as its notice makes it', (year, expected) => {
    expect(workingDaysIn(year)).toBe(expected);
  });

  it('2025: the Spring Festival break is off, the adjusted Sunday and Saturday are working days', () => {
    for (let d = '2025-01-28'; d <= '2025-02-04'; d = addDays(d, 1))
      expect([d, isWorkingDay(d)]).toEqual([d, false]);
    expect(isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay('2025-02-08')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2025-02-09')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2025-01-27')).toBe(true); // Monday before the eve
  });

  it('counts working days across an adjusted weekend', () => {
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-24', 2)).toBe('2025-01-27');
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    // 28 Sep (Sunday, adjusted), 29, 30, then 9 Oct, 10, 11 (Saturday, adjusted), 13, 14, 15, 16
    expect(addWorkingDays('2025-09-26', 10)).toBe('2025-10-16');
  });

  it('rolls a period that ends on a rest day to the next working day (Civil Code Art. 203)', () => {
    expect(periodEnd('2025-09-21', 10)).toEqual({
      date: '2025-10-09',
      rolledFrom: '2025-10-01',
      calendar: 'official',
    });
    expect(periodEnd('2025-03-03', 10)).toEqual({
      date: '2025-03-13',
      rolledFrom: null,
      calendar: 'official',
    });
    // The adjusted Saturday is a working day: no roll.
    expect(periodEnd('2025-10-01', 10).date).toBe('2025-10-11');
    expect(nextWorkingDay('2026-02-15')).toBe('2026-02-24');
  });

  it('says which years are official, provisional (statute only) and unknown', () => {
    expect(calendarStatus('2024-06-01')).toBe('official');
    expect(calendarStatus('2026-06-01')).toBe('official');
    expect(calendarStatus('2027-06-01')).toBe('provisional');
    expect(calendarStatus('2031-06-01')).toBe('unknown');
    expect(periodEnd('2026-12-20', 20).calendar).toBe('provisional');
    expect(isWorkingDay('2027-02-08')).toBe(false); // the third day of the 2027 Spring Festival (statutory)
    expect(isWorkingDay('2031-06-02')).toBe(true); // outside the data: weekdays only
  });

  it('every listed day is a real date inside its year, and every adjusted working day is a weekend day', () => {
    for (const y of CN_HOLIDAYS) {
      for (const h of y.holidays) {
        expect(daysBetween(h.from, h.to)).toBeGreaterThanOrEqual(0);
        expect(h.from.slice(0, 4)).toBe(String(y.year));
      }
      for (const w of y.workdays)
        expect([w, [0, 6].includes(new Date(`${w}T00:00:00Z`).getUTCDay())]).toEqual([w, true]);
      expect(y.source.length).toBeGreaterThan(10);
    }
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => addDays('2025/01/01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-01', -1)).toThrow(RangeError);
  });
});
