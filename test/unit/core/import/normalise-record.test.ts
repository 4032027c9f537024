// One source row → the customers columns: the standards' examples (GB 11643 resident ID, GB 32100 credit
// code), E.164 phones, dates, amounts, invalid values kept as written and flagged, and quarantine.
import { normaliseRecord, prepareMapping } from '../../../../electron/core/import/normalise-record';
import type { ColumnMapping } from '../../../../shared/customer';

const MAPPING: ColumnMapping = {
  姓名: 'name',
  公司: 'organisation',
  电话: 'phone',
  邮箱: 'email',
  身份证号: 'idNumber',
  信用代码: 'creditCode',
  地址: 'address',
  国家: 'country',
  产品: 'product',
  最后下单: 'lastOrderDate',
  累计消费: 'lifetimeValue',
  备注: 'notes',
  会员等级: 'extra',
  内部编号: 'skip',
};
const prepared = prepareMapping(MAPPING);
const TODAY = new Date('2026-06-30T00:00:00Z');

const record = (values: Record<string, string>) =>
  normaliseRecord({ line: 2, values, raw: '' }, prepared, { today: TODAY });

describe('normaliseRecord', () => {
  it('normalises a clean row: E.164, lower-case e-mail, GB 11643 ID with birth date, GB 32100 code', () => {
    const { columns, problems, quarantine } = record({
      姓名: ' 张　三 ',
      公司: '杭州示例商贸有限公司',
      电话: '１３８ ００１３ ８０００',
      邮箱: ' ZhangSan@Example.COM ',
      身份证号: '11010519491231002x',
      信用代码: '91350100M000100Y43',
      地址: '浙江省杭州市西湖区文三路１号',
      国家: '中国',
      产品: '年卡',
      最后下单: '2021年3月5日',
      累计消费: '¥1,234.50',
      备注: '老客户',
      会员等级: 'VIP',
      内部编号: 'A-001',
    });
    expect(quarantine).toBeNull();
    expect(problems).toEqual([]);
    expect(columns).toMatchObject({
      name: '张 三',
      organisation: '杭州示例商贸有限公司',
      phone: '+8613800138000',
      phone_raw: '１３８ ００１３ ８０００',
      phone_status: 'valid',
      phone_region: 'CN',
      email: 'zhangsan@example.com',
      email_status: 'valid',
      id_number: '11010519491231002X',
      id_number_status: 'valid',
      birth_date: '1949-12-31',
      credit_code: '91350100M000100Y43',
      credit_code_status: 'valid',
      address: '浙江省杭州市西湖区文三路1号',
      country: '中国',
      product: '年卡',
      last_order_date: '2021-03-05',
      lifetime_value: 123450,
      currency: 'CNY',
      notes: '老客户',
      formula_like: 0,
    });
    expect(JSON.parse(columns.extra)).toEqual({ 会员等级: 'VIP' });
    expect(columns.name_key).toBe('san zhang');
  });

  it('recognises a 15-digit legacy ID as legacy, with its 19xx birth date', () => {
    const { columns } = record({ 姓名: '李四', 身份证号: '110105491231002' });
    expect(columns).toMatchObject({
      id_number_status: 'legacy',
      id_number: '110105491231002',
      birth_date: '1949-12-31',
    });
  });

  it('flags invalid values and keeps them as written, never "fixed"', () => {
    const { columns, problems } = record({
      姓名: '王五',
      电话: '12345678901',
      邮箱: 'wangwu@',
      身份证号: '110105194912310021',
      信用代码: '91350100M000100Y44',
      最后下单: '2021-02-30',
      累计消费: '一千元',
    });
    expect(columns).toMatchObject({
      phone: '12345678901',
      phone_status: 'invalid',
      email: 'wangwu@',
      email_status: 'invalid',
      id_number: '110105194912310021',
      id_number_status: 'invalid',
      birth_date: null,
      credit_code: '91350100M000100Y44',
      credit_code_status: 'invalid',
      last_order_date: null,
      lifetime_value: null,
    });
    expect(problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'phone:not-valid',
      'email:not-an-address',
      'idNumber:checksum',
      'creditCode:checksum',
      'lastOrderDate:no-such-date',
      'lifetimeValue:format',
    ]);
    // What could not be read as a date or an amount stays visible among the extra fields.
    expect(JSON.parse(columns.extra)).toEqual({ 最后下单: '2021-02-30', 累计消费: '一千元' });
  });

  it('reads a date that has no real day, a future birth date and an Excel-mangled ID as invalid', () => {
    expect(record({ 姓名: 'a', 身份证号: '110105202801010012' }).columns.id_number_status).toBe('invalid');
    expect(record({ 姓名: 'a', 身份证号: '1.10105E+17' }).problems).toEqual([
      { field: 'idNumber', status: 'invalid', problem: 'scientific-notation' },
    ]);
  });

  it.each([
    ['2021/3/5', '2021-03-05'],
    ['2021-03-05', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['44260', '2021-03-05'],
  ])('reads the order date %s as %s', (text, iso) => {
    expect(record({ 姓名: 'a', 最后下单: text }).columns.last_order_date).toBe(iso);
  });

  it('reads phones in their forms: +86 / 0086 / landline with area code and extension / labels / overseas', () => {
    const phone = (text: string, 国家 = '') => record({ 姓名: 'a', 电话: text, 国家 }).columns;
    expect(phone('+86 138-0013-8000').phone).toBe('+8613800138000');
    expect(phone('008613800138000').phone).toBe('+8613800138000');
    expect(phone('(+86)13800138000').phone).toBe('+8613800138000');
    expect(phone('手机：13800138000').phone).toBe('+8613800138000');
    expect(phone('13800138000（微信同号）').phone).toBe('+8613800138000');
    expect(phone('010-12345678').phone).toBe('+861012345678');
    expect(phone('0512-86367629-38')).toMatchObject({ phone: '+8651286367629', phone_status: 'valid' });
    expect(phone('+852 9123 4567')).toMatchObject({ phone: '+85291234567', phone_region: 'HK' });
    // Without a country code, the record's country decides; 00 is the international prefix from China.
    expect(phone('0412 345 678', '澳大利亚')).toMatchObject({ phone: '+61412345678', phone_region: 'AU' });
    expect(phone('00886912345678', '台湾')).toMatchObject({ phone: '+886912345678', phone_region: 'TW' });
    // Several numbers: the first is the phone, every number (with extensions) in `phones`.
    expect(phone('13800138000 / 021-61234567转801')).toMatchObject({
      phone: '+8613800138000',
      phone_status: 'valid',
      phones: JSON.stringify([
        ['+8613800138000', null, 'valid'],
        ['+862161234567', '801', 'valid'],
      ]),
    });
    expect(phone('13800138000')).toMatchObject({ phones: null });
    expect(phone('')).toMatchObject({ phone: null, phone_raw: null, phone_status: 'missing' });
  });

  it('reads an amount in minor units with its currency', () => {
    expect(record({ 姓名: 'a', 累计消费: 'HK$1,000' }).columns).toMatchObject({
      lifetime_value: 100000,
      currency: 'HKD',
    });
    expect(record({ 姓名: 'a', 累计消费: '1.2万' }).columns).toMatchObject({ lifetime_value: 1200000 });
  });

  it('flags cells a spreadsheet would run, not numbers that start with + or -', () => {
    expect(record({ 姓名: 'a', 备注: '=HYPERLINK("http://x")' }).columns.formula_like).toBe(1);
    expect(record({ 姓名: 'a', 会员等级: ' @SUM(1)' }).columns.formula_like).toBe(1);
    expect(record({ 姓名: 'a', 地址: "-2+3+cmd|' /C calc'!A0" }).columns.formula_like).toBe(1);
    expect(record({ 姓名: 'a', 电话: '+44 7700 900123', 累计消费: '-12.50' }).columns.formula_like).toBe(0);
  });

  it('name key from the name, else the organisation', () => {
    expect(record({ 公司: 'ACME Ltd' }).columns.name_key).toBe('acme ltd');
    expect(record({ 姓名: '陳大文' }).columns.name_key).toBe('chen dawen');
  });

  it('quarantines a row that names no one, whatever else it holds', () => {
    expect(record({ 地址: '上海市', 备注: '待补充', 会员等级: 'VIP' }).quarantine).toBe(
      'no-identifying-field',
    );
    expect(record({ 邮箱: 'not-an-address' }).quarantine).toBeNull();
    expect(record({ 信用代码: '91350100M000100Y43' }).quarantine).toBeNull();
  });
});
