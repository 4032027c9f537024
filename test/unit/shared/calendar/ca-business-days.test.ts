// California business days for the CCPA acknowledgement: weekends and the state holidays skipped, a
// Sunday holiday kept on the Monday.
import { addCaBusinessDays, isCaBusinessDay } from '../../../../shared/calendar/ca-business-days';
import { acknowledgementDue } from '../../../../shared/requests';

test('the state holidays of 2026 are not business days', () => {
  for (const day of [
    '2026-01-01', // New Year's Day
    '2026-01-19', // Martin Luther King Jr. Day
    '2026-02-12', // Lincoln's Birthday
    '2026-02-16', // Washington's Birthday
    '2026-03-31', // César Chávez Day
    '2026-05-25', // Memorial Day
    '2026-07-03', // Independence Day falls on a Saturday: not moved, and 3 July is a business day
    '2026-09-07', // Labor Day
    '2026-09-25', // Native American Day
    '2026-11-11', // Veterans Day
    '2026-11-26', // Thanksgiving
    '2026-11-27', // the day after
    '2026-12-25', // Christmas
  ])
    expect({ day, business: isCaBusinessDay(day) }).toEqual({ day, business: day === '2026-07-03' });
  // 1 January 2023 was a Sunday: observed on Monday 2 January.
  expect(isCaBusinessDay('2023-01-02')).toBe(false);
});

test('10 business days from a request received before Thanksgiving', () => {
  // 23, 24, 25 Nov; 30 Nov; 1, 2, 3, 4, 7, 8 Dec.
  expect(addCaBusinessDays('2026-11-20', 10)).toBe('2026-12-08');
  expect(acknowledgementDue('ccpa', '2026-11-20')).toBe('2026-12-08');
  expect(acknowledgementDue('pipl', '2026-11-20')).toBeNull();
  expect(acknowledgementDue('gdpr', '2026-11-20')).toBeNull();
});
