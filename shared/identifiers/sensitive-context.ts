// Keyword detector for sensitive personal information in free text (PIPL Art. 28): which categories
// a note or field touches, so the wizard can label the record. A hint for a person to confirm, not a
// classifier: "诊所" in a note does not prove a health record, but it is worth a look.
import { toHalfWidth } from '../normalise/text';

export type SensitiveCategory =
  // The seven classes of PIPL Art. 28 (and TC260-PG-20244A / GB/T 45574-2025):
  | 'biometric'
  | 'religion'
  | 'specific-identity'
  | 'health'
  | 'financial'
  /** Whereabouts and tracks (行踪轨迹), precise location. */
  | 'location'
  | 'minor'
  // GB/T 35273-2020 Annex B adds:
  | 'identity-document'
  | 'credentials'
  | 'communications'
  | 'sex-life'
  | 'criminal-record'
  | 'marital-history'
  // GDPR Art. 9 and CCPA add:
  | 'ethnicity'
  | 'political'
  | 'trade-union';

/** The categories PIPL Art. 28 itself names; the rest come from the standards, GDPR and CCPA. */
export const PIPL_SENSITIVE: ReadonlySet<SensitiveCategory> = new Set<SensitiveCategory>([
  'biometric',
  'religion',
  'specific-identity',
  'health',
  'financial',
  'location',
  'minor',
]);

/**
 * Multi-character words only: single characters (孕, 药, 教) match far too much ordinary text. Latin
 * words match whole words, case-insensitively; bare PIN is left out, as it is also a pinyin syllable
 * in names (Li Pin). Traditional forms are listed where they differ, since Hong Kong and Taiwan
 * customers write them.
 */
const KEYWORDS: Readonly<Record<SensitiveCategory, readonly string[]>> = {
  biometric: [
    '指纹',
    '指紋',
    '人脸',
    '人臉',
    '面部识别',
    '面部特征',
    '刷脸',
    '虹膜',
    '声纹',
    '聲紋',
    '掌纹',
    '掌静脉',
    '指静脉',
    '耳廓',
    '步态',
    // GB/T 35273 Annex B lists genes with the biometrics; GDPR keeps "genetic" apart.
    '基因',
    'DNA',
    'fingerprint',
    'face id',
    'facial recognition',
    'iris scan',
    'voiceprint',
    'biometric',
    'genetic',
  ],
  religion: [
    '宗教',
    '信仰',
    '佛教',
    '基督教',
    '基督徒',
    '天主教',
    '伊斯兰',
    '穆斯林',
    '道教',
    '教会',
    '教會',
    '清真',
    '礼拜',
    '受洗',
    '斋戒',
    '齋戒',
    'religion',
    'religious',
    'church',
    'mosque',
    'halal',
    'kosher',
  ],
  'specific-identity': [
    '残疾',
    '殘疾',
    '残障',
    '残疾证',
    '低保',
    '特困',
    '聋哑',
    '盲人',
    'disability',
    'disabled',
  ],
  health: [
    '病历',
    '病歷',
    '诊断',
    '診斷',
    '病史',
    '病情',
    '疾病',
    '处方',
    '處方',
    '用药',
    '過敏',
    '过敏',
    '体检',
    '體檢',
    '化验',
    '检查报告',
    '检验报告',
    '住院',
    '门诊',
    '門診',
    '手术',
    '手術',
    '怀孕',
    '懷孕',
    '孕妇',
    '孕期',
    '妊娠',
    '哺乳期',
    '艾滋',
    '乙肝',
    '糖尿病',
    '高血压',
    '抑郁',
    '精神病',
    '心理咨询',
    '医院',
    '醫院',
    '诊所',
    '診所',
    '药店',
    '藥房',
    '家族史',
    '医保',
    'HIV',
    'diagnosis',
    'diagnosed',
    'medical',
    'prescription',
    'allergy',
    'allergic',
    'pregnant',
    'pregnancy',
    'hospital',
    'clinic',
    'pharmacy',
  ],
  financial: [
    '银行卡',
    '銀行卡',
    '银行账户',
    '银行账号',
    '卡号',
    '账号',
    '帳號',
    '开户行',
    '存款',
    '余额',
    '贷款',
    '貸款',
    '信贷',
    '征信',
    '徵信',
    '信用记录',
    '交易记录',
    // Not bare 流水: 流水号 (a serial number) is in nearly every export.
    '银行流水',
    '支付记录',
    '房产',
    '不动产',
    '虚拟资产',
    '数字货币',
    '理财',
    '工资',
    '薪资',
    '收入',
    '欠款',
    '负债',
    '逾期',
    'bank account',
    'account number',
    'credit card',
    'loan',
    'salary',
    'balance',
    'IBAN',
  ],
  location: [
    '行踪',
    '行蹤',
    '轨迹',
    '軌跡',
    '定位',
    '经纬度',
    '經緯度',
    '坐标',
    '实时位置',
    '住宿记录',
    '入住记录',
    '开房记录',
    '出行记录',
    '行程',
    'GPS',
    'geolocation',
    'latitude',
    'longitude',
    'whereabouts',
  ],
  minor: [
    '未成年',
    '儿童',
    '兒童',
    '幼儿',
    '幼兒',
    '婴儿',
    '嬰兒',
    '宝宝',
    '寶寶',
    '孩子',
    '小孩',
    '小朋友',
    '幼儿园',
    '幼稚园',
    '小学',
    '小學',
    '监护人',
    '監護人',
    '母婴',
    '童装',
    'child',
    'children',
    'kid',
    'kids',
    'infant',
    'toddler',
    'guardian',
  ],
  'identity-document': [
    '身份证',
    '身份證',
    '护照',
    '護照',
    '驾驶证',
    '驾照',
    '駕照',
    '军官证',
    '工作证',
    '社保卡',
    '社会保障卡',
    '居住证',
    '通行证',
    '通行證',
    '回乡证',
    '台胞证',
    'passport',
    'id card',
    "driver's licence",
    "driver's license",
    'driving licence',
  ],
  credentials: [
    '密码',
    '密碼',
    '口令',
    '验证码',
    '驗證碼',
    '密保',
    '安全问题',
    '数字证书',
    'U盾',
    'password',
    'passcode',
    'PIN code',
    'security question',
  ],
  communications: [
    '聊天记录',
    '通话记录',
    '通話記錄',
    '短信内容',
    '通讯录',
    '通訊錄',
    '好友列表',
    '浏览记录',
    'chat log',
    'call log',
  ],
  'sex-life': [
    '性取向',
    '同性恋',
    '同性戀',
    '性生活',
    '性伴侣',
    '性病',
    '跨性别',
    'LGBT',
    'sexual orientation',
    'sex life',
  ],
  'criminal-record': [
    '犯罪',
    '前科',
    '刑事',
    '服刑',
    '刑满释放',
    '判刑',
    '拘留',
    '违法记录',
    'criminal record',
    'conviction',
  ],
  'marital-history': ['婚史', '离婚', '離婚', '婚姻状况', '再婚', 'divorce', 'marital status'],
  // Bare 民族 is also a street name (民族路, 民族大道); the form label "民族：" is what marks a record.
  ethnicity: ['民族:', '种族', '種族', '族裔', '少数民族', 'ethnicity', 'ethnic', 'racial'],
  political: ['政治面貌', '党员', '黨員', '政党', 'political opinion', 'political party'],
  'trade-union': ['工会', '工會', 'trade union', 'union member'],
};

/** Ages under 14 written out: "8岁", "12 周岁", "6-year-old", "10 years old". */
const YOUNG_AGE = /(?<!\d)(\d{1,2})\s*(?:周岁|岁|歲|[- ]?years?[- ]old)(?![a-z])/gi;

export interface SensitiveHit {
  category: SensitiveCategory;
  /** UTF-16 offsets into the text as given; no text is kept, so hits may be counted in logs. */
  start: number;
  end: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS = (Object.entries(KEYWORDS) as [SensitiveCategory, readonly string[]][]).map(
  ([category, words]) =>
    [
      category,
      new RegExp(
        [...words]
          .sort((a, b) => b.length - a.length)
          .map((w) => (/^[\x20-\x7e]+$/.test(w) ? `(?<![A-Za-z])${escape(w)}(?![A-Za-z])` : escape(w)))
          .join('|'),
        'gi',
      ),
    ] as const,
);

/** Every keyword hit, in text order; one word may be a hit for two categories (卡号: financial). */
export function findSensitiveContext(text: string): SensitiveHit[] {
  const scan = toHalfWidth(text); // same length, so spans carry over
  const hits: SensitiveHit[] = [];
  for (const [category, pattern] of PATTERNS) {
    for (const m of scan.matchAll(pattern))
      hits.push({ category, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of scan.matchAll(YOUNG_AGE)) {
    if (+m[1] < 14) hits.push({ category: 'minor', start: m.index!, end: m.index! + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The distinct categories a text touches, in the order of the SensitiveCategory type. */
export function sensitiveCategories(text: string): SensitiveCategory[] {
  const seen = new Set(findSensitiveContext(text).map((h) => h.category));
  return (Object.keys(KEYWORDS) as SensitiveCategory[]).filter((c) => seen.has(c));
}
