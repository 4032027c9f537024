import { checkBankCard, luhnValid } from '../../../../shared/identifiers/bank-card';
import { checkCreditCode } from '../../../../shared/identifiers/credit-code';
import {
  findIdentifiers,
  summariseIdentifiers,
  type DetectOptions,
  type IdentifierMatch,
} from '../../../../shared/identifiers/detect';
import { residentIdCheckChar } from '../../../../shared/identifiers/resident-id';
import { seeded } from '../seeded';

const OPTIONS: DetectOptions = { today: '2025-06-30' };
const find = (text: string, options: DetectOptions = {}) => findIdentifiers(text, { ...OPTIONS, ...options });
/** 'kind:confidence:the text it covers' — the test may look at values; the matches themselves carry none. */
const show = (text: string, matches: IdentifierMatch[]) =>
  matches.map((m) => `${m.kind}:${m.confidence}:${text.slice(m.start, m.end)}`);
const found = (text: string, options?: DetectOptions) => show(text, find(text, options));

const NOTE =
  '客户张三，身份证号：11010519491231002X，手机 138-1234-5678，邮箱 zhangsan@qq.com，' +
  '卡号 6200 0000 0000 0005，护照E12345678。公司统一社会信用代码91350100M000100Y43。';

describe('findIdentifiers', () => {
  test('finds each kind in a note, in text order, with spans into the original text', () => {
    expect(found(NOTE)).toEqual([
      'resident-id:high:11010519491231002X',
      'mobile:high:138-1234-5678',
      'email:high:zhangsan@qq.com',
      'bank-card:high:6200 0000 0000 0005',
      'passport:high:E12345678',
      'credit-code:high:91350100M000100Y43',
    ]);
    const id = find(NOTE)[0];
    expect(id).toEqual({
      kind: 'resident-id',
      start: 10,
      end: 28,
      confidence: 'high',
      checksum: 'pass',
      context: true,
    });
  });

  test('full-width text: spans still point at the original characters', () => {
    const text = '身份证１１０１０５１９４９１２３１００２ｘ，手机１３８１２３４５６７８';
    expect(found(text)).toEqual([
      'resident-id:high:１１０１０５１９４９１２３１００２ｘ',
      'mobile:high:１３８１２３４５６７８',
    ]);
  });

  test('context raises confidence where there is no checksum', () => {
    expect(found('13812345678')).toEqual(['mobile:medium:13812345678']);
    expect(found('联系电话：+86 138 1234 5678')).toEqual(['mobile:high:+86 138 1234 5678']);
    expect(found('E12345678')).toEqual(['passport:low:E12345678']);
    expect(found('passport no. E12345678')).toEqual(['passport:high:E12345678']);
  });

  test('numbers that only look like identifiers are not reported', () => {
    expect(find('订单号 20210305123456789012')).toEqual([]); // 22 digits
    expect(find('订单号13812345678901')).toEqual([]); // a mobile inside a longer run
    expect(find('编号 12345678901')).toEqual([]); // 11 digits, not an allocated number
    expect(find('身份证 110105194912310021')).toEqual([
      expect.objectContaining({ kind: 'resident-id', confidence: 'low', checksum: 'fail' }),
    ]);
    expect(find('参考号 110105194912310021')).toEqual([]); // wrong check character, no context
    expect(find('C12345678')).toEqual([]); // permits only with their keyword
    expect(find('hotel 13812345678')[0].confidence).toBe('medium'); // "tel" inside "hotel" is no context
  });

  test('travel permits and foreign passports need their keyword', () => {
    expect(found('港澳通行证 C12345678')).toEqual(['travel-permit:high:C12345678']);
    expect(found('回乡证H12345678')).toEqual(['travel-permit:high:H12345678']);
    expect(found('台胞证号码 12345678')).toEqual(['travel-permit:medium:12345678']);
    expect(found('护照号 K1234567')).toEqual(['passport:medium:K1234567']);
    expect(found('型号 K1234567')).toEqual([]);
  });

  test('legacy 15-digit IDs, probable cards and MRZ lines', () => {
    expect(find('身份证 110105491231002')).toEqual([
      expect.objectContaining({ kind: 'resident-id', confidence: 'medium', checksum: 'none', legacy: true }),
    ]);
    expect(find('银行卡号：6200000000000006')).toEqual([
      expect.objectContaining({ kind: 'bank-card', confidence: 'low', checksum: 'fail', context: true }),
    ]);
    expect(found('MRZ: L898902C36UTO7408122F1204159ZE184226B<<<<<10')).toEqual([
      'passport:high:L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
  });

  test('minConfidence drops weak matches', () => {
    expect(found('E12345678 13812345678', { minConfidence: 'medium' })).toEqual([
      'mobile:medium:13812345678',
    ]);
    expect(found(NOTE, { minConfidence: 'high' })).toHaveLength(6);
  });

  test('a number valid as both a resident ID and a credit code goes by its keyword', () => {
    const r = seeded(18);
    let both = '';
    while (!both) {
      const body = `110105${r.int(1950, 2000)}0101${r.digits(3)}`;
      const id = body + residentIdCheckChar(body);
      if (checkCreditCode(id) === null) both = id;
    }
    expect(found(`统一社会信用代码 ${both}`)).toEqual([`credit-code:high:${both}`]);
    expect(found(`身份证 ${both}`)).toEqual([`resident-id:high:${both}`]);
    expect(found(both)).toEqual([`resident-id:high:${both}`]); // the more sensitive reading
  });

  test('a resident ID that also passes Luhn is reported once, as a resident ID', () => {
    const r = seeded(7812);
    let both = '';
    while (!both) {
      const body = `310104${r.int(1950, 2000)}0615${r.digits(3)}`;
      const id = body + residentIdCheckChar(body);
      if (/^\d{18}$/.test(id) && luhnValid(id)) both = id;
    }
    expect(checkBankCard(both).status).toBe('valid');
    expect(found(`备注 ${both}`)).toEqual([`resident-id:high:${both}`]);
  });

  test('property: 1000 generated notes — every planted ID and card is found at its span', () => {
    const r = seeded(2025);
    for (let i = 0; i < 1000; i++) {
      const body = `44030${r.int(0, 9)}${r.int(1950, 2015)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${r.digits(3)}`;
      const id = body + residentIdCheckChar(body);
      const cardBody = `62${r.digits(r.int(13, 16))}`;
      const cardNo = cardBody + String((10 - (sumForLuhn(cardBody) % 10)) % 10);
      const text = `第${i}条：客户证件号${id}，付款卡号${cardNo}，谢谢`;
      const matches = find(text);
      expect(show(text, matches)).toEqual([`resident-id:high:${id}`, `bank-card:high:${cardNo}`]);
    }
  });
});

describe('summariseIdentifiers', () => {
  test('counts by kind, and nothing of the values or their positions', () => {
    const summary = summariseIdentifiers(find(NOTE));
    expect(summary).toEqual({
      total: 6,
      byKind: { 'resident-id': 1, mobile: 1, email: 1, 'bank-card': 1, passport: 1, 'credit-code': 1 },
    });
    const json = JSON.stringify(summary);
    for (const fragment of ['1101', '1234', 'zhangsan', '6200', 'E123', '9135'])
      expect(json).not.toContain(fragment);
  });
});

/** Luhn sum over a body that lacks its check digit (doubling starts at its rightmost digit). */
function sumForLuhn(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = +body[i] * (double ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum;
}
