import {
  collapseWhitespace,
  foldForMatching,
  isBlank,
  normaliseText,
  removeInvisible,
  toHalfWidth,
} from '../../../../shared/normalise/text';

describe('toHalfWidth', () => {
  test('folds the whole FF01–FF5E block and the ideographic space', () => {
    expect(toHalfWidth('１３８\u3000ＡＢＣ＠ｑｑ．ｃｏｍ（～）')).toBe('138 ABC@qq.com(~)');
    expect(toHalfWidth('！')).toBe('!');
    expect(toHalfWidth('～')).toBe('~');
  });

  test('keeps the length, so spans found in the folded text are spans in the original', () => {
    const text = '身份证：１１０１０５１９４９１２３１００２Ｘ，谢谢';
    expect(toHalfWidth(text)).toHaveLength(text.length);
  });

  test("'alphanumeric' leaves Chinese punctuation alone; 'none' changes nothing", () => {
    expect(toHalfWidth('张三，Ｔｅｌ：１３８', 'alphanumeric')).toBe('张三，Tel：138');
    expect(toHalfWidth('１２３', 'none')).toBe('１２３');
  });

  test('does not touch what NFKC would: circled digits, ㈱, fractions, ￥', () => {
    expect(toHalfWidth('①㈱½￥')).toBe('①㈱½￥');
  });
});

describe('normaliseText', () => {
  test('removes zero-width characters and BOM, collapses every kind of space, trims', () => {
    expect(removeInvisible('a\u200Bb\uFEFFc\u2060d')).toBe('abcd');
    expect(collapseWhitespace('\u00A0 张三\t\u2003\n李四\u202F ')).toBe('张三 李四');
    expect(normaliseText('\uFEFF  Ｚｈａｎｇ\u00A0\u00A0San\u200B  ')).toBe('Zhang San');
  });

  test('composes to NFC', () => {
    const decomposed = 'Jose\u0301';
    expect(normaliseText(decomposed)).toBe('José');
    expect(normaliseText(decomposed)).toHaveLength(4);
  });

  test('isBlank sees through invisible characters', () => {
    expect(isBlank('\u3000\u200B\u00A0')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(' 0 ')).toBe(false);
  });
});

describe('foldForMatching', () => {
  test('lower case, no spaces or punctuation, any script kept', () => {
    expect(foldForMatching('  Zhang-San, Ｌｔｄ. ')).toBe('zhangsanltd');
    expect(foldForMatching('上海（示例）贸易 有限公司')).toBe('上海示例贸易有限公司');
    expect(foldForMatching('Café № 5')).toBe('café5');
  });

  test('equal keys for the variants a duplicate check must catch', () => {
    const variants = [
      'ACME Co., Ltd.',
      'acme co ltd',
      'ＡＣＭＥ\u3000Ｃｏ．Ｌｔｄ',
      'Acme\u00A0Co.\u200BLtd',
    ];
    expect(new Set(variants.map(foldForMatching)).size).toBe(1);
  });
});
