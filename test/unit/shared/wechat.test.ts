// The WeChat ID (微信号) as Closeout reads it: WeChat's rule for a chosen ID (6–20 characters, a letter
// first, then letters, digits, _ or -), the wxid_ system ID, the mainland mobile number the account is
// bound to (valid, matched like a phone), and anything else kept as written and marked invalid; its
// header synonyms and the import row (its blocking key and points: keys.test.ts, score.test.ts).
import { readWechat, wechatKey } from '../../../shared/customer/fields';
import { fieldForHeader } from '../../../shared/mapping';
import { normaliseRecord, prepareMapping } from '../../../electron/core/import/normalise-record';

describe('readWechat', () => {
  test.each([
    ['zhangsan_88', 'zhangsan_88'],
    ['Li-Na1990', 'Li-Na1990'],
    ['abcdef', 'abcdef'], // 6: the shortest
    ['a2345678901234567890', 'a2345678901234567890'], // 20: the longest
    ['wxid_k2j4h5g6f7d8s9', 'wxid_k2j4h5g6f7d8s9'],
    ['WXID_AB12CD34EF56GH', 'WXID_AB12CD34EF56GH'],
    ['  ｚｈａｎｇｓａｎ＿８８ ', 'zhangsan_88'], // full width and spaces, as pasted
    ['微信：zhangsan_88', 'zhangsan_88'], // a label typed into the cell
    ['微信号 zhangsan_88', 'zhangsan_88'],
    ['WeChat: zhangsan_88', 'zhangsan_88'],
  ])('%s is a WeChat ID', (cell, value) => {
    expect(readWechat(cell)).toEqual({ value, status: 'valid' });
  });

  test.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 13800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['微信：13800138000', '13800138000'],
  ])('the bound mobile number %s is valid, stored as its 11 digits', (cell, value) => {
    expect(readWechat(cell)).toEqual({ value, status: 'valid' });
  });

  test.each([
    ['abcde'], // 5: too short
    ['a23456789012345678901'], // 21: too long
    ['8zhangsan'], // a digit first
    ['_zhangsan'],
    ['zhang.san'], // a dot is not allowed
    ['zhang san'],
    ['张三的微信'],
    ['同手机号'],
    ['zhangsan@qq.com'],
    ['12345678'], // a QQ number is not a WeChat ID
    ['12800138000'], // 11 digits, but no mobile number
    ['wxid_'],
    ['wx zhangsan_88'], // a Latin label needs its colon (wxid_… starts with wx)
  ])('%s is kept as written and marked invalid', (cell) => {
    const read = readWechat(cell);
    expect(read.status).toBe('invalid');
    expect(read.value).toBe(cell.trim());
    expect(read.problem).toMatch(/WeChat ID/);
  });

  test('an empty or blank cell is missing', () => {
    for (const cell of [undefined, '', '   ', '\u200b'])
      expect(readWechat(cell)).toEqual({ value: null, status: 'missing' });
  });
});

describe('wechatKey', () => {
  test('IDs meet without case, the bound number as E.164; no key for an invalid value', () => {
    expect(wechatKey('ZhangSan_88')).toBe('zhangsan_88');
    expect(wechatKey('zhangsan_88')).toBe('zhangsan_88');
    expect(wechatKey('13800138000')).toBe('+8613800138000');
    expect(wechatKey('138-0013-8000')).toBe('+8613800138000');
    expect(wechatKey('同手机号')).toBeNull();
    expect(wechatKey('abc')).toBeNull();
  });
});

test('the headers people give a WeChat column map to it', () => {
  for (const header of [
    '微信',
    '微信号',
    '微信账号',
    'WeChat',
    'WeChat ID',
    'wechat_id',
    'Weixin',
    'wxid',
    '微信 号',
  ])
    expect([header, fieldForHeader(header)]).toEqual([header, 'wechat']);
});

describe('the import row', () => {
  const prepared = prepareMapping({ 姓名: 'name', 微信号: 'wechat' });
  const row = (values: Record<string, string>) => normaliseRecord({ line: 2, values, raw: '' }, prepared);

  test('a valid ID is stored with its status; an invalid one as written, flagged for the preview', () => {
    expect(row({ 姓名: '张三', 微信号: '微信：zhangsan_88' }).columns).toMatchObject({
      wechat: 'zhangsan_88',
      wechat_status: 'valid',
    });
    const bad = row({ 姓名: '张三', 微信号: '张三的微信' });
    expect(bad.columns).toMatchObject({ wechat: '张三的微信', wechat_status: 'invalid' });
    expect(bad.problems).toEqual([expect.objectContaining({ field: 'wechat', status: 'invalid' })]);
    expect(row({ 姓名: '张三', 微信号: '' }).columns).toMatchObject({
      wechat: null,
      wechat_status: 'missing',
    });
  });

  test('a row with only a WeChat ID names someone; an empty one does not', () => {
    expect(row({ 姓名: '', 微信号: 'zhangsan_88' }).quarantine).toBeNull();
    expect(row({ 姓名: '', 微信号: '' }).quarantine).toBe('no-identifying-field');
  });
});
