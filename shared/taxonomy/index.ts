// The bilingual product/service taxonomy: categories, their terms, and the matcher.
export {
  CATEGORIES,
  CATEGORY_IDS,
  categoryById,
  categoryName,
  isCategoryId,
  taxonomyTerms,
  type Category,
  type CategoryId,
  type TaxonomyTerm,
} from './categories';
export { foldForTaxonomy } from './fold';
export { suggestCategory, type CategorySuggestion } from './match';
export type { CategoryData, CategoryKind, TermGroup, TermRole } from './types';
