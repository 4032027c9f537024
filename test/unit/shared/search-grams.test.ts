// The bigram search against a real FTS5 table built exactly as the vault's customers_fts: what a person
// types must find every record containing it as a substring, and nothing else.
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { foldForMatching } from '../../../shared/normalise/text';
import { searchDocument, searchMatch } from '../../../shared/search-grams';

type Values = ReadonlyArray<string | null>;

function index(records: Values[]): { find: (q: string) => number[]; close: () => void } {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE fts USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`,
  );
  const insert = db.prepare('INSERT INTO fts (rowid, grams) VALUES (?, ?)');
  records.forEach((values, i) => insert.run(i + 1, searchDocument(values)));
  const select = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid');
  return {
    find: (q) => {
      const match = searchMatch(q);
      return match === null ? [] : (select.pluck().all(match) as number[]);
    },
    close: () => db.close(),
  };
}

/** What a substring search should return: the records one of whose values contains the folded query. */
const expected = (records: Values[], q: string): number[] =>
  records
    .map((values, i) =>
      values.some((v) => v && foldForMatching(v).includes(foldForMatching(q))) ? i + 1 : 0,
    )
    .filter((id) => id > 0);

const RECORDS: Values[] = [
  ['张伟', null, '+8613800138000', '138-0013-8000', 'zhangwei@qq.com', '浙江省杭州市西湖区文三路 90 号'],
  ['张伟明', null, '+8613912345678', '139 1234 5678', 'weiming.zhang@163.com', '上海市浦东新区张江路 100 号'],
  ['李张', '杭州李张贸易有限公司', '+85291234567', '9123 4567', 'info@lizhang.hk', '香港九龙弥敦道 88 号'],
  [
    'Wei ZHANG',
    null,
    '+14155550123',
    '(415) 555-0123',
    'wei.zhang@example.com',
    '1 Market St, San Francisco',
  ],
  ['王芳', null, null, null, null, null],
  ['伟', null, null, null, 'a@b.cn', null],
];

/** An index of these records finds exactly the records one of whose values contains the query. */
function expectFoundExactly(records: Values[], q: string): void {
  const fts = index(records);
  try {
    expect(fts.find(q)).toEqual(expected(records, q));
  } finally {
    fts.close();
  }
}

/** Records of one to four values of up to `maxLength` characters drawn from `alphabet`. */
const recordsOf = (alphabet: string, maxLength: number) => {
  const value = fc
    .array(fc.constantFrom(...alphabet.split('')), { minLength: 0, maxLength })
    .map((a) => a.join(''));
  return fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
};

describe('searchMatch / searchDocument', () => {
  const fts = index(RECORDS);
  afterAll(() => fts.close());

  test('a two-character Chinese name finds every record containing it, and only those', () => {
    expect(fts.find('张伟')).toEqual([1, 2]);
    expect(fts.find('王芳')).toEqual([5]);
    expect(fts.find('李张')).toEqual([3]);
    expect(fts.find('伟明')).toEqual([2]);
  });

  test('one character is found anywhere in a value, not only at its start', () => {
    expect(fts.find('伟')).toEqual(expected(RECORDS, '伟'));
    expect(fts.find('伟')).toEqual([1, 2, 6]);
    expect(fts.find('芳')).toEqual([5]);
  });

  test('phone fragments match the E.164 number and the number as written, separators ignored', () => {
    expect(fts.find('0013')).toEqual([1]);
    expect(fts.find('1380013')).toEqual([1]);
    expect(fts.find('138-0013')).toEqual([1]);
    expect(fts.find('1234 5678')).toEqual([2]);
    expect(fts.find('5550123')).toEqual([4]);
    expect(fts.find('+852')).toEqual([3]);
  });

  test('e-mail fragments, whole addresses and domains', () => {
    // Punctuation is not searchable: 'zhang@' is 'zhang', in four records' names or addresses.
    expect(fts.find('zhang@')).toEqual([1, 2, 3, 4]);
    expect(fts.find('wei.zhang@example.com')).toEqual([4]);
    expect(fts.find('163.com')).toEqual([2]);
    expect(fts.find('@qq')).toEqual([1]);
  });

  test('full-width input and upper case find half-width, lower-case values', () => {
    expect(fts.find('１３８００１３')).toEqual([1]);
    expect(fts.find('ＱＱ．ＣＯＭ')).toEqual([1]);
    expect(fts.find('ZHANGWEI')).toEqual([1]);
    expect(fts.find('Wei Zhang')).toEqual(expected(RECORDS, 'Wei Zhang'));
  });

  test('address fragments of three and four characters', () => {
    expect(fts.find('西湖区')).toEqual([1]);
    expect(fts.find('张江路')).toEqual([2]);
    expect(fts.find('弥敦道8')).toEqual([3]);
  });

  test('a query never matches across the end of one value and the start of the next', () => {
    // Record 1 holds "张伟" then "+8613800138000": "伟86" spans the two values.
    expect(fts.find('伟86')).toEqual([]);
    // "000" ends the phone and "138" starts the number as written.
    expect(fts.find('0001380013')).toEqual([]);
    // The name "王芳" is alone: nothing after it.
    expect(fts.find('芳王')).toEqual([]);
  });

  test('nothing searchable gives no expression rather than one that matches everything', () => {
    expect(searchMatch('')).toBeNull();
    expect(searchMatch(' - @ .')).toBeNull();
    expect(searchMatch('"*')).toBeNull();
    expect(searchDocument([null, '', '  '])).toBe('');
  });

  test('a query of four or more digits alone is a phrase of four-digit grams', () => {
    expect(searchMatch('1380013')).toBe('"1380 3800 8001 0013"');
    expect(searchMatch('138-0013')).toBe('"1380 3800 8001 0013"');
    expect(searchMatch('0013')).toBe('"0013"');
    // Shorter digit queries and mixed ones keep the bigram phrase; a mixed one's runs of four or more
    // digits add their four-digit grams' phrase (AND: the same records, read from shorter lists).
    expect(searchMatch('138')).toBe('"13 38"');
    expect(searchMatch('a138')).toBe('"a1 13 38"');
    expect(searchMatch('a1380')).toBe('"a1 13 38 80" AND "1380"');
    expect(searchMatch('41319@qq')).toBe('"41 13 31 19 9q qq" AND "4131 1319"');
    expect(searchMatch('路1234号56789')).toBe(
      '"路1 12 23 34 4号 号5 56 67 78 89" AND "1234" AND "5678 6789"',
    );
    expect(searchDocument(['138-0013'])).toBe('13 38 80 00 01 13 3 1380 3800 8001 0013 3');
    // The number as written is inside its E.164 digits: its four-digit grams are written once.
    expect(searchDocument(['+86138001', '138001'])).toBe(
      '86 61 13 38 80 00 01 1 13 38 80 00 01 1 8613 6138 1380 3800 8001 1',
    );
  });

  test('random digit fragments of random digit-heavy values are found exactly where they occur', () => {
    fc.assert(
      fc.property(
        recordsOf('0123456789012345678901234567890123456789张a- ', 16),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (records, pick, start, len, anywhere) => {
          // From a record's digits (a fragment that occurs), or any digits across values (most do not).
          const source = records[pick % records.length].join(anywhere ? '' : ' ').replace(/[^0-9]/g, '');
          const from = source.length ? start % source.length : 0;
          const q = source.slice(from, from + 4 + (len % 6));
          if (q.length < 4) return;
          expectFoundExactly(records, q);
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
  });

  test('random fragments mixing digit runs with letters and Chinese are found exactly where they occur', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        recordsOf('01234567890123456789012345678901234567890123456789张qa@- ', 18),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (records, pick, start, len) => {
          const chars = Array.from(records[pick % records.length].join(pick % 2 ? '' : ' '));
          const from = chars.length ? start % chars.length : 0;
          const q = chars.slice(from, from + 5 + (len % 8)).join('');
          // Only what the change is about: a run of four digits or more beside something else.
          if (!/[0-9]{4}/.test(foldForMatching(q)) || /^[0-9]+$/.test(foldForMatching(q))) return;
          expectFoundExactly(records, q);
          checked++;
        },
      ),
      { numRuns: 1000, seed: 20261207 },
    );
    expect(checked).toBeGreaterThan(80);
  });

  test('random substrings of random values are found exactly where they occur', () => {
    fc.assert(
      fc.property(
        recordsOf('张王李伟芳明华0123456789abc@.- ', 12),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (records, pick, start, len) => {
          const source = records[pick % records.length].join('');
          const chars = Array.from(source);
          const from = chars.length ? start % chars.length : 0;
          const q = chars.slice(from, from + 1 + (len % 5)).join('');
          if (foldForMatching(q) === '') return;
          expectFoundExactly(records, q);
        },
      ),
      { numRuns: 150, seed: 20261128 },
    );
  });
});
