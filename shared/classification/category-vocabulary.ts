// One vocabulary of product categories: a rules category that names a taxonomy category (its id, its
// Chinese or English name, or a name the default rules used before they held ids) is stored as that id.
import { CATEGORIES, categoryById, isCategoryId } from '../taxonomy';

/** The categories of the default rules before they were taxonomy ids, and the ids they became. */
export const LEGACY_DEFAULT_CATEGORIES: Readonly<Record<string, string>> = {
  会员储值: 'prepaid-membership',
  维修服务: 'repair-maintenance',
  教育培训: 'training',
  健康医疗: 'health-medical',
  美容: 'beauty-care',
  咨询服务: 'consulting',
  软件: 'software-it',
  电子产品: 'consumer-electronics',
  家电: 'home-appliances',
  服装: 'clothing',
  食品: 'groceries',
  生活服务: 'local-services',
};

const foldName = (name: string) => name.normalize('NFKC').trim().toLowerCase();

const BY_NAME = new Map<string, string>([
  ...Object.entries(LEGACY_DEFAULT_CATEGORIES).map(([name, id]) => [foldName(name), id] as const),
  ...CATEGORIES.flatMap((c) => [[foldName(c.zh), c.id] as const, [foldName(c.en), c.id] as const]),
]);

/**
 * The category a rules name stands for: a taxonomy id as it is; a taxonomy category's zh or en name, or
 * an earlier default rules name, as its id; any other (a person's own category) as written.
 */
export function categoryIdFor(name: string): string {
  if (isCategoryId(name)) return name;
  return BY_NAME.get(foldName(name)) ?? name;
}

/** Every stored value that means the category a filter names (the id, and names older runs stored). */
export function categoryValuesFor(name: string): string[] {
  const id = categoryIdFor(name);
  if (!isCategoryId(id)) return [name];
  const c = categoryById(id);
  const legacy = Object.keys(LEGACY_DEFAULT_CATEGORIES).filter((k) => LEGACY_DEFAULT_CATEGORIES[k] === id);
  return [...new Set([id, name, c.zh, c.en, ...legacy])];
}
