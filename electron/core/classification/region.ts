// Where a customer is, from each piece of evidence a record carries: the country column (Chinese and
// English names, ISO codes), the address (province and city names, Hong Kong / Macao / Taiwan places,
// a few foreign cities and scripts), the phone number's region, a resident ID's area code and a
// mainland credit code. Pure; classify-record.ts weighs the evidence.
import type { Region } from '../../../shared/customer';
import { PROVINCE_NAME } from '../../../shared/customer/provinces';

/** ISO 3166-1 alpha-2 → the three regions Closeout reports on. */
export function regionOf(country: string): Exclude<Region, 'unknown'> {
  if (country === 'CN') return 'mainland';
  if (country === 'HK' || country === 'MO' || country === 'TW') return 'hk_mo_tw';
  return 'overseas';
}

// Hong Kong, Macao and Taiwan are looked for before China, so "中国香港", "Hong Kong SAR, China" and
// "Taiwan, China" name the place they are about, not the country in their suffix.
const SPECIAL: ReadonlyArray<readonly [string, RegExp]> = [
  ['HK', /香港|hong\s*kong|^hk(sar)?$|^hkg$/i],
  ['MO', /澳门|澳門|macao|macau|^mo$|^mac$/i],
  ['TW', /台湾|臺灣|台灣|臺湾|taiwan|^tw$|^twn$|中华民国|中華民國/i],
];

/** Chinese and English names (lower case) and codes of the countries customers' files name most. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  中国: 'CN',
  中国大陆: 'CN',
  中华人民共和国: 'CN',
  中國: 'CN',
  中國大陸: 'CN',
  大陆: 'CN',
  内地: 'CN',
  china: 'CN',
  'mainland china': 'CN',
  prc: 'CN',
  "people's republic of china": 'CN',
  cn: 'CN',
  chn: 'CN',
  美国: 'US',
  美國: 'US',
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  us: 'US',
  america: 'US',
  英国: 'GB',
  英國: 'GB',
  'united kingdom': 'GB',
  uk: 'GB',
  gb: 'GB',
  'great britain': 'GB',
  england: 'GB',
  日本: 'JP',
  japan: 'JP',
  jp: 'JP',
  韩国: 'KR',
  韓國: 'KR',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  kr: 'KR',
  新加坡: 'SG',
  singapore: 'SG',
  sg: 'SG',
  马来西亚: 'MY',
  馬來西亞: 'MY',
  malaysia: 'MY',
  my: 'MY',
  澳大利亚: 'AU',
  澳洲: 'AU',
  澳大利亞: 'AU',
  australia: 'AU',
  au: 'AU',
  加拿大: 'CA',
  canada: 'CA',
  ca: 'CA',
  德国: 'DE',
  德國: 'DE',
  germany: 'DE',
  deutschland: 'DE',
  de: 'DE',
  法国: 'FR',
  法國: 'FR',
  france: 'FR',
  fr: 'FR',
  意大利: 'IT',
  italy: 'IT',
  it: 'IT',
  西班牙: 'ES',
  spain: 'ES',
  es: 'ES',
  荷兰: 'NL',
  netherlands: 'NL',
  nl: 'NL',
  新西兰: 'NZ',
  'new zealand': 'NZ',
  nz: 'NZ',
  泰国: 'TH',
  thailand: 'TH',
  th: 'TH',
  越南: 'VN',
  vietnam: 'VN',
  'viet nam': 'VN',
  vn: 'VN',
  菲律宾: 'PH',
  philippines: 'PH',
  ph: 'PH',
  印度尼西亚: 'ID',
  印尼: 'ID',
  indonesia: 'ID',
  印度: 'IN',
  india: 'IN',
  in: 'IN',
  俄罗斯: 'RU',
  russia: 'RU',
  ru: 'RU',
  阿联酋: 'AE',
  'united arab emirates': 'AE',
  uae: 'AE',
  ae: 'AE',
  瑞士: 'CH',
  switzerland: 'CH',
  ch: 'CH',
  瑞典: 'SE',
  sweden: 'SE',
  se: 'SE',
  爱尔兰: 'IE',
  ireland: 'IE',
  ie: 'IE',
  巴西: 'BR',
  brazil: 'BR',
  br: 'BR',
  墨西哥: 'MX',
  mexico: 'MX',
  mx: 'MX',
};

/** The country a country cell names (ISO alpha-2), or null when it names none Closeout knows. */
export function countryFromText(text: string | null): string | null {
  if (!text) return null;
  const value = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (value === '') return null;
  for (const [iso, pattern] of SPECIAL) if (pattern.test(value)) return iso;
  const key = value.toLowerCase().replace(/\.$/, '');
  return COUNTRY_NAMES[key] ?? COUNTRY_NAMES[key.replace(/\./g, '')] ?? null;
}

const HK_PLACES =
  /香港|九龍|九龙|新界|旺角|尖沙咀|銅鑼灣|铜锣湾|中環|中环|灣仔|湾仔|hong\s*kong|kowloon|new territories/i;
const MO_PLACES = /澳門|澳门|氹仔|路環|路环|macao|macau/i;
const TW_PLACES =
  /台灣|台湾|臺灣|台北市|臺北市|台北|臺北|新北市|台中市|臺中市|台南市|臺南市|高雄|桃園|桃园|新竹|基隆|taiwan|taipei|kaohsiung/i;

/** City then district or county, in simplified characters: 深圳市南山区, 昆山市玉山镇. Taiwan's 區 is traditional. */
const MAINLAND_CITY = /[\u4e00-\u9fa5]{1,6}市[\u4e00-\u9fa5]{1,8}?[区县镇旗]/;

/** Foreign places by name or script: enough for the addresses small businesses' customers give. */
const FOREIGN_PLACES: ReadonlyArray<readonly [string, RegExp]> = [
  ['SG', /singapore|新加坡/i],
  ['MY', /kuala lumpur|malaysia|吉隆坡|马来西亚/i],
  ['JP', /東京都|东京|大阪|tokyo|osaka|japan|[\u3040-\u30ff]/i],
  ['KR', /[\uac00-\ud7af]|seoul|首尔|korea/i],
  ['GB', /\b(?:london|manchester|bristol|united kingdom)\b/i],
  ['FR', /\b(?:paris|france)\b/i],
  ['DE', /\b(?:berlin|münchen|munich|hamburg|deutschland|germany)\b/i],
  ['AU', /\b(?:sydney|melbourne|australia)\b|\bNSW\b/i],
  ['CA', /\b(?:toronto|vancouver|montreal|canada)\b/i],
  ['US', /\b(?:usa|united states)\b/i],
];

/** The country an address is in, or null when it does not say. */
export function countryFromAddress(text: string | null): string | null {
  if (!text) return null;
  const value = text.normalize('NFKC');
  if (HK_PLACES.test(value)) return 'HK';
  if (MO_PLACES.test(value)) return 'MO';
  if (TW_PLACES.test(value)) return 'TW';
  for (const [iso, pattern] of FOREIGN_PLACES) if (pattern.test(value)) return iso;
  if (PROVINCE_NAME.test(value) || MAINLAND_CITY.test(value)) return 'CN';
  return null;
}

/** Area codes 81 / 82 / 83 with 0000 are residence permits of Hong Kong, Macao and Taiwan residents. */
export function countryFromResidentId(id: string | null): string | null {
  if (!id || (id.length !== 18 && id.length !== 15)) return null;
  if (id.length === 18 && id[0] === '9') return null; // a foreigner's permanent residence ID: no home
  if (id.slice(2, 6) === '0000') {
    const area = id.slice(0, 2);
    if (area === '81') return 'HK';
    if (area === '82') return 'MO';
    if (area === '83') return 'TW';
  }
  if (id.startsWith('71')) return 'TW';
  return 'CN';
}
