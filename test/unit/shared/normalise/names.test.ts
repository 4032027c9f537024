import { latinNameKey, nameKeys, pinyinKey, toSimplified } from '../../../../shared/normalise/names';

describe('nameKeys: Chinese names', () => {
  test('traditional, simplified, padded and full-width spellings share their keys', () => {
    const variants = ['陳大文', '陈大文', '陈 大文', '陳\u3000大文', ' 陈  大 文 '];
    const keys = variants.map((v) => nameKeys(v)!);
    for (const k of keys) {
      expect(k).toMatchObject({
        script: 'han',
        simplified: '陈大文',
        pinyin: 'chendawen',
        tokens: 'chen dawen',
      });
    }
    expect(keys[2].display).toBe('陈大文');
  });

  test('surname readings of polyphonic characters', () => {
    expect(pinyinKey('单田芳')).toBe('shantianfang');
    expect(pinyinKey('曾小贤')).toBe('zengxiaoxian');
    expect(pinyinKey('解晓东')).toBe('xiexiaodong');
    expect(pinyinKey('仇英')).toBe('qiuying');
    expect(pinyinKey('吕布')).toBe('lvbu');
  });

  test('Hong Kong variants fold too (衞 → 卫)', () => {
    expect(toSimplified('衞詩雅')).toBe('卫诗雅');
    expect(toSimplified('黃志明 Chan')).toBe('黄志明 Chan');
  });

  test('compound surnames split as surname + given name, matching the romanised order either way', () => {
    expect(nameKeys('欧阳娜娜')!.tokens).toBe('nana ouyang');
    expect(nameKeys('歐陽娜娜')!.tokens).toBe('nana ouyang');
    expect(latinNameKey('Nana OUYANG')).toBe('nana ouyang');
    expect(latinNameKey('Ouyang, Nana')).toBe('nana ouyang');
    expect(nameKeys('司马光')!.tokens).toBe('guang sima');
  });

  test('transliterated names with a middle dot', () => {
    expect(nameKeys('阿卜杜拉·买买提')!.simplified).toBe('阿卜杜拉买买提');
    expect(nameKeys('阿卜杜拉・买买提')!.pinyin).toBe(nameKeys('阿卜杜拉·买买提')!.pinyin);
  });
});

describe('nameKeys: Latin and other names', () => {
  test('lower case, sorted tokens, punctuation and diacritics folded', () => {
    const keys = ['John Smith', 'Smith, John', 'JOHN  SMITH', 'ＪＯＨＮ ＳＭＩＴＨ', 'smith john'].map((n) =>
      nameKeys(n)!,
    );
    for (const k of keys)
      expect(k).toMatchObject({ script: 'latin', simplified: '', pinyin: '', tokens: 'john smith' });
    expect(latinNameKey("Seán O'Brien")).toBe('obrien sean');
    expect(latinNameKey('José Álvarez-Núñez')).toBe('alvarez jose nunez');
  });

  test('mixed and other scripts', () => {
    expect(nameKeys('张伟 David')).toMatchObject({
      script: 'mixed',
      simplified: '张伟',
      pinyin: 'zhangwei',
      tokens: 'david wei zhang',
    });
    expect(nameKeys('Алексей Иванов')).toMatchObject({ script: 'other', tokens: 'алексей иванов' });
  });

  test('blank names have no keys', () => {
    expect(nameKeys('')).toBeNull();
    expect(nameKeys(' \u3000\u200B')).toBeNull();
  });
});
