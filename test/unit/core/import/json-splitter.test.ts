import {
  flattenRecord,
  JsonRecordSplitter,
  protectBigNumbers,
  type SplitElement,
} from '../../../../electron/core/import/json';

function split(text: string, chunk = text.length, max = 1 << 20) {
  const elements: SplitElement[] = [];
  const splitter = new JsonRecordSplitter(max, (e) => elements.push(e));
  for (let i = 0; i < text.length; i += chunk) splitter.write(text.slice(i, i + chunk));
  const end = splitter.end();
  return { elements, end, splitter };
}

const ARRAY = `[
  {"name": "张三", "note": "has ] and } and , and \\"quotes\\" and \\\\"},
  {"name": "李四", "tags": ["a", {"b": [1, 2]}]},
  "a string", 42, null, [1, 2],
  {}
]`;

describe('JSON record splitter', () => {
  it('splits the top-level array, whatever the chunk size', () => {
    const whole = split(ARRAY).elements.map((e) => e.text);
    expect(whole).toEqual([
      '{"name": "张三", "note": "has ] and } and , and \\"quotes\\" and \\\\"}',
      '{"name": "李四", "tags": ["a", {"b": [1, 2]}]}',
      '"a string"',
      '42',
      'null',
      '[1, 2]',
      '{}',
    ]);
    for (const chunk of [1, 2, 3, 5, 8, 13]) {
      const { elements, splitter } = split(ARRAY, chunk);
      expect(elements.map((e) => e.text)).toEqual(whole);
      expect(elements.map((e) => e.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(splitter.closed).toBe(true);
    }
  });

  it('finds the record array inside a wrapper object, skipping arrays that hold no objects', () => {
    const text =
      '{"meta": {"list": [{"x": 1}]}, "tags": ["a", "b"], "empty": [], "data": [{"n": 1}, {"n": 2}], "more": [{"n": 3}]}';
    for (const chunk of [1, 4, text.length]) {
      const { elements, splitter } = split(text, chunk);
      expect(elements.map((e) => e.text)).toEqual(['{"n": 1}', '{"n": 2}']);
      expect(splitter.wrapper).toBe('data');
      expect(splitter.closed).toBe(true);
    }
  });

  it('a top-level object without a record array is one document', () => {
    const { elements, end } = split('{"name": "张三", "phones": ["1", "2"]}', 3);
    expect(elements).toEqual([]);
    expect(end.document).toBe('{"name": "张三", "phones": ["1", "2"]}');
  });

  it('reports the element a cut-off file ends inside', () => {
    const { elements, end, splitter } = split('[{"a": 1}, {"b": "unfinished', 4);
    expect(elements.map((e) => e.text)).toEqual(['{"a": 1}']);
    expect(end.unfinished).toEqual({ index: 2, text: '{"b": "unfinished', tooLong: false });
    expect(splitter.closed).toBe(false);
  });

  it('does not keep an element longer than the limit', () => {
    const big = `[{"a": "${'x'.repeat(5000)}"}, {"b": 2}]`;
    const { elements } = split(big, 100, 1000);
    expect(elements[0].tooLong).toBe(true);
    expect(elements[0].text.length).toBeLessThanOrEqual(1024);
    expect(elements[1]).toEqual({ index: 2, text: '{"b": 2}', tooLong: false });
  });
});

describe('long numbers', () => {
  it('keeps every digit of numbers too long for a double, and only those', () => {
    const text =
      '{"id": 440101199001011234, "n": 12, "s": "9999999999999999999", "neg": -1234567890123456789, "f": 1.5e3}';
    const value = JSON.parse(protectBigNumbers(text));
    expect(value).toEqual({
      id: '440101199001011234',
      n: 12,
      s: '9999999999999999999',
      neg: '-1234567890123456789',
      f: 1500,
    });
  });
});

describe('flattening', () => {
  it('flattens one level; deeper values and arrays stay JSON text', () => {
    expect(
      flattenRecord({
        a: 1,
        b: { c: 'x', d: { e: 1 }, f: [1] },
        g: [1, 'x'],
        h: null,
        i: true,
        'b.c': 'clash',
      }),
    ).toEqual({
      a: '1',
      'b.c': 'x',
      'b.d': '{"e":1}',
      'b.f': '[1]',
      g: '[1,"x"]',
      h: '',
      i: 'true',
      'b.c_2': 'clash',
    });
  });

  it('an array record is read by position', () => {
    expect(flattenRecord(['张三', 138])).toEqual({ col_A: '张三', col_B: '138' });
  });
});
