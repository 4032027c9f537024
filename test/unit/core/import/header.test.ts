import {
  columnLetter,
  detectHeaderRow,
  headerNames,
  isLabelLike,
} from '../../../../electron/core/import/header';

const rec = (...cells: string[]) => ({ cells });

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%d → %s', (i, letter) => expect(columnLetter(i)).toBe(letter));
});

describe('labels', () => {
  it.each(['客户名称', 'Phone', '国家/地区', 'Unified Social Credit Code', '2024年销售额'])(
    '%s is a label',
    (cell) => expect(isLabelLike(cell)).toBe(true),
  );
  it.each([
    '13800138000',
    '+86 138 0013 8000',
    '2024-05-01',
    '2024年5月1日',
    'a@b.com',
    '¥1,234.00',
    '44010119900101123X',
    '',
  ])('%s is a value', (cell) => expect(isLabelLike(cell)).toBe(false));
});

describe('header row', () => {
  const header = rec('客户名称', '联系电话', '电子邮箱', '地址', '备注');
  const data = rec('张三', '13800138000', 'zs@163.com', '广州市天河区中山路1号', '');

  it('is the first row when the file starts with it', () => {
    expect(detectHeaderRow([header, data, data])).toBe(0);
  });

  it('is found under a merged title, a date line and a blank row', () => {
    expect(
      detectHeaderRow([
        rec('2024年客户名单'),
        rec('导出时间：2024-12-31', '', '操作员：李四'),
        rec(),
        header,
        data,
      ]),
    ).toBe(3);
  });

  it('is absent when the first wide row is data', () => {
    expect(detectHeaderRow([data, data])).toBe(-1);
    expect(detectHeaderRow([rec('13800138000'), rec('13900139000')])).toBe(-1);
  });

  it('may be a single column', () => {
    expect(detectHeaderRow([rec('手机号'), rec('13800138000')])).toBe(0);
  });

  it('needs mostly distinct labels', () => {
    expect(detectHeaderRow([rec('是', '是', '是', '否'), data])).toBe(-1);
  });
});

describe('header names', () => {
  it('trims, fills empty names with the column letter and numbers repeats', () => {
    expect(headerNames([' 姓名 ', '', '电话', '电话', '电话_2', 'a\nb', '', ''])).toEqual([
      '姓名',
      'col_B',
      '电话',
      '电话_2',
      '电话_2_2',
      'a b',
    ]);
  });
});
