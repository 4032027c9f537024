// The scanner that looks for purged values on decrypted pages finds exactly what a naive search finds —
// with values sharing long prefixes (addresses in one province), prefixes of one another, and values at
// the very ends of the bytes — and never a value shorter than MIN_BYTES.
import { MIN_BYTES, ValueScanner } from '../../../../electron/core/wipe/value-scan';
import { Random } from '../../../fixtures/random';

const PARTS = [
  '浙江省',
  '杭州市',
  '西湖区',
  '文三路',
  '张',
  '王',
  '伟',
  '138',
  '0571',
  '@example.com',
  'a',
  '号',
];

function word(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += r.pick(PARTS);
  return s;
}

test.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: the same values as a naive search', (seed) => {
  const r = new Random(seed);
  const values = Array.from({ length: 400 }, () => word(r, r.int(1, 6)));
  const haystacks = Array.from({ length: 30 }, () => Buffer.from(word(r, r.int(0, 60)), 'utf8'));
  const scanner = new ValueScanner(values);
  for (const h of haystacks) scanner.scan(h);
  const expected = new Set(
    values.filter(
      (v) => Buffer.byteLength(v) >= MIN_BYTES && haystacks.some((h) => h.includes(Buffer.from(v))),
    ),
  );
  expect(new Set(scanner.found())).toEqual(expected);
  expect(scanner.size).toBe(new Set(values.filter((v) => Buffer.byteLength(v) >= MIN_BYTES)).size);
});

test('a value at the very start or end of the bytes, a prefix of another, and nothing shorter than six bytes', () => {
  const scanner = new ValueScanner([
    '浙江省杭州市',
    '浙江省杭州市西湖区',
    '浙',
    'abcde',
    'abcdef',
    'abcdefg',
  ]);
  scanner.scan(Buffer.from('浙江省杭州市|xxabcdef'));
  expect(scanner.found().sort()).toEqual(['abcdef', '浙江省杭州市'].sort());
});

test.each([1, 2, 3])('seed %i: every occurrence, as a naive search finds them', (seed) => {
  const r = new Random(seed);
  const values = Array.from({ length: 200 }, () => word(r, r.int(1, 5)));
  const scanner = new ValueScanner(values);
  for (let n = 0; n < 20; n++) {
    const haystack = Buffer.from(word(r, r.int(0, 80)), 'utf8');
    const expected: string[] = [];
    for (const v of new Set(values)) {
      const b = Buffer.from(v);
      if (b.length < MIN_BYTES) continue;
      for (let at = haystack.indexOf(b); at >= 0; at = haystack.indexOf(b, at + 1))
        expected.push(`${at}:${v}`);
    }
    const got = scanner.occurrences(haystack).map((o) => `${o.at}:${o.value}`);
    expect(got.sort()).toEqual(expected.sort());
  }
  expect(scanner.found()).toEqual([]); // occurrences() reports; it does not count as found
});
