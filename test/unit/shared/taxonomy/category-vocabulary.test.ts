// One vocabulary of categories: rules names that mean a taxonomy category are read as its id.
import {
  categoryIdFor,
  categoryValuesFor,
  LEGACY_DEFAULT_CATEGORIES,
} from '../../../../shared/classification/category-vocabulary';
import { DEFAULT_RULES } from '../../../../shared/classification/default-rules';
import { isCategoryId } from '../../../../shared/taxonomy';

describe('category vocabulary', () => {
  it('the default rules file every keyword category under a taxonomy id', () => {
    const names = DEFAULT_RULES.categories.map((c) => c.name);
    expect(names.filter((n) => !isCategoryId(n))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('maps every earlier default name to a taxonomy id', () => {
    for (const id of Object.values(LEGACY_DEFAULT_CATEGORIES)) expect(isCategoryId(id)).toBe(true);
    expect(categoryIdFor('咨询服务')).toBe('consulting');
    expect(categoryIdFor('电子产品')).toBe('consumer-electronics');
    expect(categoryIdFor('生活服务')).toBe('local-services');
  });

  it.each([
    ['consulting', 'consulting'],
    ['办公设备', 'office-equipment'], // the taxonomy's zh name
    ['Office equipment', 'office-equipment'], // its en name
    [' office EQUIPMENT ', 'office-equipment'], // case, spaces and width folded
    ['家用电器', 'home-appliances'],
    ['预付卡', '预付卡'], // a person's own category stays as written
    ['VIP 客户', 'VIP 客户'],
  ])('%s → %s', (name, id) => {
    expect(categoryIdFor(name)).toBe(id);
  });

  it('a filter by any name of a category finds the id and the names older runs stored', () => {
    expect(categoryValuesFor('咨询服务')).toEqual(
      expect.arrayContaining(['consulting', '咨询服务', 'Consulting']),
    );
    expect(categoryValuesFor('Consulting')).toContain('consulting');
    expect(categoryValuesFor('预付卡')).toEqual(['预付卡']);
  });
});
