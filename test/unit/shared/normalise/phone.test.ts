import { normalisePhone, type PhoneCheck } from '../../../../shared/normalise/phone';

/** 'e164 region type' for valid numbers, '!problem' for invalid ones, the status otherwise. */
const brief = (check: PhoneCheck) =>
  check.status === 'valid'
    ? `${check.e164} ${check.region} ${check.type}${check.extension ? ` ext ${check.extension}` : ''}`
    : check.status === 'invalid'
      ? `!${check.problem}`
      : check.status;
const phone = (text: string | number | null, region?: 'CN' | 'HK' | 'TW') =>
  brief(normalisePhone(text, region ? { defaultRegion: region } : {}));

describe('mainland mobiles', () => {
  test.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '+8613812345678',
    '0086 138 1234 5678',
    '008613812345678',
    '86 13812345678',
    '8613812345678',
    '１３８１２３４５６７８',
    '＋８６\u3000１３８－１２３４－５６７８',
    '\u200B 13812345678\u00A0',
  ])('%s → +8613812345678', (text) => {
    expect(phone(text)).toBe('+8613812345678 CN mobile');
  });

  test('number cells from a spreadsheet', () => {
    expect(phone(13812345678)).toBe('+8613812345678 CN mobile');
    expect(phone(1381234567.8)).toBe('!not-a-number');
  });

  test('newer ranges are mobiles too (145, 162, 192, 199)', () => {
    for (const n of ['14512345678', '16212345678', '19212345678', '19912345678']) {
      expect(phone(n)).toBe(`+86${n} CN mobile`);
    }
  });
});

describe('mainland landlines', () => {
  test.each([
    ['010-12345678', '+861012345678'],
    ['(010)12345678', '+861012345678'],
    ['+86 10 1234 5678', '+861012345678'],
    ['0755 1234 5678', '+8675512345678'],
    ['0755-88889999', '+8675588889999'],
    ['(0755) 8888-9999', '+8675588889999'],
    ['021-6123 4567', '+862161234567'],
  ])('%s → %s fixed', (text, e164) => {
    expect(phone(text)).toBe(`${e164} CN fixed`);
  });

  test('extensions are kept beside the E.164 number, in English or Chinese notation', () => {
    expect(phone('0755-8888 9999 转 8001')).toBe('+8675588889999 CN fixed ext 8001');
    expect(phone('021-6123 4567 ext. 12')).toBe('+862161234567 CN fixed ext 12');
  });

  test('400 numbers are valid but neither mobile nor fixed', () => {
    expect(phone('400-810-8888')).toBe('+864008108888 CN unknown');
  });
});

describe('Hong Kong, Macao, Taiwan and overseas', () => {
  test.each([
    ['+852 9123 4567', '+85291234567 HK mobile'],
    ['00852 9123 4567', '+85291234567 HK mobile'],
    ['852 9123 4567', '+85291234567 HK mobile'],
    ['+852 2123 4567', '+85221234567 HK fixed'],
    ['+853 6612 3456', '+85366123456 MO mobile'],
    ['853 6612 3456', '+85366123456 MO mobile'],
    ['+853 2833 3456', '+85328333456 MO fixed'],
    ['+886 912 345 678', '+886912345678 TW mobile'],
    ['886 912 345 678', '+886912345678 TW mobile'],
    ['+886 2 2345 6789', '+886223456789 TW fixed'],
    ['+44 20 7946 0958', '+442079460958 GB fixed'],
    ['+81 90 1234 5678', '+819012345678 JP mobile'],
    ['+1 650 253 0000', '+16502530000 US unknown'],
    ['+800 1234 5678', '+80012345678 null unknown'],
  ])('%s → %s', (text, expected) => {
    expect(phone(text)).toBe(expected);
  });

  test('a default region reads local numbers of that region', () => {
    expect(phone('9123 4567', 'HK')).toBe('+85291234567 HK mobile');
    expect(phone('02-2345-6789', 'TW')).toBe('+886223456789 TW fixed');
    expect(phone('02-2345-6789')).toBe('!not-valid'); // not a mainland number
  });

  test('other bare country codes are not guessed', () => {
    // Valid as +49 30 123456 in Germany, but nothing says it was written as a German number.
    expect(phone('4930123456')).toMatch(/^!/);
  });
});

describe('flagged, not fixed', () => {
  test('an 11-digit run that is not an allocated number is invalid', () => {
    expect(phone('12345678901')).toBe('!not-valid');
    expect(phone('10012345678')).toBe('!not-valid');
    expect(phone('11012345678')).toBe('!not-valid');
  });

  test('one digit too few or too many (possible lengths for a mainland landline, so not-valid)', () => {
    expect(phone('1381234567')).toBe('!not-valid');
    expect(phone('138123456789')).toBe('!not-valid');
    expect(phone('95588')).toBe('!too-short');
  });

  test('text, unknown country codes and several numbers in one cell', () => {
    expect(phone('tel: 13812345678')).toBe('!not-a-number');
    expect(phone('无')).toBe('!not-a-number');
    expect(phone('+999 1234 5678')).toBe('!invalid-country');
    expect(phone('138 1234 5678 / 139 8765 4321')).toBe('!multiple');
    expect(phone('13812345678，13987654321')).toBe('!multiple');
    expect(phone('13812345678 或 13987654321')).toBe('!multiple');
  });

  test('missing', () => {
    expect(phone('')).toBe('missing');
    expect(phone(' \u3000 ')).toBe('missing');
    expect(phone(null)).toBe('missing');
  });
});
