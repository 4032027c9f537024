// The taxonomy's data: well-formed categories, every term reaching its own category, no term in two.
import {
  CATEGORIES,
  CATEGORY_IDS,
  foldForTaxonomy,
  suggestCategory,
  taxonomyTerms,
  type CategoryId,
} from '../../../../shared/taxonomy';

const TERMS = [...taxonomyTerms()];
const HAN = /\p{Script=Han}/u;

/** The categories the product needs at least (a small business's catalogue). */
const REQUIRED: readonly CategoryId[] = [
  'office-equipment',
  'office-supplies',
  'computers',
  'phones',
  'home-appliances',
  'furniture',
  'clothing',
  'food-drink',
  'groceries',
  'software-it',
  'repair-maintenance',
  'cleaning',
  'training',
  'consulting',
  'accounting-tax',
  'legal',
  'beauty-care',
  'health-medical',
  'education',
  'logistics',
  'travel-hospitality',
  'rental',
  'real-estate',
  'construction-decoration',
  'printing-advertising',
  'auto',
  'industrial',
  'agriculture',
  'finance-insurance',
  'entertainment',
  'pets',
  'books-stationery',
  'sports',
  'jewellery',
  'baby-kids',
  'other',
];

describe('taxonomy categories', () => {
  it('covers what a small business sells, each id once', () => {
    expect(CATEGORY_IDS).toEqual(expect.arrayContaining([...REQUIRED]));
    expect(new Set(CATEGORY_IDS).size).toBe(CATEGORY_IDS.length);
  });

  it.each(CATEGORIES.map((c) => [c.id, c] as const))(
    '%s has names in both languages and a kind',
    (_id, c) => {
      expect(c.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(c.zh).toMatch(HAN);
      expect(c.en).toMatch(/^[A-Z][A-Za-z ,()]+$/);
      expect(['product', 'service']).toContain(c.kind);
      const terms = TERMS.filter((t) => t.categoryId === c.id);
      expect(terms.length).toBeGreaterThanOrEqual(c.id === 'other' ? 5 : 20);
      // Both languages, so 打印机 and printer land in the same place.
      expect(terms.some((t) => HAN.test(t.term))).toBe(true);
      expect(terms.some((t) => /^[a-z0-9 &.'-]+$/.test(t.term))).toBe(true);
    },
  );

  it('holds hundreds of terms, in both languages', () => {
    expect(TERMS.length).toBeGreaterThan(2000);
    expect(TERMS.filter((t) => HAN.test(t.term)).length).toBeGreaterThan(1000);
    expect(TERMS.filter((t) => !HAN.test(t.term)).length).toBeGreaterThan(1000);
  });

  it('writes every term folded already (lower case, simplified, no stray spaces or digits alone)', () => {
    const unfolded = TERMS.filter(
      (t) => foldForTaxonomy(t.term) !== t.term.replace(/[-']/g, (c) => (c === '-' ? ' ' : '')),
    );
    expect(unfolded.map((t) => t.term)).toEqual([]);
    expect(TERMS.filter((t) => /^\d+$/.test(t.term)).map((t) => t.term)).toEqual([]);
  });

  it('lists no term twice, within a category or across two', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const t of TERMS) {
      const key = foldForTaxonomy(t.term);
      if (seen.has(key)) twice.push(`${t.term} (${seen.get(key)} and ${t.categoryId})`);
      seen.set(key, t.categoryId);
    }
    expect(twice).toEqual([]);
  });

  it('maps every term, alone, to its own category', () => {
    const wrong = TERMS.filter((t) => suggestCategory(t.term)?.categoryId !== t.categoryId).map(
      (t) => `${t.term}: ${t.categoryId} → ${suggestCategory(t.term)?.categoryId ?? 'none'}`,
    );
    expect(wrong).toEqual([]);
  });

  it('maps every term in its traditional and full-width spellings too', async () => {
    const { Converter } = await import('opencc-js');
    const toHongKong = Converter({ from: 'cn', to: 'hk' });
    const toTaiwan = Converter({ from: 'cn', to: 'tw' });
    const fullWidth = (s: string) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
    const wrong: string[] = [];
    for (const t of TERMS) {
      for (const variant of [toHongKong(t.term), toTaiwan(t.term), fullWidth(t.term), t.term.toUpperCase()]) {
        const got = suggestCategory(variant)?.categoryId;
        if (got !== t.categoryId) wrong.push(`${variant}: ${t.categoryId} → ${got ?? 'none'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lands every group of synonyms and translations in one category, whatever its role', () => {
    const groups = new Set(TERMS.map((t) => t.group));
    const bilingual = [...groups].filter((g) => g.some((t) => HAN.test(t)) && g.some((t) => !HAN.test(t)));
    expect(bilingual.length).toBeGreaterThan(300);
    for (const group of groups) {
      const categories = new Set(group.map((t) => suggestCategory(t)?.categoryId));
      expect([group.join(' / '), categories.size]).toEqual([group.join(' / '), 1]);
    }
  });

  it.each([
    ['打印机', 'printer', 'office-equipment'],
    ['笔记本电脑', 'laptop', 'computers'],
    ['复印纸', 'A4 paper', 'office-supplies'],
    ['手机壳', 'phone case', 'phones'],
    ['空调', 'air conditioner', 'home-appliances'],
    ['代理记账', 'bookkeeping', 'accounting-tax'],
    ['快递', 'courier', 'logistics'],
    ['律师费', 'legal fees', 'legal'],
    ['狗粮', 'dog food', 'pets'],
    ['奶粉', 'infant formula', 'baby-kids'],
  ] as const)('%s and %s are both %s', (zh, en, id) => {
    expect(suggestCategory(zh)?.categoryId).toBe(id);
    expect(suggestCategory(en)?.categoryId).toBe(id);
  });
});
