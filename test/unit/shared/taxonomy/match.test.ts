// suggestCategory on values as small businesses write them: the rules that decide, and the ambiguous
// cases documented by what the matcher answers.
import { suggestCategory } from '../../../../shared/taxonomy';

const id = (value: string) => suggestCategory(value)?.categoryId ?? null;

describe('suggestCategory', () => {
  it('returns the category, its kind, the deciding term and a confidence', () => {
    expect(suggestCategory('HP LaserJet 1020 打印机')).toEqual({
      categoryId: 'office-equipment',
      kind: 'product',
      term: '打印机',
      role: 'item',
      confidence: 0.9,
    });
    expect(suggestCategory('上门维修')).toMatchObject({ categoryId: 'repair-maintenance', kind: 'service' });
  });

  it.each([
    ['HP LaserJet 1020 打印机', 'office-equipment'],
    ['A4复印纸 70g', 'office-supplies'],
    ['墨盒 803黑', 'office-supplies'],
    ['笔记本电脑 联想小新', 'computers'],
    ['Office 365 年费', 'software-it'],
    ['空调清洗', 'cleaning'],
    ['上门维修', 'repair-maintenance'],
    ['会计培训课程', 'training'],
    ['搬家服务', 'logistics'],
    ['工位出租', 'rental'],
    ['奶茶', 'food-drink'],
    ['iPhone 15 手机壳', 'phones'],
    ['顺丰快递', 'logistics'],
  ])('files %s under %s', (value, expected) => {
    expect(id(value)).toBe(expected);
  });

  it('ignores case, full-width forms and traditional characters', () => {
    expect(id('LAPTOP')).toBe('computers');
    expect(id('ｌａｐｔｏｐ　１４寸')).toBe('computers');
    expect(id('筆記本電腦')).toBe('computers');
    expect(id('印表機')).toBe('office-equipment');
    expect(id('冷氣機 安裝')).toBe('repair-maintenance');
    expect(id('實業有限公司 影印紙')).toBe(null);
  });

  it('ignores digits and model codes: they neither match nor block a term', () => {
    expect(suggestCategory('803黑')).toBeNull();
    expect(suggestCategory('M404dn / LBP2900 / 1020')).toBeNull();
    expect(id('iPhone15')).toBe('phones');
    expect(id('A4纸 500张/包 x5')).toBe('office-supplies');
  });

  it('matches English terms as whole words, plurals included', () => {
    expect(id('printers')).toBe('office-equipment');
    expect(id('batteries')).toBe('groceries');
    expect(id('pink notebook')).toBe('books-stationery'); // not "ink"
    expect(id('Pink')).toBeNull();
    expect(id('open')).toBeNull(); // not "pen"
    expect(id('carpet')).toBe('furniture'); // not "car" or "pet"
  });

  it('answers null for nothing, blanks and words it does not know', () => {
    expect(suggestCategory(null)).toBeNull();
    expect(suggestCategory(undefined)).toBeNull();
    expect(suggestCategory('   ')).toBeNull();
    expect(suggestCategory('见合同附件')).toBeNull();
  });

  describe('when several terms are in the value', () => {
    it('lets the longest term win where terms overlap', () => {
      expect(id('笔记本')).toBe('books-stationery');
      expect(id('笔记本电脑')).toBe('computers');
      expect(id('手机')).toBe('phones');
      expect(id('手机贴膜')).toBe('phones');
      expect(id('维修工具')).toBe('industrial'); // tools, not a repair
      expect(id('出租车')).toBe('travel-hospitality'); // a taxi, not a rental
      expect(id('宠物美容')).toBe('pets');
      expect(id('汽车美容')).toBe('cleaning');
    });

    it('lets a service done to a thing decide over the thing: 维修 of a 空调 is a repair', () => {
      expect(id('空调维修')).toBe('repair-maintenance');
      expect(id('维修空调')).toBe('repair-maintenance');
      expect(id('洗衣机（上门维修）')).toBe('repair-maintenance');
      expect(id('air conditioner repair')).toBe('repair-maintenance');
      expect(id('空调')).toBe('home-appliances');
      expect(id('复印机租赁')).toBe('rental');
      expect(id('健身年卡')).toBe('prepaid-membership'); // a prepaid card the business owes
      expect(id('餐饮储值卡')).toBe('prepaid-membership');
      expect(id('汽车保养')).toBe('repair-maintenance');
      expect(id('英语培训')).toBe('training');
      expect(suggestCategory('空调维修')).toMatchObject({ role: 'action', confidence: 0.9 });
    });

    it('lets a thing beat a brand', () => {
      expect(id('联想 笔记本电脑')).toBe('computers');
      expect(id('佳能 相机')).toBe('consumer-electronics'); // Canon alone means a printer, see below
      expect(id('苹果手机')).toBe('phones');
      expect(id('小米 空气净化器')).toBe('home-appliances');
    });

    it('takes the head noun, which comes last in Chinese and English alike', () => {
      expect(id('打印机墨盒')).toBe('office-supplies');
      expect(id('printer ink cartridge')).toBe('office-supplies');
      expect(id('laptop bag')).toBe('computers');
      expect(id('会计软件')).toBe('software-it');
      expect(id('苹果')).toBe('groceries');
      expect(suggestCategory('打印机墨盒')?.confidence).toBe(0.7); // a rival item lowers it
    });

    it('reads what comes with a thing (含, 送, 免费, incl.) as subordinate, a service too', () => {
      expect(id('空调（含安装）')).toBe('home-appliances');
      expect(id('格力空调 免费安装')).toBe('home-appliances');
      expect(id('奶茶 免费配送')).toBe('food-drink');
      expect(id('Air conditioner incl. installation')).toBe('home-appliances');
      expect(id('送货上门')).toBe('logistics'); // nothing else in it
      expect(id('格力空调（维修）')).toBe('repair-maintenance'); // brackets alone do not subordinate a service
    });

    it('reads what a thing is for, in brackets or after "for" / 适用, as a modifier', () => {
      expect(id('墨盒（适用HP 1020打印机）')).toBe('office-supplies');
      expect(id('墨盒 适用于惠普打印机')).toBe('office-supplies');
      expect(id('toner for HP LaserJet printer')).toBe('office-supplies');
      expect(id('phone case for iPhone 15')).toBe('phones');
      // With nothing else known, the modifier still says where the thing belongs ("case" is no term).
      expect(suggestCategory('case for iPhone 15')).toMatchObject({ categoryId: 'phones', term: 'iphone' });
    });
  });

  describe('brands alone', () => {
    it.each([
      ['联想', 'computers'],
      ['Lenovo', 'computers'],
      ['HP', 'office-equipment'],
      ['惠普', 'office-equipment'],
      ['Canon', 'office-equipment'],
      ['华为', 'phones'],
      ['格力', 'home-appliances'],
      ['顺丰', 'logistics'],
      ['周大福', 'jewellery'],
    ])('files %s under %s, with a brand’s lower confidence', (brand, expected) => {
      expect(suggestCategory(brand)).toMatchObject({ categoryId: expected, role: 'brand', confidence: 0.6 });
    });
  });
});
