// Due dates of customers' requests per regime: PIPL on Chinese working days (the State Council's 2026
// notice: the Mid-Autumn + National Day and Spring Festival breaks and their 调休 Saturdays), GDPR's month
// (+2 when extended), CCPA's 45 days (+45).
import fc from 'fast-check';
import { addDays, isWorkingDay } from '../../../shared/calendar/working-days';
import { addMonths, requestDue } from '../../../shared/requests';

describe('PIPL: working days on the Chinese calendar', () => {
  test('15 working days over the 2026 Mid-Autumn and National Day breaks (10-10 is a working Saturday)', () => {
    expect(requestDue('pipl', '2026-09-21')).toEqual({
      date: '2026-10-19',
      basis: 'working-days',
      count: 15,
      calendar: 'official',
    });
  });

  test('over the 2026 Spring Festival, with its working Saturdays 02-14 and 02-28', () => {
    expect(requestDue('pipl', '2026-02-13').date).toBe('2026-03-12');
  });

  test('the team may set another count; a year without a notice is reported provisional', () => {
    expect(requestDue('pipl', '2026-09-21', { workingDays: 3 }).date).toBe('2026-09-24');
    expect(requestDue('pipl', '2026-12-28').calendar).toBe('provisional');
  });

  test('any day of 2024–2026: the due date is a working day after the receipt, n working days later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const received = addDays('2024-01-01', offset);
        const due = requestDue('pipl', received, { workingDays: n }).date;
        expect(isWorkingDay(due)).toBe(true);
        let count = 0;
        for (let d = addDays(received, 1); d <= due; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
        expect(count).toBe(n);
      }),
    );
  });
});

describe('GDPR: one month, plus two', () => {
  test('the same day next month, or its last day; a weekend end moves to Monday', () => {
    expect(requestDue('gdpr', '2026-03-15').date).toBe('2026-04-15');
    expect(requestDue('gdpr', '2026-01-31').date).toBe('2026-03-02'); // 02-28 is a Saturday
    expect(requestDue('gdpr', '2026-01-31', { extended: true })).toEqual({
      date: '2026-04-30',
      basis: 'months',
      count: 3,
      calendar: null,
    });
  });

  test('month arithmetic: never past the month it lands in', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  test('extended is never earlier than the first period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (offset) => {
        const received = addDays('2024-01-01', offset);
        const base = requestDue('gdpr', received).date;
        const extended = requestDue('gdpr', received, { extended: true }).date;
        expect(base > received).toBe(true);
        expect(extended > base).toBe(true);
      }),
    );
  });
});

describe('CCPA: 45 days, plus 45', () => {
  test('calendar days from receipt', () => {
    expect(requestDue('ccpa', '2026-01-10').date).toBe('2026-02-24');
    expect(requestDue('ccpa', '2026-01-10', { extended: true }).date).toBe('2026-04-10');
  });
});
