import {
  checkCreditCode,
  creditCodeCheckChar,
  creditCodeWarnings,
  isSoleTraderCode,
  isValidOrganisationCode,
  organisationCodeCheckChar,
  validateCreditCode,
} from '../../../../shared/identifiers/credit-code';
import { seeded } from '../seeded';

const SAMPLE = '91350100M000100Y43'; // a valid example, its check character recomputed by hand
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code', () => {
  test('the example validates, with no warning; its inner organisation code M000100Y4 does too', () => {
    expect(validateCreditCode(SAMPLE)).toEqual({
      status: 'valid',
      value: SAMPLE,
      soleTrader: false,
      warnings: [],
    });
    expect(organisationCodeCheckChar('M000100Y')).toBe('4');
    expect(isValidOrganisationCode('M000100Y4')).toBe(true);
    expect(isValidOrganisationCode('M000100Y-4')).toBe(true);
  });

  test('full-width and lower-case input', () => {
    expect(validateCreditCode('９１３５０１００ｍ０００１００ｙ４３')).toMatchObject({
      status: 'valid',
      value: SAMPLE,
    });
  });

  test('a right outer check over a wrong inner organisation code is valid with a warning', () => {
    const first17 = '91350100M000100Y5';
    const code = first17 + creditCodeCheckChar(first17);
    expect(checkCreditCode(code)).toBeNull();
    expect(creditCodeWarnings(code)).toEqual(['organisation-code']);
    expect(validateCreditCode(code)).toMatchObject({ status: 'valid', warnings: ['organisation-code'] });
  });

  test('sole traders (92…) are flagged as personal information', () => {
    const first17 = '92350100MA2XYY0Q1';
    const code = first17 + creditCodeCheckChar(first17);
    expect(isSoleTraderCode(code)).toBe(true);
    expect(validateCreditCode(code)).toMatchObject({ status: 'valid', soleTrader: true });
  });

  test('invalid codes keep their problem; empty is missing', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ status: 'invalid', problem: 'checksum' });
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ status: 'invalid', problem: 'length' });
    expect(validateCreditCode('91350100M000100I43')).toEqual({ status: 'invalid', problem: 'character' });
    expect(validateCreditCode('9135A100M000100Y43')).toEqual({ status: 'invalid', problem: 'division' });
    expect(validateCreditCode('  ')).toEqual({ status: 'missing' });
    expect(validateCreditCode(undefined)).toEqual({ status: 'missing' });
  });

  test('property: random bodies validate with their check character; one changed character fails', () => {
    const r = seeded(32100);
    const pick = () => ALPHABET[r.int(0, 30)];
    for (let i = 0; i < 1000; i++) {
      const first17 = pick() + pick() + r.digits(6) + Array.from({ length: 9 }, pick).join('');
      const code = first17 + creditCodeCheckChar(first17);
      expect(checkCreditCode(code)).toBeNull();
      const at = r.int(0, 17);
      const replacement = ALPHABET.replace(code[at], '')[r.int(0, 29)];
      const changed = code.slice(0, at) + replacement + code.slice(at + 1);
      expect(checkCreditCode(changed)).not.toBeNull();
    }
  });

  test('property: GB 11714 check makes S + C ≡ 0 (mod 11), with X = 10', () => {
    const r = seeded(11714);
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const weights = [3, 7, 9, 10, 5, 8, 4, 2];
    for (let i = 0; i < 1000; i++) {
      const body = Array.from({ length: 8 }, () => chars[r.int(0, 35)]).join('');
      const check = organisationCodeCheckChar(body)!;
      const sum = [...body].reduce((s, c, k) => s + chars.indexOf(c) * weights[k], 0);
      expect((sum + (check === 'X' ? 10 : +check)) % 11).toBe(0);
      expect(isValidOrganisationCode(body + check)).toBe(true);
    }
    expect(organisationCodeCheckChar('M000100')).toBeNull();
    expect(organisationCodeCheckChar('M000100*')).toBeNull();
  });
});
