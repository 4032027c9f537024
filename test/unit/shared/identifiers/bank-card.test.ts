import {
  checkBankCard,
  luhnCheckDigit,
  luhnValid,
  normaliseBankCard,
  type BankCardCheck,
} from '../../../../shared/identifiers/bank-card';
import { seeded } from '../seeded';

// Published card-network test numbers (they pass Luhn and are issued to nobody).
const UNIONPAY_16 = '6200000000000005';
const UNIONPAY_19 = '6205500000000000004';
const VISA = '4111111111111111';
const AMEX_15 = '378282246310005';

const brief = (check: BankCardCheck) => (check.status === 'invalid' ? `!${check.problem}` : check.status);
const card = (text: string | null, context = false) => brief(checkBankCard(text, { context }));

describe('checkBankCard', () => {
  test('UnionPay test numbers are valid and marked UnionPay', () => {
    expect(checkBankCard(UNIONPAY_16)).toEqual({ status: 'valid', value: UNIONPAY_16, unionPay: true });
    expect(checkBankCard(UNIONPAY_19)).toEqual({ status: 'valid', value: UNIONPAY_19, unionPay: true });
    expect(checkBankCard(VISA)).toEqual({ status: 'valid', value: VISA, unionPay: false });
  });

  test('group spaces, hyphens and full-width digits are accepted', () => {
    expect(normaliseBankCard('６２００ ００００-００００ ０００５')).toBe(UNIONPAY_16);
    expect(card('6200 0000 0000 0005')).toBe('valid');
    expect(card('6205 5000 0000 0000 004')).toBe('valid');
  });

  test('length 16-19 only, even when Luhn passes', () => {
    expect(luhnValid(AMEX_15)).toBe(true);
    expect(card(AMEX_15)).toBe('!length');
    expect(card('62000000000000000000')).toBe('!length');
  });

  test("'probable': 62-prefixed, right length, failing Luhn, next to a card keyword", () => {
    const failing = '6200000000000006';
    expect(card(failing)).toBe('!checksum');
    expect(checkBankCard(failing, { context: true })).toEqual({
      status: 'probable',
      value: failing,
      unionPay: true,
    });
    expect(card('4111111111111112', true)).toBe('!checksum'); // not UnionPay: no excuse
    expect(card('620000000000006', true)).toBe('!length');
  });

  test('flagged, not fixed', () => {
    expect(card('6200-0000-0000-000O')).toBe('!format');
    expect(card('6.22202E+18')).toBe('!scientific-notation');
    expect(card('卡号6200000000000005')).toBe('!format');
    expect(card('')).toBe('missing');
    expect(card(null)).toBe('missing');
  });

  test('property: random bodies with their Luhn digit pass; any single changed digit fails', () => {
    const r = seeded(7812);
    for (let i = 0; i < 1000; i++) {
      const body = '62' + r.digits(r.int(13, 16));
      const number = body + luhnCheckDigit(body);
      expect(luhnValid(number)).toBe(true);
      expect(card(number)).toBe('valid');

      const at = r.int(0, number.length - 1);
      const digit = String((+number[at] + r.int(1, 9)) % 10);
      const changed = number.slice(0, at) + digit + number.slice(at + 1);
      expect(luhnValid(changed)).toBe(false);
      expect(card(changed)).toBe('!checksum');
    }
  });
});
