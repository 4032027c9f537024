// The product review: the vault's distinct product/service values (spellings folded together) with their
// counts, current category, the taxonomy's suggestion and the person's rule; and filing values under a
// category as product rules (a new rules version), the vault reclassified under it in one transaction.
import type { OpParsedInput, ProductReview, ProductRulesSaved, ProductValue } from '../../../shared/contract';
import type { ProductRule } from '../../../shared/classification/rules';
import { categoryIdFor } from '../../../shared/classification/category-vocabulary';
import { isCategoryId, suggestCategory } from '../../../shared/taxonomy';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import { productRuleKey } from './product-rule-key';
import { peekRules } from './rules-store';
import { reclassify } from './run-classify';

interface Group {
  spellings: Array<{ value: string; n: number }>;
  records: number;
  unmatched: number;
  byCategory: Map<string, number>;
}

export function listProducts(
  vault: OpenVault,
  input: OpParsedInput<'classification.products'>,
): ProductReview {
  const rows = vault.db
    .prepare(
      `SELECT product, category, COUNT(*) AS n FROM customers
       WHERE merged_into IS NULL AND product IS NOT NULL AND product <> '' GROUP BY product, category`,
    )
    .all() as Array<{ product: string; category: string | null; n: number }>;
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = productRuleKey(r.product);
    if (key === '') continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { spellings: [], records: 0, unmatched: 0, byCategory: new Map() }));
    const spelling = g.spellings.find((s) => s.value === r.product);
    if (spelling) spelling.n += r.n;
    else g.spellings.push({ value: r.product, n: r.n });
    g.records += r.n;
    if (r.category === null) g.unmatched += r.n;
    else g.byCategory.set(r.category, (g.byCategory.get(r.category) ?? 0) + r.n);
  }
  const rules = new Map(
    (peekRules(vault.db).body.productRules ?? []).map((r) => [
      productRuleKey(r.value),
      categoryIdFor(r.category),
    ]),
  );
  let records = 0;
  let unmatched = 0;
  const values: ProductValue[] = [];
  for (const [key, g] of groups) {
    records += g.records;
    unmatched += g.unmatched;
    if (input.unmatchedOnly && g.unmatched === 0) continue;
    const value = g.spellings.reduce((a, b) => (b.n > a.n ? b : a)).value;
    const most = [...g.byCategory].reduce<[string, number] | null>(
      (a, b) => (!a || b[1] > a[1] ? b : a),
      null,
    );
    const suggested = suggestCategory(value);
    values.push({
      value,
      records: g.records,
      spellings: g.spellings.length - 1,
      category: most && most[1] >= g.unmatched ? most[0] : null,
      unmatched: g.unmatched,
      rule: rules.get(key) ?? null,
      suggestion: suggested
        ? { categoryId: suggested.categoryId, kind: suggested.kind, confidence: suggested.confidence }
        : null,
    });
  }
  values.sort((a, b) => b.records - a.records || b.unmatched - a.unmatched || a.value.localeCompare(b.value));
  const distinct = values.length;
  return {
    values: values.slice(0, input.limit),
    distinct: groups.size,
    omitted: Math.max(0, distinct - input.limit),
    records,
    unmatched,
  };
}

export async function fileProducts(
  vault: OpenVault,
  input: OpParsedInput<'classification.fileProducts'>,
  job: JobContext,
): Promise<ProductRulesSaved> {
  const current = peekRules(vault.db).body;
  // A taxonomy category (by id or name) or one the rules know: a typo would start a category of its own.
  const category = input.category === null ? null : categoryIdFor(input.category);
  if (category !== null && !isCategoryId(category) && !current.categories.some((c) => c.name === category))
    throw new EngineError('INVALID_INPUT', { detail: `category: "${category}" is not a known category` });
  const keys = new Set(input.values.map(productRuleKey));
  const kept = (current.productRules ?? []).filter((r) => !keys.has(productRuleKey(r.value)));
  const added: ProductRule[] = [];
  if (category !== null) {
    const seen = new Set<string>();
    for (const value of input.values) {
      const key = productRuleKey(value);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      added.push({ value, category });
    }
  }
  const productRules = [...kept, ...added];
  const result = await reclassify(vault, job, {
    rules: { ...current, productRules },
    note:
      input.note ??
      `product review: ${keys.size} value(s) ${category === null ? 'back to the rules' : `→ ${category}`}`,
    op: 'classification.fileProducts',
  });
  return { version: result.rulesVersion, rules: productRules.length, reclassified: result.classified };
}
