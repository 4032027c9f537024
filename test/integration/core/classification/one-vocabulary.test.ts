// One vocabulary of categories on a real vault: rules written with the names earlier default rules used
// (咨询服务, 会员储值 …) and the taxonomy's suggestion file consulting in ONE category, its taxonomy id; a
// person's own category name stays as written; the records filter finds a category by id or name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_DEFAULT_CATEGORIES } from '../../../../shared/classification/category-vocabulary';
import { DEFAULT_RULES } from '../../../../shared/classification/default-rules';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(120_000);

const OLD_NAME = new Map(Object.entries(LEGACY_DEFAULT_CATEGORIES).map(([name, id]) => [id, name]));
/** The default rules as an earlier version stored them: categories under their Chinese names. */
const OLD_RULES = {
  ...DEFAULT_RULES,
  categories: [
    { name: '预付卡', keywords: ['礼券'] },
    ...DEFAULT_RULES.categories.map((c) => ({ ...c, name: OLD_NAME.get(c.name) ?? c.name })),
  ],
  productRules: [{ value: '年度顾问包', category: '咨询服务' }],
};

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const count = async (category: string) =>
  unwrap(await v.engine.call('records.query', { limit: 100, filter: { category } })).records.length;

describe('one vocabulary of categories', () => {
  it('old default names and the taxonomy suggestion show ONE category after a run', async () => {
    expect(OLD_RULES.categories.map((c) => c.name)).toContain('咨询服务');
    unwrap(await v.engine.call('classification.saveRules', { rules: OLD_RULES, note: 'old names' }));
    const path = join(v.dir, 'consulting.csv');
    // 顾问费: the keyword rule 咨询服务; 市场调研报告: no keyword, the taxonomy's consulting; 年度顾问包: the
    // person's product rule 咨询服务; 礼券: a person's own category.
    writeFileSync(path, '客户名称,产品\n张三,顾问费\n李四,市场调研报告\n王五,年度顾问包\n赵六,礼券\n');
    unwrap(await v.engine.call('import.run', { inputs: [{ file: { path } }] }));
    unwrap(await v.engine.call('classification.run', {}));
    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats.categories).toEqual({ consulting: 3, 预付卡: 1, unmatched: 0 });
  });

  it('the records filter finds the category by its id, its zh or en name, or an old default name', async () => {
    for (const name of ['consulting', '咨询服务', 'Consulting', 'consulting '])
      expect(await count(name)).toBe(3);
    expect(await count('预付卡')).toBe(1);
    expect(await count('会员储值')).toBe(0);
  });

  it('a category set by hand is stored as the rules store it: a taxonomy name as its id, an own name as typed', async () => {
    const ids = unwrap(
      await v.engine.call('records.query', { limit: 100, filter: { category: '预付卡' } }),
    ).records.map((r) => r.id);
    const others = unwrap(
      await v.engine.call('records.query', { limit: 100, filter: { category: 'consulting' } }),
    ).records.map((r) => r.id);
    // 咨询服务 (an old default name) becomes its id; 礼品 stays.
    unwrap(await v.engine.call('classification.override', { ids: [ids[0]], set: { category: '软件' } }));
    unwrap(await v.engine.call('classification.override', { ids: [others[0]], set: { category: '礼品' } }));
    const stats = unwrap(await v.engine.call('records.stats', {}));
    expect(stats.categories).toEqual({ consulting: 2, 'software-it': 1, 礼品: 1, unmatched: 0 });
    expect(await count('Software and IT services')).toBe(1);
    // Overrides survive a reclassification under the same names.
    unwrap(await v.engine.call('classification.run', {}));
    expect(unwrap(await v.engine.call('records.stats', {})).categories).toEqual(stats.categories);
  });
});
