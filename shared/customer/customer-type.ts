// What a "customer type" column (客户类型, 类型, 类别, Type, Customer type) says: a person or a business.
// The words are compared folded (case, width, spaces and punctuation ignored); a value none of them
// names says nothing. A sole trader (个体, 个体户, 个体工商户) is registered as a business. Pure.
import { foldForMatching } from '../normalise/text';

const WORDS: Record<'individual' | 'business', readonly string[]> = {
  individual: [
    '个人',
    '个人客户',
    '个人用户',
    '自然人',
    '散客',
    '零售',
    '零售客户',
    '私人',
    '個人',
    'b2c',
    'c',
    'individual',
    'personal',
    'person',
    'private',
    'consumer',
    'retail',
  ],
  business: [
    '企业',
    '企业客户',
    '公司',
    '公司客户',
    '单位',
    '单位客户',
    '机构',
    '法人',
    '团体',
    '个体',
    '个体户',
    '个体工商户',
    '商户',
    '企業',
    '公司行號',
    'b2b',
    'b',
    'business',
    'company',
    'corporate',
    'enterprise',
    'organisation',
    'organization',
    'sole trader',
  ],
};

const BY_FOLDED = new Map<string, 'individual' | 'business'>();
for (const [type, words] of Object.entries(WORDS) as Array<['individual' | 'business', string[]]>)
  for (const word of words) BY_FOLDED.set(foldForMatching(word), type);

/** The type a customer-type cell names, or null when it names none. */
export function customerTypeOf(value: string | null | undefined): 'individual' | 'business' | null {
  if (!value) return null;
  return BY_FOLDED.get(foldForMatching(value)) ?? null;
}

/** Common surnames, simplified and traditional: a name ending in 行 that starts with one is a person's. */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤' +
      '張劉陳楊黃趙吳孫馬鄭謝韓馮鄧蕭許葉魏呂蘇盧蔣龍賀顧龔錢嚴湯羅蔡鍾譚陸範廖賈韋鄒熊邱',
  ),
);
/** Traditional characters of trading-house names (豐, 寶, 貿 …), unusual in a given name. */
const TRADE_HOUSE = /[豐華寶廣國業貿實發電興號]/;

/**
 * A firm by the shape of its name where no marker word says so: a Hong Kong or Taiwan trading house
 * (利豐行, 德昌行, 金寶行) — three characters or more ending in 行, not a surname and a given name
 * (张一行, 林行, 陳志行 are people).
 */
export function firmByShape(name: string | null | undefined): boolean {
  if (!name) return false;
  const chars = Array.from(name.trim());
  if (chars.length < 3 || chars.length > 12 || chars[chars.length - 1] !== '行') return false;
  return !SURNAMES.has(chars[0]) || TRADE_HOUSE.test(chars.slice(1, -1).join(''));
}
