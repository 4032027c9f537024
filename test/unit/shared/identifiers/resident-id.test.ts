import {
  ageOn,
  birthDate,
  checkResidentId,
  isMinorUnder14,
  normaliseResidentId,
  residentIdCheckChar,
  sex,
  type ResidentIdCheck,
} from '../../../../shared/identifiers/resident-id';
import { isoDate, isRealDate } from '../../../../shared/normalise/date';
import { seeded } from '../seeded';

const TODAY = { today: '2025-06-30' };
const SAMPLE = '11010519491231002X'; // GB 11643-1999's own example
const withCheck = (body17: string) => body17 + residentIdCheckChar(body17);
const brief = (check: ResidentIdCheck) => (check.status === 'invalid' ? `!${check.problem}` : check.status);
const status = (text: string | null) => brief(checkResidentId(text, TODAY));

/** ISO 7064 MOD 11-2 read independently: Σ value × 2^(18-i) mod 11 over all 18 characters is 1. */
const mod11_2Holds = (id: string) =>
  [...id].reduce((sum, c, i) => sum + (c === 'X' ? 10 : +c) * 2 ** (17 - i), 0) % 11 === 1;

const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
];

function randomBody(r: ReturnType<typeof seeded>): string {
  const province = PROVINCES[r.int(0, PROVINCES.length - 1)];
  let y: number, m: number, d: number;
  do [y, m, d] = [r.int(1900, 2024), r.int(1, 12), r.int(1, 31)];
  while (!isRealDate(y, m, d));
  return `${province}${r.digits(4)}${isoDate(y, m, d).replace(/-/g, '')}${r.digits(3)}`;
}

describe('checkResidentId', () => {
  test("the standard's example validates, with its birth date and sex", () => {
    expect(checkResidentId(SAMPLE, TODAY)).toEqual({
      status: 'valid',
      value: SAMPLE,
      holder: 'resident',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(residentIdCheckChar(SAMPLE.slice(0, 17))).toBe('X');
    expect(mod11_2Holds(SAMPLE)).toBe(true);
  });

  test('full-width digits, lower-case x and group spaces are accepted', () => {
    expect(normaliseResidentId('１１０１０５１９４９１２３１００２ｘ')).toBe(SAMPLE);
    expect(status('１１０１０５１９４９１２３１００２Ｘ')).toBe('valid');
    expect(status('11010519491231002x')).toBe('valid');
    expect(status(' 110105 19491231 002X ')).toBe('valid');
    expect(status('110105-19491231-002X')).toBe('valid');
  });

  test('plausible but wrong numbers are flagged, not fixed', () => {
    expect(status('110105194912310021')).toBe('!checksum');
    expect(status('11010519491231002')).toBe('!length');
    expect(status('11010519491231002XX')).toBe('!length');
    expect(status('1101051949123100X2')).toBe('!format');
    expect(status('A1010519491231002X')).toBe('!format');
    expect(status(withCheck('00010519491231002'))).toBe('!province');
    expect(status(withCheck('19010519491231002'))).toBe('!province');
    expect(status(withCheck('11010519490230002'))).toBe('!birth-date');
    expect(status(withCheck('11010519491301002'))).toBe('!birth-date');
    expect(status(withCheck('11010517491231002'))).toBe('!birth-date'); // year 1749
    expect(status(withCheck('11010520300101002'))).toBe('!future-birth-date');
    expect(status('1.10105E+17')).toBe('!scientific-notation');
    expect(status('')).toBe('missing');
    expect(status(null)).toBe('missing');
  });

  test('the future is relative to the day given', () => {
    const id = withCheck('11010520250701002');
    expect(brief(checkResidentId(id, { today: '2025-06-30' }))).toBe('!future-birth-date');
    expect(brief(checkResidentId(id, { today: '2025-07-01' }))).toBe('valid');
    expect(brief(checkResidentId(id, { today: new Date(2025, 6, 1) }))).toBe('valid');
  });

  test('15-digit numbers from before 1999 are legacy, born 19YY', () => {
    expect(checkResidentId('110105491231002', TODAY)).toEqual({
      status: 'legacy',
      value: '110105491231002',
      holder: 'resident',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(sex('110105491231001')).toBe('male');
    expect(status('110105490230002')).toBe('!birth-date');
    expect(status('000105491231002')).toBe('!province');
    expect(status('11010549123100X')).toBe('!format');
  });

  test('residence permits and the foreigner permanent-residence ID', () => {
    expect(checkResidentId(withCheck('81000019900101001'), TODAY)).toMatchObject({
      status: 'valid',
      holder: 'hk-macao-taiwan-permit',
    });
    expect(checkResidentId(withCheck('83000019900101002'), TODAY)).toMatchObject({
      holder: 'hk-macao-taiwan-permit',
    });
    expect(checkResidentId(withCheck('93115619900101001'), TODAY)).toMatchObject({
      status: 'valid',
      holder: 'foreign-permanent-resident',
    });
  });

  test('property: 1000 random bodies with their check character validate; MOD 11-2 holds', () => {
    const r = seeded(11643);
    for (let i = 0; i < 1000; i++) {
      const id = withCheck(randomBody(r));
      expect(mod11_2Holds(id)).toBe(true);
      expect(status(id)).toBe('valid');
    }
  });

  test('property: any single changed character or adjacent swap is caught', () => {
    const r = seeded(7064);
    for (let i = 0; i < 1000; i++) {
      const id = withCheck(randomBody(r));
      const at = r.int(0, 17);
      const chars = at === 17 ? '0123456789X' : '0123456789';
      const replacement = chars.replace(id[at], '')[r.int(0, chars.length - 2)];
      const changed = id.slice(0, at) + replacement + id.slice(at + 1);
      expect(checkResidentId(changed, TODAY).status).toBe('invalid');
      // In the sequence code and check character only the checksum can notice.
      if (at >= 14) expect(status(changed)).toBe('!checksum');

      const swapAt = r.int(0, 15);
      if (id[swapAt] !== id[swapAt + 1]) {
        const swapped = id.slice(0, swapAt) + id[swapAt + 1] + id[swapAt] + id.slice(swapAt + 2);
        expect(checkResidentId(swapped, TODAY).status).toBe('invalid');
      }
    }
  });
});

describe('what the number says about its holder', () => {
  test('birthDate and sex, null for invalid numbers', () => {
    expect(birthDate(SAMPLE)).toBe('1949-12-31');
    expect(sex(SAMPLE)).toBe('female');
    expect(sex(withCheck('11010519491231001'))).toBe('male');
    expect(birthDate('110105194912310021')).toBeNull();
    expect(sex('nonsense')).toBeNull();
  });

  test('ageOn counts completed years; the age goes up on the birthday', () => {
    const id = withCheck('11010520100615002');
    expect(ageOn(id, '2024-06-14')).toBe(13);
    expect(ageOn(id, '2024-06-15')).toBe(14);
    expect(ageOn(id, new Date(2024, 5, 15))).toBe(14);
    expect(ageOn(SAMPLE, '2025-01-01')).toBe(75);
    expect(ageOn(id, '2009-01-01')).toBeNull(); // not born yet
  });

  test('born on 29 February: a year older on 1 March in common years', () => {
    const id = withCheck('11010520080229002');
    expect(ageOn(id, '2021-02-28')).toBe(12);
    expect(ageOn(id, '2021-03-01')).toBe(13);
    expect(ageOn(id, '2024-02-29')).toBe(16);
  });

  test('isMinorUnder14 is cautious: the 14th birthday itself still counts as under 14', () => {
    const id = withCheck('11010520100615002');
    expect(isMinorUnder14(id, '2024-06-14')).toBe(true);
    expect(isMinorUnder14(id, '2024-06-15')).toBe(true);
    expect(isMinorUnder14(id, '2024-06-16')).toBe(false);
    const leap = withCheck('11010520080229002');
    expect(isMinorUnder14(leap, '2022-03-01')).toBe(true);
    expect(isMinorUnder14(leap, '2022-03-02')).toBe(false);
    expect(isMinorUnder14(SAMPLE, '2025-01-01')).toBe(false);
    expect(isMinorUnder14('110105194912310021', '2025-01-01')).toBeNull();
  });
});
