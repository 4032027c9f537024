import { normaliseAmount, type AmountCheck, type AmountOptions } from '../../../../shared/normalise/amount';
import { seeded } from '../seeded';

/** 'exact cents currency' for valid amounts, '!problem' for invalid ones. */
const brief = (check: AmountCheck) =>
  check.status === 'valid'
    ? `${check.exact} ${check.cents} ${check.currency ?? '-'}${check.rounded ? ' rounded' : ''}`
    : check.status === 'invalid'
      ? `!${check.problem}`
      : check.status;
const amount = (input: string | number | null, options?: AmountOptions) =>
  brief(normaliseAmount(input, options));

describe('normaliseAmount', () => {
  test.each([
    ['¥1,234.50', '1234.50 123450 CNY'],
    ['￥1,234.50', '1234.50 123450 CNY'],
    ['1234.5', '1234.5 123450 -'],
    ['RMB 1,234', '1234 123400 CNY'],
    ['rmb1234', '1234 123400 CNY'],
    ['CNY 1,234.00', '1234.00 123400 CNY'],
    ['1,234.00 元', '1234.00 123400 CNY'],
    ['人民币1,234元', '1234 123400 CNY'],
    ['1 234,50', '1234.50 123450 -'],
    ['1.234,50', '1234.50 123450 -'],
    ['1 234 567,8 €', '1234567.8 123456780 EUR'],
    ["1'234.50 CHF", '1234.50 123450 CHF'],
    ['１，２３４．５０', '1234.50 123450 -'],
    ['＄１２', '12 1200 -'],
    ['.5', '0.5 50 -'],
    ['0', '0 0 -'],
  ])('%s → %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  test.each([
    ['（123.00）', '-123.00 -12300 -'],
    ['(123.00)', '-123.00 -12300 -'],
    ['(¥123.00)', '-123.00 -12300 CNY'],
    ['¥(123.00)', '-123.00 -12300 CNY'],
    ['-123', '-123 -12300 -'],
    ['−123', '-123 -12300 -'],
    ['－１２３', '-123 -12300 -'],
    ['-¥123', '-123 -12300 CNY'],
    ['¥-123', '-123 -12300 CNY'],
    ['123-', '-123 -12300 -'],
    ['+123', '123 12300 -'],
    ['-0.00', '0.00 0 -'],
  ])('negatives: %s → %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  test.each([
    ['1.2万', '12000 1200000 -'],
    ['1.2万元', '12000 1200000 CNY'],
    ['¥3.5亿', '350000000 35000000000 CNY'],
    ['12.345678万', '123456.78 12345678 -'],
    ['2千', '2000 200000 -'],
    ['1.5百万', '1500000 150000000 -'],
  ])('Chinese magnitudes: %s → %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  test.each([
    ['HK$1,000', 'HKD'],
    ['HKD 1000', 'HKD'],
    ['1000港币', 'HKD'],
    ['MOP$100', 'MOP'],
    ['NT$100', 'TWD'],
    ['US$100', 'USD'],
    ['USD 100', 'USD'],
    ['100美元', 'USD'],
    ['€100', 'EUR'],
    ['100 EUR', 'EUR'],
    ['£100', 'GBP'],
    ['JPY 100', 'JPY'],
    ['100円', 'JPY'],
    ['S$100', 'SGD'],
  ])('currency: %s → %s', (text, code) => {
    const check = normaliseAmount(text);
    expect(check.status === 'valid' && check.currency).toBe(code);
  });

  test('a bare $ is recorded but not given a code', () => {
    expect(normaliseAmount('$100')).toMatchObject({ status: 'valid', currency: null, currencyMark: '$' });
    expect(normaliseAmount('$100 USD')).toMatchObject({
      status: 'valid',
      currency: 'USD',
      currencyMark: 'USD',
    });
  });

  test('rounding: 2 places, half away from zero, on the decimal digits (not binary floats)', () => {
    expect(amount('1.005')).toBe('1.005 101 - rounded'); // 1.005 as a double is 1.00499…
    expect(amount('-1.005')).toBe('-1.005 -101 - rounded');
    expect(amount('1.004')).toBe('1.004 100 - rounded');
    expect(amount('2.675')).toBe('2.675 268 - rounded');
    expect(amount('0.001')).toBe('0.001 0 - rounded');
    expect(amount('1.10')).toBe('1.10 110 -');
    expect(normaliseAmount('1.005')).toMatchObject({ value: 1.01 });
  });

  test('European files: the decimalSeparator hint', () => {
    expect(amount('1.234', { decimalSeparator: ',' })).toBe('1234 123400 -');
    expect(amount('1.234,5', { decimalSeparator: ',' })).toBe('1234.5 123450 -');
    expect(amount('1.234')).toBe('1.234 123 - rounded'); // without the hint, a dot is a decimal point
    expect(amount('1,5', { decimalSeparator: '.' })).toBe('!grouping');
  });

  test('number cells', () => {
    expect(amount(1234.5)).toBe('1234.5 123450 -');
    expect(amount(-0.1)).toBe('-0.1 -10 -');
    expect(amount(0.1 + 0.2)).toBe('0.30000000000000004 30 - rounded');
    expect(amount(1e21)).toBe('!format');
    expect(amount(Number.POSITIVE_INFINITY)).toBe('!format');
  });

  test('flagged, not fixed', () => {
    expect(amount('1,23,456')).toBe('!grouping');
    expect(amount('12,3456')).toBe('!grouping');
    expect(amount('1,234 567')).toBe('!grouping');
    expect(amount('1.234.567,8.9')).toBe('!grouping');
    expect(amount('USD ¥100')).toBe('!currency-conflict');
    expect(amount('HK$100元')).toBe('!currency-conflict');
    expect(amount('(100-)')).toBe('!sign');
    expect(amount('(100)-')).toBe('!format');
    expect(amount('(-100)')).toBe('!sign');
    expect(amount('-(100)')).toBe('!format');
    expect(amount('--100')).toBe('!sign');
    expect(amount('(100')).toBe('!format');
    expect(amount('壹仟贰佰元')).toBe('!format');
    expect(amount('约100')).toBe('!format');
    expect(amount('100-200')).toBe('!format');
    expect(amount('1.2k')).toBe('!format');
    expect(amount('9'.repeat(20))).toBe('!too-large');
    expect(amount('1'.repeat(100))).toBe('!format');
    expect(amount('')).toBe('missing');
    expect(amount(' ')).toBe('missing');
    expect(amount(null)).toBe('missing');
  });

  test('property: formatting cents with grouping and a currency reads back the same cents', () => {
    const r = seeded(4217);
    for (let i = 0; i < 1000; i++) {
      const cents = r.int(-1e11, 1e11);
      const abs = Math.abs(cents);
      const integer = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
      const text = `${cents < 0 ? '-' : ''}¥${integer}.${String(abs % 100).padStart(2, '0')}`;
      const check = normaliseAmount(text);
      expect(check).toMatchObject({ status: 'valid', cents: cents || 0, currency: 'CNY', rounded: false });
    }
  });
});
