// Name keys for duplicate blocking: 陳大文, 陈大文 and 陈 大文 get the same keys, and so do
// "Smith, John" and "JOHN SMITH". Keys group candidates for a person to compare; they never decide.
import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { normaliseText } from './text';

type NameScript = 'han' | 'latin' | 'mixed' | 'other';

export interface NameKeys {
  script: NameScript;
  /** The name for display: normalised text, with spaces between Chinese characters removed. */
  display: string;
  /** The Chinese characters in simplified form, nothing else: '陈大文'. Empty when there are none. */
  simplified: string;
  /** Toneless pinyin of those characters, surname readings, no spaces: '单田芳' → 'shantianfang'. */
  pinyin: string;
  /**
   * Lower-case tokens without diacritics, sorted, space-separated. Chinese characters contribute their
   * pinyin as surname + given name, so 欧阳娜娜 and "Nana Ouyang" share 'nana ouyang'.
   */
  tokens: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// People pad two-character names to line up with three-character ones (张  三): the space means nothing.
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** The common two-character surnames; pinyin-pro reads them right, but does not say where they end. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '轩辕',
  '令狐',
  '独孤',
  '南宫',
  '西门',
  '端木',
  '百里',
  '呼延',
  '完颜',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '闻人',
  '赫连',
  '万俟',
  '钟离',
  '宗政',
  '濮阳',
  '淳于',
  '单于',
  '拓跋',
]);

// Hong Kong's dictionary rather than Taiwan's: it maps the HK variants common in names (衞 → 卫) and
// leaves 著 alone, where the Taiwan one turns it into 着. Built on first use: it takes ~30 ms.
let toSimplifiedConverter: ((text: string) => string) | null = null;

/** Traditional (and Hong Kong variant) characters → simplified; other text unchanged. */
export function toSimplified(text: string): string {
  toSimplifiedConverter ??= Converter({ from: 'hk', to: 'cn' });
  return toSimplifiedConverter(text);
}

/** Toneless pinyin syllables of the Chinese characters in `text`, ü written v, surname readings first. */
function pinyinSyllables(text: string): string[] {
  const han = (text.match(HAN_RUN) ?? []).join('');
  if (han === '') return [];
  return pinyin(toSimplified(han), {
    toneType: 'none',
    surname: 'head',
    type: 'array',
    v: true,
    nonZh: 'removed',
  });
}

/** 'chendawen' */
export function pinyinKey(text: string): string {
  return pinyinSyllables(text).join('');
}

/** Lower case, Latin diacritics removed, apostrophes dropped (O'Brien), other punctuation splits, sorted. */
export function latinNameKey(text: string): string {
  return latinTokens(text).sort().join(' ');
}

export function nameKeys(name: string): NameKeys | null {
  const display = normaliseText(name).replace(SPACE_BETWEEN_HAN, '');
  if (display === '') return null;
  const simplified = toSimplified((display.match(HAN_RUN) ?? []).join(''));
  const rest = display.replace(HAN_RUN, ' ');
  const others = latinTokens(rest);
  const syllables = pinyinSyllables(simplified);
  const surnameLength = COMPOUND_SURNAMES.has(simplified.slice(0, 2)) ? 2 : 1;
  const hanTokens =
    syllables.length === 0
      ? []
      : syllables.length <= surnameLength
        ? [syllables.join('')]
        : [syllables.slice(0, surnameLength).join(''), syllables.slice(surnameLength).join('')];
  return {
    script: scriptOf(simplified !== '', rest),
    display,
    simplified,
    pinyin: syllables.join(''),
    tokens: [...hanTokens, ...others].sort().join(' '),
  };
}

/** Diacritics come off Latin letters only: in Cyrillic й is its own letter, not и with a mark. */
function latinTokens(text: string): string[] {
  return normaliseText(text)
    .normalize('NFD')
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '' && !HAN.test(token));
}

function scriptOf(hasHan: boolean, rest: string): NameScript {
  const hasLatin = /\p{Script=Latin}/u.test(rest);
  const hasOther = /[^\p{Script=Latin}\p{Script=Han}\P{L}]/u.test(rest);
  if (hasHan) return hasLatin || hasOther ? 'mixed' : 'han';
  if (hasLatin) return hasOther ? 'mixed' : 'latin';
  return 'other';
}
