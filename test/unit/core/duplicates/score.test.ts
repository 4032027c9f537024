import { nameKeys } from '../../../../shared/normalise/names';
import {
  CANDIDATE_THRESHOLD,
  nameSimilarity,
  scorePair,
  scoringView,
} from '../../../../electron/core/duplicates/score';
import type { DedupeRecord } from '../../../../electron/core/duplicates/keys';
import { bigramDice, jaroWinkler } from '../../../../electron/core/duplicates/similarity';

let nextId = 1;
const view = (over: Partial<DedupeRecord>) =>
  scoringView({
    id: nextId++,
    name: null,
    organisation: null,
    phone: null,
    email: null,
    idNumber: null,
    idNumberStatus: 'missing',
    creditCode: null,
    creditCodeStatus: 'missing',
    address: null,
    ...over,
  });
const field = (s: ReturnType<typeof scorePair>, name: string) => s.fields.find((f) => f.field === name);

describe('similarity measures', () => {
  test('Jaro-Winkler on the textbook examples', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  test('bigram Dice on Chinese text', () => {
    expect(bigramDice('华鑫商贸有限公司', '华鑫商贸有限公司')).toBe(1);
    expect(bigramDice('华鑫商贸有限公司', '天源餐饮有限公司')).toBeLessThan(0.5);
  });
});

describe('name similarity', () => {
  const sim = (a: string, b: string) => nameSimilarity(nameKeys(a)!, nameKeys(b)!);
  test('traditional / simplified / spacing / full width / pinyin are the same name', () => {
    for (const other of ['陈大文', '陈 大文', '陳\u3000大文', 'Chen Dawen', 'ＣＨＥＮ ＤＡＷＥＮ'])
      expect(sim('陳大文', other)).toBe(1);
  });
  test('a homophone is a likely input-method slip; another given name is another person', () => {
    expect(sim('陈大文', '陈大雯')).toBe(0.9);
    expect(sim('陈大文', '陈小明')).toBeLessThan(0.5);
  });
  test('company names: short form, city in brackets', () => {
    expect(sim('深圳市华鑫商贸有限公司', '华鑫商贸有限公司')).toBeGreaterThanOrEqual(0.9);
    expect(sim('深圳市华鑫商贸有限公司', '华鑫商贸（深圳）有限公司')).toBeGreaterThan(0.75);
  });
  test('a Chinese name and a Cantonese one cannot be compared (null, not a conflict)', () => {
    expect(sim('陳大文', 'Chan Tai Man')).toBeNull();
  });
});

describe('scorePair', () => {
  test('same ID number and name: well above the candidate threshold, explained field by field', () => {
    const s = scorePair(
      view({ name: '陳大文', idNumber: '11010519491231002X', idNumberStatus: 'valid' }),
      view({ name: '陈 大文', idNumber: '11010519491231002x', idNumberStatus: 'valid' }),
    );
    expect(s.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD + 15);
    expect(field(s, 'idNumber')).toMatchObject({ kind: 'exact', similarity: 1 });
    expect(field(s, 'name')).toMatchObject({ kind: 'exact' });
  });

  test('two different valid ID numbers are strong evidence against, outweighing phone and name', () => {
    const s = scorePair(
      view({
        name: '陈大文',
        phone: '+8613812345678',
        idNumber: '11010519491231002X',
        idNumberStatus: 'valid',
      }),
      view({
        name: '陈大文',
        phone: '+8613812345678',
        idNumber: '110105194912310021',
        idNumberStatus: 'valid',
      }),
    );
    expect(field(s, 'idNumber')).toMatchObject({ kind: 'conflict' });
    expect(field(s, 'idNumber')!.points).toBeLessThan(0);
    expect(s.score).toBeLessThan(CANDIDATE_THRESHOLD);
  });

  test('an invalid ID one character off the other is a fuzzy match, not a conflict', () => {
    const s = scorePair(
      view({ idNumber: '11010519491231002X', idNumberStatus: 'valid' }),
      view({ idNumber: '11010519491231003X', idNumberStatus: 'invalid' }),
    );
    expect(field(s, 'idNumber')).toMatchObject({ kind: 'fuzzy' });
  });

  test('two different valid credit codes: conflict', () => {
    const s = scorePair(
      view({ name: '华鑫商贸有限公司', creditCode: '91350100M000100Y43', creditCodeStatus: 'valid' }),
      view({ name: '华鑫商贸有限公司', creditCode: '91440300MA5DXXXX1X', creditCodeStatus: 'valid' }),
    );
    expect(field(s, 'creditCode')).toMatchObject({ kind: 'conflict' });
    expect(s.score).toBeLessThan(CANDIDATE_THRESHOLD);
  });

  test('a shared switchboard number with two different names stays apart', () => {
    const s = scorePair(
      view({ name: '王芳', phone: '+862188886666' }),
      view({ name: '李强', phone: '+862188886666' }),
    );
    expect(field(s, 'phone')).toMatchObject({ kind: 'exact' });
    expect(field(s, 'name')).toMatchObject({ kind: 'conflict' });
    expect(s.score).toBeLessThan(CANDIDATE_THRESHOLD);
  });

  test('phone and name (traditional vs simplified, full-width phone) pass the threshold', () => {
    const s = scorePair(
      view({ name: '黃志明', phone: '＋８６１３８１２３４５６７８' }),
      view({ name: '黄志明', phone: '+8613812345678' }),
    );
    expect(s.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });

  test('same name and the same address written with and without the city', () => {
    const s = scorePair(
      view({ name: '赵永超', address: '湖北省武汉市 武昌区 工业大道17号' }),
      view({ name: '赵永超', address: '武昌区工业大道１７号' }),
    );
    expect(field(s, 'address')).toMatchObject({ kind: 'exact' });
    expect(s.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });

  test('addresses that differ in their numbers are not similar', () => {
    const s = scorePair(
      view({ address: '서울특별시 강남구 테헤란로 50' }),
      view({ address: '서울특별시 강남구 테헤란로 426' }),
    );
    expect(field(s, 'address')).toBeUndefined();
  });

  test('an e-mail that only spells the name out counts for little between namesakes', () => {
    const s = scorePair(
      view({ name: '张磊', email: 'zhanglei@163.com' }),
      view({ name: '张磊', email: 'ZhangLei@163.com' }),
    );
    expect(s.score).toBeLessThan(CANDIDATE_THRESHOLD);
    const t = scorePair(
      view({ name: '张磊', email: 'shop.owner7@163.com' }),
      view({ name: '張磊', email: 'shop.owner7@163.com' }),
    );
    expect(t.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });

  test('symmetric and clamped to 0–100', () => {
    const a = view({
      name: '陈大文',
      phone: '+8613812345678',
      email: 'a@b.cn',
      idNumber: '11010519491231002X',
      idNumberStatus: 'valid',
      address: '北京市东城区东华门大街1号',
    });
    const b = view({
      name: '陳大文',
      phone: '+8613812345678',
      email: 'A@B.CN',
      idNumber: '11010519491231002X',
      idNumberStatus: 'valid',
      address: '北京市东城区东华门大街1号',
    });
    expect(scorePair(a, b)).toEqual(scorePair(b, a));
    expect(scorePair(a, b).score).toBe(100);
    expect(
      scorePair(
        view({ name: '甲乙', idNumber: '11010519491231002X', idNumberStatus: 'valid' }),
        view({ name: '丙丁', idNumber: '110105194912310021', idNumberStatus: 'valid' }),
      ).score,
    ).toBe(0);
  });
});

describe('the WeChat ID', () => {
  const wechat = (a: Partial<DedupeRecord>, b: Partial<DedupeRecord>) => {
    const scored = scorePair(view(a), view(b));
    return { score: scored.score, wechat: field(scored, 'wechat') };
  };

  test('the same WeChat ID in another case and the same name: linked, the WeChat ID explained', () => {
    const scored = wechat(
      { name: '陈大文', wechat: 'chendawen_88' },
      { name: '陳大文', wechat: 'CHENDAWEN_88' },
    );
    expect(scored.wechat).toEqual({ field: 'wechat', kind: 'exact', similarity: 1, points: 30 });
    expect(scored.score).toBe(55);
    expect(scored.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
    // The name alone would not link them.
    expect(wechat({ name: '陈大文' }, { name: '陳大文' }).score).toBe(25);
  });

  test('a WeChat ID that is each record’s own phone is the phone’s evidence, counted once', () => {
    const a = { name: '王芳', phone: '+8613800138000', wechat: '13800138000' };
    expect(wechat(a, { ...a, wechat: '138-0013-8000' }).wechat).toBeUndefined();
    // Bound to the phone on one side only: two pieces of evidence.
    expect(wechat(a, { ...a, phone: '+8613900139000' }).wechat).toMatchObject({ kind: 'exact', points: 30 });
  });

  test('invalid values never match each other', () => {
    expect(wechat({ wechat: '同手机号' }, { wechat: '同手机号' }).wechat).toBeUndefined();
  });
});
