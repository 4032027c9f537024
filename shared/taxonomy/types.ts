// Shapes of the product/service taxonomy: categories with Chinese and English names, and the words a
// small business uses for what it sells. Pure types; the data is in data/*.ts, the matcher in match.ts.

export type CategoryKind = 'product' | 'service';

/** Words for one thing, in any mix of Chinese and English, that a person would file together. */
export type TermGroup = readonly string[];

export interface CategoryData<Id extends string = string> {
  readonly id: Id;
  readonly zh: string;
  readonly en: string;
  readonly kind: CategoryKind;
  /** What is sold, goods or services: each group one thing, in Chinese and English. */
  readonly items: readonly TermGroup[];
  /**
   * Words for a service done to something, which decide the category whatever it is done to:
   * 空调维修 is a repair, not an air conditioner; 健身年卡 is a prepaid card, not sports equipment.
   */
  readonly actions?: readonly TermGroup[];
  /** Brands and makers, each filed under what it most likely means when it stands alone. */
  readonly brands?: readonly TermGroup[];
}

/** How a term decides: an action beats an item, an item beats a brand (see match.ts). */
export type TermRole = 'action' | 'item' | 'brand';

/** Declares a category and keeps its id as a literal type, so the ids form a union the compiler knows. */
export function category<const Id extends string>(data: CategoryData<Id>): CategoryData<Id> {
  return data;
}
