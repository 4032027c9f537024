// The fast paths of the text clean-up (no regular expression for text with nothing to change) give what
// the plain chains of replacements give, on random text over the characters each step treats specially:
// printable ASCII and runs of spaces, full-width forms and the ideographic space, invisible and hidden
// characters, line breaks, CJK ideographs and punctuation, combining marks NFC reorders or composes,
// letters outside the BMP, other scripts. The chains below are the code before the fast paths.
import fc from 'fast-check';
import { searchDocument } from '../../../../shared/search-grams';
import {
  foldForMatching,
  normaliseMultiline,
  normaliseText,
  toHalfWidth,
  type HalfWidthMode,
} from '../../../../shared/normalise/text';

const chainHalfWidth = (text: string, mode: HalfWidthMode = 'all') =>
  mode === 'none'
    ? text
    : text
        .replace(mode === 'all' ? /[\uFF01-\uFF5E]/g : /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) - 0xfee0),
        )
        .replace(/\u3000/g, ' ');
const chainText = (text: string, mode: HalfWidthMode = 'all') =>
  chainHalfWidth(text, mode)
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
const chainFold = (text: string) =>
  chainText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]/gu, '');
const chainMultiline = (text: string, mode: HalfWidthMode = 'all') => {
  const parts = chainHalfWidth(text, mode)
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g, '')
    .split(/(\r\n|\r|\n)/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i].replace(/[^\S\r\n]+/g, ' ').trim();
  return parts
    .join('')
    .replace(/^(?:\r\n|\r|\n)+|(?:\r\n|\r|\n)+$/g, '')
    .normalize('NFC');
};
/** The search document as it was built before: grams in arrays, then the digit runs' four-digit grams. */
const chainDocument = (values: string[]) => {
  const parts: string[] = [];
  const runs: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const chars = Array.from(chainFold(value));
    const g: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) g.push(chars[i] + chars[i + 1]);
    if (chars.length > 0) g.push(chars[chars.length - 1]);
    if (g.length) parts.push(g.join(' '));
    runs.push(...(chainFold(value).match(/[0-9]{4,}/g) ?? []));
  }
  const kept: string[] = [];
  for (const run of runs.sort((a, b) => b.length - a.length))
    if (!kept.some((k) => k.includes(run))) kept.push(run);
  for (const run of kept) {
    let out = '';
    for (let i = 0; i + 4 <= run.length; i++) out += `${run.slice(i, i + 4)} `;
    parts.push(out + run[run.length - 1]);
  }
  return parts.join(' ');
};

const PIECES = [
  ...'aZ09 ~!@#-_.,+()/\\\'"',
  '13800138000',
  '0571',
  '  ',
  ' ',
  '\t',
  '\n',
  '\r\n',
  ...'１Ａｚ＠（）～，：',
  '\u3000',
  ...'\u200B\u200D\u2060\uFEFF\u00AD\u180E',
  ...'张三丰龍鑫㐀\u9FA6\u9FFF',
  ...'、。《》【】〆〇',
  '\u302A',
  '\u302B',
  '\u302E',
  'e\u0301',
  '\u0301',
  'Å',
  'A\u030A',
  '\uFA11',
  '𠀋',
  '😀',
  ...'ÄöİıßΣσКкا',
  '\u00A0',
  '\u2003',
  '\x07',
];
const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 14 })
  .map((parts) => parts.join(''));
const mode = fc.constantFrom<HalfWidthMode>('all', 'alphanumeric', 'none');

it('toHalfWidth, normaliseText and normaliseMultiline equal the replacement chains', () => {
  fc.assert(
    fc.property(text, mode, (t, m) => {
      expect(toHalfWidth(t, m)).toBe(chainHalfWidth(t, m));
      expect(normaliseText(t, { halfWidth: m })).toBe(chainText(t, m));
      expect(normaliseMultiline(t, { halfWidth: m })).toBe(chainMultiline(t, m));
    }),
    { numRuns: 20_000 },
  );
});

it('foldForMatching and the search document equal the replacement chains', () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 4 }), (values) => {
      for (const t of values) expect(foldForMatching(t)).toBe(chainFold(t));
      expect(searchDocument(values)).toBe(chainDocument(values));
    }),
    { numRuns: 10_000 },
  );
});

it('plain text comes back as it is, other text through the chains', () => {
  for (const t of ['张三', 'Zhang San', '上海市浦东新区 100 号', '《合同》、备注。', 'a-b_c.d@qq.com'])
    expect(normaliseText(t)).toBe(t);
  for (const t of [' 张三', '张三 ', '张  三', '张\u3000三', '１３８', '\uFA11', 'e\u0301', '〇\u302B\u302A'])
    expect(normaliseText(t)).toBe(chainText(t));
  expect(foldForMatching('Zhang-San 张三 138')).toBe('zhangsan张三138');
  expect(foldForMatching('Ålesund ÄÖ')).toBe('ålesundäö');
});
