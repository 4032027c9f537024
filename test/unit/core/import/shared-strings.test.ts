import {
  SharedStringsLimitError,
  SharedStringsParser,
} from '../../../../electron/core/import/shared-strings';

const XML =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="x" count="6" uniqueCount="6">' +
  '<si><t>张三</t></si>' +
  '<si><r><rPr><b/></rPr><t>重要</t></r><r><t xml:space="preserve"> 客户</t></r></si>' +
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si/>' +
  '<si><t>a &amp; b &lt;c&gt; &#x4E2D;&#25991;</t></si>' +
  '<si><r><t xml:space="preserve"/></r><r><t>line1_x000D_\nline2</t></r></si>' +
  '</sst>';
const EXPECTED = ['张三', '重要 客户', '漢字', '', 'a & b <c> 中文', 'line1_x000D_\nline2'];

describe('shared strings', () => {
  it('plain text of every item, whatever the chunking', () => {
    for (const size of [1, 2, 7, 64, XML.length]) {
      const parser = new SharedStringsParser(100);
      for (let i = 0; i < XML.length; i += size) parser.write(XML.slice(i, i + size));
      expect(parser.strings).toEqual(EXPECTED);
      expect(parser.declaredCount).toBe(6);
    }
  });

  it('reads prefixed SpreadsheetML', () => {
    const parser = new SharedStringsParser(100);
    parser.write(
      '<x:sst xmlns:x="x"><x:si><x:t>甲</x:t></x:si><x:si><x:r><x:t>乙</x:t></x:r></x:si></x:sst>',
    );
    expect(parser.strings).toEqual(['甲', '乙']);
  });

  it('refuses more strings than the limit, from the declared count or while counting', () => {
    expect(() => new SharedStringsParser(5).write(XML)).toThrow(SharedStringsLimitError);
    const undeclared = XML.replace(' count="6" uniqueCount="6"', '');
    expect(() => new SharedStringsParser(5).write(undeclared)).toThrow(SharedStringsLimitError);
  });

  it('stops once it has the strings a preview needs', () => {
    const parser = new SharedStringsParser(100, 2);
    parser.write(XML);
    expect(parser.strings).toEqual(EXPECTED.slice(0, 2));
    expect(parser.done).toBe(true);
  });
});
