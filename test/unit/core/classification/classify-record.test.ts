// The classification rules on clear examples: type, region, category, sensitive, minor, stale,
// completeness, and overrides winning over the rules.
import {
  classifyRecord,
  compileRules,
  isUnder,
  type RecordFacts,
} from '../../../../electron/core/classification/classify-record';
import { withOverrides } from '../../../../electron/core/classification/classify';
import {
  countryFromAddress,
  countryFromResidentId,
  countryFromText,
} from '../../../../electron/core/classification/region';
import { creditCodeCheckChar } from '../../../../shared/identifiers/credit-code';
import { residentIdCheckChar } from '../../../../shared/identifiers/resident-id';
import { DEFAULT_RULES } from '../../../../shared/classification/default-rules';
import { rulesSchema } from '../../../../shared/classification/rules';
import { applyOverrideChange } from '../../../../shared/classification/overrides';

const TODAY = '2025-06-30';
const rules = compileRules(DEFAULT_RULES);
const id = (first17: string) => first17 + residentIdCheckChar(first17);
const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

const ADULT_ID = id('11010519800101001'); // born 1980-01-01
const CHILD_ID = id('44030520150701002'); // born 2015-07-01: 9 on TODAY
const HK_PERMIT = id('81000019900101003');
const VALID_CREDIT = credit('91440300MA5F00000');

function facts(over: Partial<RecordFacts> = {}): RecordFacts {
  return {
    name: null,
    organisation: null,
    customerType: null,
    phone: null,
    phoneStatus: 'missing',
    phoneRegion: null,
    email: null,
    emailStatus: 'missing',
    idNumber: null,
    idNumberStatus: 'missing',
    birthDate: null,
    creditCode: null,
    creditCodeStatus: 'missing',
    address: null,
    country: null,
    product: null,
    lastOrderDate: null,
    lifetimeValue: null,
    notes: null,
    extra: {},
    ...over,
  };
}
const classify = (over: Partial<RecordFacts>) => classifyRecord(facts(over), rules, TODAY);

describe('default rules', () => {
  it('are valid rules', () => {
    expect(rulesSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });
  it('refuse a category named like the unmatched bucket and duplicate names', () => {
    const bad = { ...DEFAULT_RULES, categories: [{ name: 'unmatched', keywords: ['x'] }] };
    expect(rulesSchema.safeParse(bad).success).toBe(false);
    const twice = {
      ...DEFAULT_RULES,
      categories: [DEFAULT_RULES.categories[0], DEFAULT_RULES.categories[0]],
    };
    expect(rulesSchema.safeParse(twice).success).toBe(false);
  });
});

describe('type', () => {
  it('a valid credit code makes a business', () => {
    expect(classify({ name: '张三', creditCode: VALID_CREDIT, creditCodeStatus: 'valid' })).toMatchObject({
      type: 'business',
      typeDoubtful: false,
    });
  });
  it.each([
    '深圳市华鑫商贸有限公司',
    '老王水果店',
    '华美摄影工作室',
    '青山茶叶专业合作社',
    'Acme Trading Ltd.',
    'Foo GmbH',
    'Bar Co., Ltd',
    'ACME INC',
  ])('an organisation marker makes a business: %s', (name) => {
    expect(classify({ name }).type).toBe('business');
  });
  it('Latin markers are whole words: Vincent and Coco are people', () => {
    expect(classify({ name: 'Vincent Coco' }).type).toBe('individual');
    expect(classify({ name: 'Lincoln Corpse' }).type).toBe('individual');
  });
  it('an organisation field makes a business', () => {
    expect(classify({ name: 'Li Wei', organisation: 'Blue Sky' }).type).toBe('business');
  });
  it('a personal name or a resident ID makes an individual; nothing to go on is unknown', () => {
    expect(classify({ name: '张三' })).toMatchObject({ type: 'individual', typeDoubtful: false });
    expect(classify({ idNumber: ADULT_ID, idNumberStatus: 'valid' }).type).toBe('individual');
    expect(classify({ phone: '+8613800000000', phoneStatus: 'valid', phoneRegion: 'CN' }).type).toBe(
      'unknown',
    );
  });
  it('doubtful: an organisation marker with a resident ID, or an invalid credit code only', () => {
    expect(classify({ name: '王氏五金店', idNumber: ADULT_ID, idNumberStatus: 'valid' })).toMatchObject({
      type: 'business',
      typeDoubtful: true,
    });
    expect(
      classify({ name: '李四', creditCode: '91440300MA5F000000', creditCodeStatus: 'invalid' }),
    ).toMatchObject({
      type: 'individual',
      typeDoubtful: true,
    });
  });
});

describe('region', () => {
  it('country names and codes', () => {
    expect(['中国', '中国大陆', 'CN', 'China', 'PRC', '中华人民共和国'].map(countryFromText)).toEqual(
      Array(6).fill('CN'),
    );
    expect(
      ['中国香港', 'Hong Kong SAR, China', 'HK', '澳门', 'Macau', '中国台湾', 'Taiwan, China'].map(
        countryFromText,
      ),
    ).toEqual(['HK', 'HK', 'HK', 'MO', 'MO', 'TW', 'TW']);
    expect(
      ['美国', 'USA', 'United Kingdom', '日本', 'Deutschland', '新加坡', 'Narnia', ''].map(countryFromText),
    ).toEqual(['US', 'US', 'GB', 'JP', 'DE', 'SG', null, null]);
  });
  it('addresses', () => {
    expect(countryFromAddress('广东省深圳市南山区科技路1号')).toBe('CN');
    expect(countryFromAddress('深圳市南山区科技路1号')).toBe('CN');
    expect(countryFromAddress('九龍旺角彌敦道12號3樓A室')).toBe('HK');
    expect(countryFromAddress('Flat A, 3/F, 12 Nathan Road, Hong Kong')).toBe('HK');
    expect(countryFromAddress('澳門新馬路8號')).toBe('MO');
    expect(countryFromAddress('台北市大安区忠孝东路四段12号')).toBe('TW');
    expect(countryFromAddress('浙江省台州市椒江区1号')).toBe('CN');
    expect(countryFromAddress('12 Orchard Road, #3-4, Singapore 238801')).toBe('SG');
    expect(countryFromAddress('東京都新宿区西新宿1-2-3')).toBe('JP');
    expect(countryFromAddress('서울특별시 강남구 테헤란로 1')).toBe('KR');
    expect(countryFromAddress('南山区科技路1号')).toBe(null);
  });
  it('resident IDs: mainland, or the HK / Macao / Taiwan residence permits', () => {
    expect(countryFromResidentId(ADULT_ID)).toBe('CN');
    expect(countryFromResidentId(HK_PERMIT)).toBe('HK');
  });
  it('the country column wins; disagreeing evidence is a conflict, listed', () => {
    const c = classify({
      name: '陈大文',
      country: '香港',
      phone: '+8613800000000',
      phoneStatus: 'valid',
      phoneRegion: 'CN',
    });
    expect(c).toMatchObject({ region: 'hk_mo_tw', regionCountry: 'HK', regionConflict: true });
    expect(c.regionEvidence).toEqual([
      { from: 'country', country: 'HK' },
      { from: 'phone', country: 'CN' },
    ]);
  });
  it('agreeing evidence is no conflict; overseas keeps its country; none is unknown', () => {
    expect(
      classify({ country: '中国', address: '北京市朝阳区1号', idNumber: ADULT_ID, idNumberStatus: 'valid' }),
    ).toMatchObject({ region: 'mainland', regionCountry: 'CN', regionConflict: false });
    expect(classify({ phone: '+6591234567', phoneStatus: 'valid', phoneRegion: 'SG' })).toMatchObject({
      region: 'overseas',
      regionCountry: 'SG',
    });
    expect(classify({ name: 'x' })).toMatchObject({
      region: 'unknown',
      regionCountry: null,
      regionConflict: false,
    });
  });
  it('an invalid phone is no evidence', () => {
    expect(classify({ phone: '123', phoneStatus: 'invalid', phoneRegion: 'US' }).region).toBe('unknown');
  });
});

describe('category', () => {
  it.each([
    ['家电维修', 'repair-maintenance'],
    ['心理咨询', 'health-medical'],
    ['企业咨询服务', 'consulting'],
    ['餐饮储值卡', 'prepaid-membership'],
    ['儿童英语课', 'training'],
    ['软件定制开发', 'software-it'],
    ['Laptop repair', 'repair-maintenance'],
    ['Gift card', 'prepaid-membership'],
    // No keyword of the rules: the built-in taxonomy's category.
    ['办公用品采购', 'office-supplies'],
    ['HP 打印机', 'office-equipment'],
    ['无名商品XYZ', null],
    ['', null],
  ])('%s → %s', (product, category) => {
    expect(classify({ product }).category).toBe(category);
  });
  it('the earliest rule wins wherever its keyword is', () => {
    expect(classify({ product: '美容护理套餐；会员卡' }).category).toBe('prepaid-membership');
  });
  it('Latin keywords are whole words (card is no car, gym is not in gymnasium? it is a word)', () => {
    const r = compileRules({ ...DEFAULT_RULES, categories: [{ name: 'Auto', keywords: ['car'] }] });
    // Not the car rule; the taxonomy files it.
    expect(classifyRecord(facts({ product: 'Gift card' }), r, TODAY).category).toBe('prepaid-membership');
    expect(classifyRecord(facts({ product: 'Car wash' }), r, TODAY).category).toBe('Auto');
  });
});

describe('product rules (the product review)', () => {
  const r = compileRules({
    ...DEFAULT_RULES,
    productRules: [
      { value: '家电维修', category: '生活服务' },
      { value: 'ＨＰ 打印機', category: 'office-supplies' },
      { value: '无名商品XYZ', category: 'gifts-crafts' },
    ],
  });
  it.each([
    ['家电维修', 'local-services'], // beats the keyword rule; 生活服务 is read as the taxonomy's id
    ['hp打印机', 'office-supplies'], // beats the taxonomy; width, case, script and spaces folded
    ['无名商品xyz', 'gifts-crafts'], // files what nothing else knows
    ['家电维修 上门', 'repair-maintenance'], // another value: the rules as before
  ])('%s → %s', (product, category) => {
    expect(classifyRecord(facts({ product }), r, TODAY).category).toBe(category);
  });
});

describe('sensitive, minor', () => {
  it('an ID number is sensitive; an adult is no minor', () => {
    expect(classify({ idNumber: ADULT_ID, idNumberStatus: 'valid' })).toMatchObject({
      sensitive: ['id-number'],
      minor: false,
    });
  });
  it('a child under 14 by the ID is a minor, and sensitive', () => {
    expect(classify({ idNumber: CHILD_ID, idNumberStatus: 'valid' })).toMatchObject({
      sensitive: ['id-number', 'minor'],
      minor: true,
    });
  });
  it('under 14 counts the 14th birthday itself as under', () => {
    expect(isUnder('2011-06-30', 14, TODAY)).toBe(true);
    expect(isUnder('2011-06-29', 14, TODAY)).toBe(false);
    expect(isUnder('2012-02-29', 14, '2026-03-01')).toBe(true);
    expect(isUnder('2012-02-29', 14, '2026-03-02')).toBe(false);
  });
  it('a bank card (Luhn) and keywords in the notes; a health product is not a health record', () => {
    const c = classify({ notes: '退款银行卡：6222021234567890128，病历：高血压', product: '体检套餐' });
    expect(c.sensitive).toEqual(['bank-card', 'financial', 'health']);
    expect(classify({ product: '心理咨询' }).sensitive).toEqual([]);
  });
  it('an ID number in an unmapped column; religion, biometric, location in notes', () => {
    expect(classify({ extra: { 备用证件: `证件 ${ADULT_ID}` } }).sensitive).toEqual(['id-number']);
    expect(classify({ notes: '信仰佛教' }).sensitive).toEqual(['religion']);
    expect(classify({ notes: '已录入指纹用于门禁' }).sensitive).toEqual(['biometric']);
    expect(classify({ notes: '行踪：每周三晚到店' }).sensitive).toEqual(['location']);
    expect(classify({ notes: '学员8岁，家长代办' }).sensitive).toEqual(['minor']);
  });
  it('plain notes are not sensitive', () => {
    for (const notes of [
      '老客户',
      '已退款',
      '要求不要电话营销',
      'VIP "金卡" 客户',
      'Prefers English; call after 6pm',
    ])
      expect(classify({ notes }).sensitive).toEqual([]);
  });
});

describe('stale, completeness', () => {
  it('stale after N years without an order; no date is not stale', () => {
    expect(classify({ lastOrderDate: '2022-06-29' }).stale).toBe(true);
    expect(classify({ lastOrderDate: '2022-06-30' }).stale).toBe(false);
    expect(classify({ lastOrderDate: null }).stale).toBe(false);
    const five = compileRules({ ...DEFAULT_RULES, staleYears: 5 });
    expect(classifyRecord(facts({ lastOrderDate: '2022-06-29' }), five, TODAY).stale).toBe(false);
  });
  it('completeness counts present, valid fields; below the threshold is incomplete', () => {
    const full = classify({
      name: '张三',
      phone: '+8613800000000',
      phoneStatus: 'valid',
      email: 'a@b.cn',
      emailStatus: 'valid',
      address: '北京市朝阳区1号',
      lastOrderDate: '2024-01-01',
    });
    expect(full).toMatchObject({ completeness: 100, incomplete: false });
    const some = classify({
      name: '张三',
      phone: 'x',
      phoneStatus: 'invalid',
      email: 'a@b.cn',
      emailStatus: 'valid',
    });
    expect(some).toMatchObject({ completeness: 40, incomplete: true });
    expect(classify({ name: '张三', email: 'a@b.cn', emailStatus: 'valid', address: '某地' })).toMatchObject({
      completeness: 60,
      incomplete: false,
    });
  });
});

describe('overrides', () => {
  it('win over computed values', () => {
    const c = classify({ name: '张三', country: '中国', product: '会员卡', lastOrderDate: '2010-01-01' });
    const o = withOverrides(c, {
      type: 'business',
      region: 'overseas',
      regionCountry: 'SG',
      category: '软件',
      flags: { stale: false },
    });
    expect(o).toMatchObject({
      type: 'business',
      region: 'overseas',
      regionCountry: 'SG',
      // An override stored with an earlier default name (软件) is read as its taxonomy id; a person's own
      // category as written.
      category: 'software-it',
      stale: false,
    });
    expect(withOverrides(c, { category: '礼品卡' }).category).toBe('礼品卡');
    expect(withOverrides(c, { category: null }).category).toBeNull();
  });
  it('a change sets, clears, or leaves each field', () => {
    const a = applyOverrideChange({}, { type: 'business', category: '', flags: { minor: true } });
    expect(a).toEqual({ type: 'business', category: null, flags: { minor: true } });
    const b = applyOverrideChange(a, { type: null, flags: { minor: null } });
    expect(b).toEqual({ category: null });
  });
});
