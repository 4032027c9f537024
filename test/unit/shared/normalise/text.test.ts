import {
  normaliseMultiline,
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

describe('normaliseMultiline', () => {
  it('keeps every line break as written: CRLF, LF, a lone CR and blank lines', () => {
    expect(normaliseMultiline('第一行\r\n第二行\n第三行\r第四行')).toBe('第一行\r\n第二行\n第三行\r第四行');
    expect(normaliseMultiline('投诉过一次\r\n\r\n后续满意')).toBe('投诉过一次\r\n\r\n后续满意');
  });

  it('cleans spaces within each line and drops breaks before the first and after the last line', () => {
    expect(normaliseMultiline('\r\n  上海市　浦东新区 \t \n  解放路\u200b54号  \n\n')).toBe(
      '上海市 浦东新区\n解放路54号',
    );
  });

  it('folds full-width letters and digits only when asked, and reads its own output unchanged', () => {
    const once = normaliseMultiline('ＡＢＣ，１２３\r\n第二行', { halfWidth: 'alphanumeric' });
    expect(once).toBe('ABC，123\r\n第二行');
    expect(normaliseMultiline(once, { halfWidth: 'alphanumeric' })).toBe(once);
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
