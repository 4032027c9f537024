// The one mapper from a customers row to the CustomerRecord every screen, export and script sees.
import type { CustomerRow } from '../../../../electron/core/records/record-view';
import {
  parseExtra,
  parseOverrides,
  parseSensitive,
  toCustomerRecord,
} from '../../../../electron/core/records/record-view';
import { moneyText } from '../../../../shared/customer/columns';

const ROW: CustomerRow = {
  id: 7,
  source_id: 's1',
  source_line: 12,
  source_sheet: null,
  name: '张伟',
  organisation: null,
  customer_type: null,
  phone: '+8613800138000',
  phone_raw: '138-0013-8000',
  phone_status: 'valid',
  phone_region: 'CN',
  phones: null,
  email: null,
  email_status: 'missing',
  wechat: 'wxid_k2j4h5g6f7d8s9',
  wechat_status: 'valid',
  id_number: '11010519491231002X',
  id_number_status: 'legacy',
  birth_date: '1949-12-31',
  credit_code: null,
  credit_code_status: 'missing',
  address: '杭州市西湖区',
  country: '中国',
  product: '会员卡',
  last_order_date: '2020-01-02',
  lifetime_value: 12345,
  currency: 'CNY',
  notes: null,
  extra: '{"会员等级":"金卡","积分":120}',
  type: null,
  type_doubtful: 0,
  region: 'mainland',
  region_country: 'CN',
  region_conflict: 1,
  category: null,
  sensitive: 'id-number,health',
  minor: 0,
  stale: 1,
  formula_like: 0,
  completeness: 75,
  incomplete: 0,
  overrides: '{"region":"mainland"}',
  cluster_id: 3,
  merged_into: null,
  disposition: null,
  disposition_basis: null,
  retain_until: null,
  disposition_recipient: null,
  hidden_characters: 0,
  malformed: null,
};

test('a row becomes the shared view: statuses, flags, unknown for unclassified, extra as text', () => {
  const source = { sourceId: 's1', file: 'a.csv', sheet: null, row: 12 };
  const record = toCustomerRecord(ROW, [source]);
  expect(record).toMatchObject({
    id: 7,
    sources: [source],
    name: '张伟',
    status: { phone: 'valid', email: 'missing', idNumber: 'legacy', creditCode: 'missing' },
    type: 'unknown',
    region: 'mainland',
    regionCountry: 'CN',
    category: null,
    flags: {
      stale: true,
      minor: false,
      sensitive: ['id-number', 'health'],
      formulaLike: false,
      incomplete: false,
      typeDoubtful: false,
      regionConflict: true,
    },
    cluster: 3,
    disposition: null,
    overrides: ['region'],
    extra: { 会员等级: '金卡', 积分: '120' },
    lifetimeValue: 12345,
  });
});

test('stored forms the classifier may choose are all read', () => {
  expect(parseSensitive('')).toEqual([]);
  expect(parseSensitive('["bank-card","bank-card"]')).toEqual(['bank-card']);
  expect(parseSensitive('health, something-new')).toEqual(['health', 'other']);
  expect(parseOverrides('["type"]')).toEqual(['type']);
  expect(parseOverrides('not json')).toEqual([]);
  expect(parseExtra('[1,2]')).toEqual({});
  expect(parseExtra('{"a":null}')).toEqual({ a: '' });
});

test('money in whole minor units is shown in major units', () => {
  expect(moneyText(12345, 'CNY')).toBe('123.45');
  expect(moneyText(-5, 'CNY')).toBe('-0.05');
  expect(moneyText(1200, 'JPY')).toBe('1200');
  expect(moneyText(null, 'CNY')).toBeNull();
});
