// Category names as a person reads them: a taxonomy id in the window's language, any other category (a
// rules category's own name) as it is; and the categories a value can be filed under, for a Select.
import { CATEGORIES, categoryName } from '../../../shared/taxonomy';
import { currentLang } from '.';

const taxonomyLang = () => (currentLang() === 'zh-CN' ? 'zh' : 'en');

export function categoryLabel(value: string): string {
  return categoryName(value, taxonomyLang());
}

/** The taxonomy's categories, then the other categories in use (the rules' own), in the window's language. */
export function categoryOptions(inUse: readonly string[]): Array<{ value: string; label: string }> {
  const lang = taxonomyLang();
  const taxonomy = CATEGORIES.map((c) => ({ value: c.id as string, label: c[lang] }));
  const ids = new Set(taxonomy.map((o) => o.value));
  const others = [...new Set(inUse)].filter((c) => !ids.has(c)).map((c) => ({ value: c, label: c }));
  return [...taxonomy, ...others];
}
