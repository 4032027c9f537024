import {
  latinNameKey,
  nameKeys,
  pinyinKey,
  pinyinSyllables,
  syllablesFromTable,
  toSimplified,
} from '../../../../shared/normalise/names';
import { customerRows } from '../../../fixtures/customers';
import { nameOfShape, WIDE_MIX } from '../../../fixtures/messy/names';
import { Random } from '../../../fixtures/random';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../../../fixtures/vocabulary';

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

describe('pinyin from the per-character tables', () => {
  const byTable = (text: string) => pinyinSyllables(text);
  const byLibrary = (text: string) => pinyinSyllables(text, { table: false });

  test("agrees with pinyin-pro's whole-name reading on the generators' full variety of names", () => {
    const names = new Set<string>();
    for (const row of customerRows(42, 30_000)) names.add(row.name);
    const r = new Random(7);
    for (let i = 0; i < 20_000; i++) names.add(nameOfShape(r, WIDE_MIX[i % WIDE_MIX.length][0]).name);
    // Every surname with every given-name character, alone and doubled: the pairs the generators draw from.
    const given = [...GIVEN_MALE, ...GIVEN_FEMALE].map((g) => g.hanzi);
    for (const [surname, , traditional] of SURNAMES.items)
      for (const g of given) names.add(surname + g).add(traditional + g + g);
    const differing = [...names].filter((n) => byTable(n).join(' ') !== byLibrary(n).join(' '));
    expect(names.size).toBeGreaterThan(30_000);
    expect(differing).toEqual([]);
    // The comparison means something: the tables decide most of the generated people's names.
    const people = [...customerRows(42, 2000)]
      .map((row) => row.name)
      .filter((n) => /^\p{Script=Han}{2,4}$/u.test(n));
    const decided = people.filter((n) => syllablesFromTable(toSimplified(n)) !== null);
    expect(decided.length).toBeGreaterThan(0.7 * people.length);
  });

  test('surnames read in their pair, characters with several readings read by the library', () => {
    for (const name of [
      '尉迟敬德',
      '尉大',
      '单田芳',
      '单于大',
      '万俟卨',
      '曾长江',
      '张长江',
      '解放',
      '乐乐',
      '重庆',
      '厦门',
    ])
      expect(byTable(name)).toEqual(byLibrary(name));
    expect(byTable('尉迟敬德')).toEqual(['yu', 'chi', 'jing', 'de']);
    expect(byTable('尉大')).toEqual(['wei', 'da']);
  });
});
