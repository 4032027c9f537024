// The headers and value labels an analytics export prints, in Chinese or English.
import { valueName, type ExtractField } from '../../../shared/analytics/dimensions';

export type Lang = 'zh-CN' | 'en';

const HEADERS: Record<ExtractField | 'count', [string, string]> = {
  type: ['客户类型', 'customer type'],
  province: ['省份或国家/地区', 'province or country'],
  category: ['类别', 'category'],
  period: ['最后下单期间', 'last order period'],
  spend: ['消费区间', 'spend band'],
  disposition: ['处置', 'disposition'],
  age: ['年龄段', 'age band'],
  count: ['人数', 'count'],
};

export const headerOf = (field: ExtractField | 'count', lang: Lang): string =>
  HEADERS[field][lang === 'zh-CN' ? 0 : 1];

/** What an export prints for a suppressed cell. */
export const SUPPRESSED: Record<Lang, string> = { 'zh-CN': '已抑制', en: 'suppressed' };

export const labelOf = valueName;
