// The taxonomy's categories in one list, their ids as a type, and every term with the role it plays.
import { FOOD_AND_SHOPS } from './data/food-and-shops';
import { foldForTaxonomy } from './fold';
import { HOME_AND_LIVING } from './data/home-and-living';
import { OFFICE_AND_IT } from './data/office-and-it';
import { SERVICES } from './data/services';
import { TRADE_AND_INDUSTRY } from './data/trade-and-industry';
import type { CategoryData, TermGroup, TermRole } from './types';

export const CATEGORIES = [
  ...OFFICE_AND_IT,
  ...HOME_AND_LIVING,
  ...FOOD_AND_SHOPS,
  ...SERVICES,
  ...TRADE_AND_INDUSTRY,
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryId = Category['id'];

export const CATEGORY_IDS: readonly CategoryId[] = CATEGORIES.map((c) => c.id);

const BY_ID = new Map<string, Category>(CATEGORIES.map((c) => [c.id, c]));

export function categoryById(id: CategoryId): Category {
  return BY_ID.get(id)!;
}

export function isCategoryId(value: string): value is CategoryId {
  return BY_ID.has(value);
}

/**
 * What a person reads for a stored category: a taxonomy id in their language (office-equipment →
 * 办公设备), any other category (a rules category's own name) as it is.
 */
export function categoryName(value: string, lang: 'zh' | 'en'): string {
  return isCategoryId(value) ? categoryById(value)[lang] : value;
}

export interface TaxonomyTerm {
  term: string;
  role: TermRole;
  categoryId: CategoryId;
  /** The group the term belongs to: its synonyms and translations. */
  group: TermGroup;
}

/**
 * Every term of the taxonomy, in the order of CATEGORIES. An item that holds one of its category's
 * actions is an action too (上门维修, 空调清洗, 会计培训): it names the service, not the thing.
 */
export function* taxonomyTerms(): Generator<TaxonomyTerm> {
  for (const c of CATEGORIES as readonly CategoryData<CategoryId>[]) {
    const actions = (c.actions ?? []).flat().map(foldForTaxonomy);
    const roleOf = (term: string): TermRole => {
      const key = foldForTaxonomy(term);
      return actions.some((action) => key.includes(action)) ? 'action' : 'item';
    };
    for (const group of c.actions ?? [])
      for (const term of group) yield { term, role: 'action', categoryId: c.id, group };
    for (const group of c.items)
      for (const term of group) yield { term, role: roleOf(term), categoryId: c.id, group };
    for (const group of c.brands ?? [])
      for (const term of group) yield { term, role: 'brand', categoryId: c.id, group };
  }
}
