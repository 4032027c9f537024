// What an analytics table or extract prints for a stored value: provinces and taxonomy categories by name in
// the reader's language, everything else as stored.
import { valueName } from '../../../../shared/analytics/dimensions';

it('names a taxonomy category in the reader’s language and leaves a custom category as written', () => {
  expect(valueName('category', 'consulting', 'zh-CN')).toBe('咨询服务');
  expect(valueName('category', 'consulting', 'en')).toBe('Consulting');
  expect(valueName('category', '自定义类别', 'en')).toBe('自定义类别');
});

it('names a province and leaves other dimensions as stored', () => {
  expect(valueName('province', 'CN-SH', 'zh-CN')).toBe('上海');
  expect(valueName('type', 'business', 'zh-CN')).toBe('business');
});
