import { normaliseEmail } from '../../../../shared/normalise/email';

const value = (text: string) => {
  const check = normaliseEmail(text);
  return check.status === 'valid'
    ? check.value
    : check.status === 'invalid'
      ? `!${check.problem}`
      : check.status;
};

describe('normaliseEmail', () => {
  test('trims and lower-cases local part and domain', () => {
    expect(value('  Zhang.San@QQ.COM ')).toBe('zhang.san@qq.com');
    expect(normaliseEmail('Li+Shop@Example.CN')).toEqual({
      status: 'valid',
      value: 'li+shop@example.cn',
      local: 'li+shop',
      domain: 'example.cn',
    });
  });

  test('full-width input and ideographic full stops in the domain (UTS #46 label separators)', () => {
    expect(value('ｚｈａｎｇｓａｎ＠１６３．ｃｏｍ')).toBe('zhangsan@163.com');
    expect(value('zhangsan@qq。com')).toBe('zhangsan@qq.com');
  });

  test('internationalised domains and mailboxes are accepted', () => {
    expect(value('info@例子.中国')).toBe('info@例子.中国');
    expect(value('张三@例子.公司')).toBe('张三@例子.公司');
    expect(value('a@xn--fsqu00a.xn--fiqs8s')).toBe('a@xn--fsqu00a.xn--fiqs8s');
  });

  test('missing for empty and whitespace-only cells', () => {
    expect(value('')).toBe('missing');
    expect(value('\u3000 \u200B')).toBe('missing');
    expect(normaliseEmail(null).status).toBe('missing');
  });

  test('plausible but wrong addresses are flagged, not repaired', () => {
    expect(value('zhangsan.qq.com')).toBe('!not-an-address');
    expect(value('zhangsan@')).toBe('!not-an-address');
    expect(value('@qq.com')).toBe('!not-an-address');
    expect(value('a@b@qq.com')).toBe('!not-an-address');
    expect(value('zhang..san@qq.com')).toBe('!local-part');
    expect(value('.zhangsan@qq.com')).toBe('!local-part');
    expect(value('zhang san@qq.com')).toBe('!local-part');
    expect(value('zhangsan@qq')).toBe('!domain');
    expect(value('zhangsan@qq..com')).toBe('!domain');
    expect(value('zhangsan@-qq.com')).toBe('!domain');
    expect(value('zhangsan@1.2.3.4')).toBe('!domain');
    expect(value('a@b.com; c@d.com')).toBe('!multiple');
    expect(value('a@b.com c@d.com')).toBe('!multiple');
    expect(value('"zhang san"@qq.com')).toBe('!unsupported');
    expect(value('a@[192.168.0.1]')).toBe('!unsupported');
    expect(value(`${'a'.repeat(65)}@qq.com`)).toBe('!too-long');
  });
});
