import {
  addressTailKey,
  blockingKeys,
  creditCodeKey,
  emailKey,
  idNumberKey,
  nameKeyOf,
  phoneKey,
  type DedupeRecord,
} from '../../../../electron/core/duplicates/keys';

const record = (over: Partial<DedupeRecord>): DedupeRecord => ({
  id: 1,
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

describe('name keys for blocking', () => {
  test('traditional, simplified, spaced, full-width and pinyin spellings share one key', () => {
    const spellings = [
      '陳大文',
      '陈大文',
      '陈 大文',
      '陳\u3000大文',
      '陈大文 ',
      'Chen Dawen',
      'CHEN, Dawen',
      'Ｃｈｅｎ Ｄａｗｅｎ',
    ];
    const keys = spellings.map((name) => nameKeyOf({ name, organisation: null }));
    expect(new Set(keys)).toEqual(new Set(['chen dawen']));
  });

  test('organisation when there is no name; the stored key when there is one', () => {
    expect(nameKeyOf({ name: null, organisation: '華鑫商貿有限公司' })).toBe(
      nameKeyOf({ name: null, organisation: '华鑫商贸有限公司' }),
    );
    expect(nameKeyOf({ name: '陈大文', organisation: null, nameKey: 'stored' })).toBe('stored');
    expect(nameKeyOf({ name: '  ', organisation: null })).toBeNull();
  });

  test('different people keep different keys', () => {
    expect(nameKeyOf({ name: '陈大文', organisation: null })).not.toBe(
      nameKeyOf({ name: '陈小文', organisation: null }),
    );
  });
});

describe('identifier keys', () => {
  test('e-mail: lower case; Gmail dots and plus tags folded for the key only', () => {
    expect(emailKey(' Zhang.San@QQ.com ')).toBe('zhang.san@qq.com');
    expect(emailKey('zhang.san+shop@gmail.com')).toBe('zhangsan@gmail.com');
    expect(emailKey('Zhang.San@googlemail.com')).toBe('zhangsan@gmail.com');
    // Other providers: a dot or a plus may be part of a different mailbox.
    expect(emailKey('zhang.san+shop@163.com')).toBe('zhang.san+shop@163.com');
    expect(emailKey('not-an-address')).toBeNull();
    expect(emailKey(null)).toBeNull();
  });

  test('phone: E.164 as stored, full-width folded; unreadable numbers by their digits', () => {
    expect(phoneKey('+8613812345678')).toBe('+8613812345678');
    expect(phoneKey('＋８６１３８１２３４５６７８')).toBe('+8613812345678');
    expect(phoneKey('138-1234-5678 (微信)')).toBe('13812345678');
    expect(phoneKey('12345')).toBeNull();
  });

  test('ID number: case, width and spaces folded; a 15-digit legacy number meets its 18-digit form', () => {
    expect(idNumberKey('11010519491231002x')).toBe('11010519491231002X');
    expect(idNumberKey('１１０１０５ １９４９１２３１ ００２Ｘ')).toBe('11010519491231002X');
    expect(idNumberKey("'110105194912310021")).toBe('110105194912310021');
    // 110105491231002 → 110105 19 491231002 + check character
    expect(idNumberKey('110105491231002')).toBe('11010519491231002X');
  });

  test('credit code: case, width and spaces', () => {
    expect(creditCodeKey(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(creditCodeKey('')).toBeNull();
  });

  test('address tail: the same end however the front is written', () => {
    const a = addressTailKey('湖北省武汉市 武昌区 工业大道17号');
    expect(a).toBe(addressTailKey('武汉市武昌区工业大道１７号'));
    expect(addressTailKey('短')).toBeNull();
  });

  test('blockingKeys gives every kind', () => {
    expect(
      blockingKeys(
        record({
          name: '陳大文',
          phone: '+8613812345678',
          email: 'A@B.CN',
          idNumber: '110105491231002',
          wechat: 'ChenDaWen_88',
        }),
      ),
    ).toEqual({
      phone: '+8613812345678',
      email: 'a@b.cn',
      idNumber: '11010519491231002X',
      creditCode: null,
      wechat: 'chendawen_88',
      name: 'chen dawen',
    });
  });
  test('a WeChat ID is keyed without case, a phone-shaped one as the number; an invalid one has no key', () => {
    expect(blockingKeys(record({ wechat: 'ZhangSan_88' })).wechat).toBe('zhangsan_88');
    expect(blockingKeys(record({ wechat: '138 0013 8000' })).wechat).toBe('+8613800138000');
    expect(blockingKeys(record({ wechat: '同手机号' })).wechat).toBeNull();
  });
});
