// The taxonomy on the product values the messy-file generator writes as small businesses do (kind 12):
// how many it matches, and how often it agrees with the category a person gave each one.
import { suggestCategory } from '../../../../shared/taxonomy';
import { productPhrases, productValues } from '../../../fixtures/messy';
import { Random } from '../../../fixtures/random';
import { BUSINESS_PRODUCTS, PRODUCTS } from '../../../fixtures/vocabulary';

describe('taxonomy coverage of generated product values', () => {
  const values = [1, 2, 3].flatMap((seed) => productValues(new Random(seed), 2000));
  const results = values.map((v) => ({ ...v, got: suggestCategory(v.value) }));
  const matched = results.filter((r) => r.got !== null);
  const agreeing = matched.filter((r) => r.got!.categoryId === r.categoryId);
  const unmatchedRate = 1 - matched.length / results.length;
  const agreement = agreeing.length / matched.length;

  it('matches at least 90 % of 6 000 values, and agrees with the key on at least 90 % of those', () => {
    console.log(
      `taxonomy coverage: ${results.length} values, ${(unmatchedRate * 100).toFixed(1)} % unmatched, ` +
        `${(agreement * 100).toFixed(1)} % of matched agree with the key`,
    );
    expect(unmatchedRate).toBeLessThanOrEqual(0.1);
    expect(agreement).toBeGreaterThanOrEqual(0.9);
  });

  it('gets the bare phrases right except the few genuinely ambiguous ones, listed here', () => {
    const wrong = productPhrases()
      .filter((p) => suggestCategory(p.value)?.categoryId !== p.categoryId)
      .map((p) => `${p.value} → ${suggestCategory(p.value)?.categoryId ?? 'none'}`);
    // A Kindle's e-books are books; a monthly parking pass is a prepaid card; fitting floors is a service.
    expect(wrong.sort()).toEqual(
      [
        'Kindle 电子书 → books-stationery',
        '停车费 月卡 → prepaid-membership',
        '木地板 安装 → repair-maintenance',
      ].sort(),
    );
  });

  it('files the products of the older customer generator, written apart from the taxonomy, as a person would', () => {
    const expected: Record<string, string> = {
      会员卡: 'prepaid-membership',
      咨询服务: 'consulting',
      家电维修: 'repair-maintenance',
      培训课程: 'training',
      美容护理套餐: 'beauty-care',
      健身年卡: 'prepaid-membership',
      软件订阅: 'software-it',
      装修设计: 'construction-decoration',
      摄影套餐: 'photography-events',
      儿童英语课: 'education',
      宠物美容: 'pets',
      体检套餐: 'health-medical',
      家政服务: 'cleaning',
      汽车保养: 'repair-maintenance',
      留学咨询: 'education',
      餐饮储值卡: 'prepaid-membership',
      洗衣卡: 'prepaid-membership',
      口腔护理: 'health-medical',
      心理咨询: 'health-medical',
      月子中心套餐: 'health-medical',
      企业咨询服务: 'consulting',
      设备维保合同: 'repair-maintenance',
      办公用品采购: 'office-supplies',
      软件定制开发: 'software-it',
      广告投放: 'printing-advertising',
    };
    const products = [...PRODUCTS.items, ...BUSINESS_PRODUCTS.items].map(([name]) => name);
    expect(new Set(products)).toEqual(new Set(Object.keys(expected)));
    for (const name of products)
      expect([name, suggestCategory(name)?.categoryId]).toEqual([name, expected[name]]);
  });
});
