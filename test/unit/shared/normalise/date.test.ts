import {
  excelSerialToIsoDate,
  inferDayMonthOrder,
  isRealDate,
  normaliseDate,
  type DateCheck,
  type DateOptions,
} from '../../../../shared/normalise/date';
import { seeded } from '../seeded';

const brief = (check: DateCheck) =>
  check.status === 'valid'
    ? check.value
    : check.status === 'invalid'
      ? `!${check.problem}`
      : check.status === 'ambiguous'
        ? `?${check.problem}${check.candidates.length ? ` ${check.candidates.join('|')}` : ''}`
        : check.status;
const date = (input: string | number | null, options?: DateOptions) => brief(normaliseDate(input, options));

describe('text dates', () => {
  test.each([
    '2021/3/5',
    '2021/03/05',
    '2021-03-05',
    '2021-3-5',
    '2021.3.5',
    '2021.03.05',
    '2021年3月5日',
    '2021 年 03 月 05 日',
    '2021年3月5号',
    '20210305',
    '２０２１年３月５日',
    '２０２１－０３－０５',
    '\u00A02021-03-05\u200B ',
  ])('%s → 2021-03-05', (text) => {
    expect(date(text)).toBe('2021-03-05');
  });

  test('ISO datetimes and spreadsheet datetimes give their calendar date as written', () => {
    expect(normaliseDate('2021-03-05T10:20:30Z')).toEqual({
      status: 'valid',
      value: '2021-03-05',
      hadTime: true,
      fromExcelSerial: false,
    });
    expect(date('2021-03-05T01:00:00+08:00')).toBe('2021-03-05'); // not shifted to the 4th (UTC)
    expect(date('2021-03-05T23:59:59.123-05:00')).toBe('2021-03-05');
    expect(date('2021-03-05 14:30')).toBe('2021-03-05');
    expect(date('2021/3/5 下午 2:30:00')).toBe('2021-03-05');
    expect(date('2021/3/5 2:30 PM')).toBe('2021-03-05');
    expect(date('20210305T103000')).toBe('!format');
  });

  test('impossible dates and times are invalid, never rolled over', () => {
    expect(date('2021-02-30')).toBe('!no-such-date');
    expect(date('2021-02-29')).toBe('!no-such-date');
    expect(date('2020-02-29')).toBe('2020-02-29');
    expect(date('1900-02-29')).toBe('!no-such-date');
    expect(date('2000-02-29')).toBe('2000-02-29');
    expect(date('2021-13-01')).toBe('!no-such-date');
    expect(date('2021-04-31')).toBe('!no-such-date');
    expect(date('2021-00-10')).toBe('!no-such-date');
    expect(date('20210230')).toBe('!no-such-date');
    expect(date('2021年2月30日')).toBe('!no-such-date');
    expect(date('2021-03-05 25:00')).toBe('!time');
    expect(date('2021-03-05T10:61')).toBe('!time');
    expect(date('2021-03-05 下午 13:00')).toBe('!time');
  });

  test('not dates at all', () => {
    expect(date('2021/03-05')).toBe('!format'); // mixed separators
    expect(date('March 5, 2021')).toBe('!format');
    expect(date('2021-03-05 abc')).toBe('!format');
    expect(date('2021年3月')).toBe('!format');
    expect(date('')).toBe('missing');
    expect(date(null)).toBe('missing');
  });
});

describe('day/month order', () => {
  test('03/05/2021 is ambiguous without a hint, with both readings offered', () => {
    expect(date('03/05/2021')).toBe('?day-month-order 2021-03-05|2021-05-03');
    expect(date('3-5-2021')).toBe('?day-month-order 2021-03-05|2021-05-03');
    expect(date('03.05.2021')).toBe('?day-month-order 2021-03-05|2021-05-03');
  });

  test('a locale hint decides', () => {
    expect(date('03/05/2021', { order: 'dmy' })).toBe('2021-05-03');
    expect(date('03/05/2021', { order: 'mdy' })).toBe('2021-03-05');
    expect(date('13/05/2021', { order: 'mdy' })).toBe('!no-such-date');
  });

  test('only one real reading, or both readings equal: not ambiguous', () => {
    expect(date('13/05/2021')).toBe('2021-05-13');
    expect(date('05/13/2021')).toBe('2021-05-13');
    expect(date('05/05/2021')).toBe('2021-05-05');
    expect(date('31/02/2021')).toBe('!no-such-date');
  });

  test('two-digit years are ambiguous', () => {
    expect(date('03/05/21')).toBe('?two-digit-year');
  });

  test('inferDayMonthOrder reads a column from its unambiguous dates', () => {
    expect(inferDayMonthOrder(['03/05/2021', '25/12/2020', '01/01/2021'])).toBe('dmy');
    expect(inferDayMonthOrder(['12/25/2020', '03/05/2021'])).toBe('mdy');
    expect(inferDayMonthOrder(['03/05/2021'])).toBeNull();
    expect(inferDayMonthOrder(['25/12/2020', '12/25/2020'])).toBeNull();
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  test('only when the column is known to hold dates', () => {
    expect(date(44260)).toBe('!serial-needs-date-column');
    expect(date('44260')).toBe('!serial-needs-date-column');
    expect(date(44260, { excelSerial: true })).toBe('2021-03-05');
    expect(date('44260', { excelSerial: true })).toBe('2021-03-05');
  });

  test('around the fictitious 1900-02-29', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(date(60, { excelSerial: true })).toBe('!excel-1900-02-29');
    expect(excelSerialToIsoDate(25569)).toBe('1970-01-01');
    expect(excelSerialToIsoDate(36526)).toBe('2000-01-01');
    expect(excelSerialToIsoDate(2958465)).toBe('9999-12-31');
  });

  test('a time fraction is dropped and reported; out-of-range serials are invalid', () => {
    expect(normaliseDate(44260.75, { excelSerial: true })).toEqual({
      status: 'valid',
      value: '2021-03-05',
      hadTime: true,
      fromExcelSerial: true,
    });
    expect(date(0, { excelSerial: true })).toBe('!serial-out-of-range');
    expect(date(2958466, { excelSerial: true })).toBe('!serial-out-of-range');
    expect(date(-1, { excelSerial: true })).toBe('!format');
    expect(date(Number.NaN, { excelSerial: true })).toBe('!format');
  });

  test('8-digit numbers are compact dates, not serials', () => {
    expect(date(20210305)).toBe('2021-03-05');
    expect(date(20210305, { excelSerial: true })).toBe('2021-03-05');
    expect(date('20210305', { excelSerial: true })).toBe('2021-03-05');
  });

  test('property: serials from 61 on agree with the Unix epoch day count', () => {
    const r = seeded(1900);
    for (let i = 0; i < 1000; i++) {
      const serial = r.int(61, 2958465);
      const expected = new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
      expect(excelSerialToIsoDate(serial)).toBe(expected);
    }
  });
});

describe('isRealDate', () => {
  test('property: agrees with the calendar for random y/m/d', () => {
    const r = seeded(11643);
    for (let i = 0; i < 1000; i++) {
      const [y, m, d] = [r.int(1800, 2100), r.int(0, 13), r.int(0, 32)];
      const js = new Date(Date.UTC(y, m - 1, d));
      const real = m >= 1 && m <= 12 && d >= 1 && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
      expect(isRealDate(y, m, d)).toBe(real);
    }
  });
});
