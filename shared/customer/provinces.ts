// Mainland China's provinces and equivalents: the two-digit GB/T 2260 code that opens a resident ID
// number, the ISO 3166-2:CN code, and the names (simplified, with the traditional variants addresses
// use, and English). The one list the region classifier and the analytics read.

export interface Province {
  /** GB/T 2260: the first two digits of a resident ID number. */
  gb: string;
  iso: string;
  zh: string;
  en: string;
  /** How an address may write it: the short name and its traditional variants. */
  names: readonly string[];
}

const p = (gb: string, iso: string, zh: string, en: string, ...variants: string[]): Province => ({
  gb,
  iso,
  zh,
  en,
  names: [zh, ...variants],
});

const PROVINCES: readonly Province[] = [
  p('11', 'CN-BJ', '北京', 'Beijing'),
  p('12', 'CN-TJ', '天津', 'Tianjin'),
  p('13', 'CN-HE', '河北', 'Hebei'),
  p('14', 'CN-SX', '山西', 'Shanxi'),
  p('15', 'CN-NM', '内蒙古', 'Inner Mongolia', '內蒙古'),
  p('21', 'CN-LN', '辽宁', 'Liaoning', '遼寧'),
  p('22', 'CN-JL', '吉林', 'Jilin'),
  p('23', 'CN-HL', '黑龙江', 'Heilongjiang', '黑龍江'),
  p('31', 'CN-SH', '上海', 'Shanghai'),
  p('32', 'CN-JS', '江苏', 'Jiangsu', '江蘇'),
  p('33', 'CN-ZJ', '浙江', 'Zhejiang'),
  p('34', 'CN-AH', '安徽', 'Anhui'),
  p('35', 'CN-FJ', '福建', 'Fujian'),
  p('36', 'CN-JX', '江西', 'Jiangxi'),
  p('37', 'CN-SD', '山东', 'Shandong', '山東'),
  p('41', 'CN-HA', '河南', 'Henan'),
  p('42', 'CN-HB', '湖北', 'Hubei'),
  p('43', 'CN-HN', '湖南', 'Hunan'),
  p('44', 'CN-GD', '广东', 'Guangdong', '廣東'),
  p('45', 'CN-GX', '广西', 'Guangxi', '廣西'),
  p('46', 'CN-HI', '海南', 'Hainan'),
  p('50', 'CN-CQ', '重庆', 'Chongqing', '重慶'),
  p('51', 'CN-SC', '四川', 'Sichuan'),
  p('52', 'CN-GZ', '贵州', 'Guizhou', '貴州'),
  p('53', 'CN-YN', '云南', 'Yunnan', '雲南'),
  p('54', 'CN-XZ', '西藏', 'Tibet'),
  p('61', 'CN-SN', '陕西', 'Shaanxi', '陝西'),
  p('62', 'CN-GS', '甘肃', 'Gansu', '甘肅'),
  p('63', 'CN-QH', '青海', 'Qinghai'),
  p('64', 'CN-NX', '宁夏', 'Ningxia', '寧夏'),
  p('65', 'CN-XJ', '新疆', 'Xinjiang'),
];

/** Any province name an address may carry (simplified or traditional). */
export const PROVINCE_NAME = new RegExp(PROVINCES.flatMap((v) => v.names).join('|'));

const byName = new Map(PROVINCES.flatMap((v) => v.names.map((n) => [n, v] as const)));
const byGb = new Map(PROVINCES.map((v) => [v.gb, v]));
export const provinceByIso = new Map(PROVINCES.map((v) => [v.iso, v]));

/** The province an address names first, or null. */
export function provinceOfAddress(address: string | null): Province | null {
  if (!address) return null;
  const match = PROVINCE_NAME.exec(address.normalize('NFKC'));
  return match ? (byName.get(match[0]) ?? null) : null;
}

/** The province a mainland resident ID number was issued in (its first two digits), or null. */
export const provinceOfResidentId = (id: string | null): Province | null =>
  id && /^\d{2}/.test(id) ? (byGb.get(id.slice(0, 2)) ?? null) : null;
