import {
  findSensitiveContext,
  PIPL_SENSITIVE,
  sensitiveCategories,
} from '../../../../shared/identifiers/sensitive-context';

describe('sensitiveCategories', () => {
  test.each([
    ['患者有糖尿病史，需定期体检', ['health']],
    ['诊断：高血压；处方见附件', ['health']],
    ['Diagnosed with asthma, allergic to penicillin', ['health']],
    ['在XX药店购买，已怀孕', ['health']],
    ['客户是穆斯林，送清真餐', ['religion']],
    ['孩子8岁，在读小学', ['minor']],
    ['6-year-old, mother is the guardian', ['minor']],
    ['母婴会员，宝宝3个月', ['minor']],
    ['银行卡尾号1234，贷款逾期', ['financial']],
    ['GPS 定位：39.9042, 116.4074', ['location']],
    ['行踪轨迹已导出', ['location']],
    ['已录入指纹和人脸', ['biometric']],
    ['持残疾证，享受低保', ['specific-identity']],
    ['身份证复印件、护照照片', ['identity-document']],
    ['登录密码 123456', ['credentials']],
    ['有前科，刑满释放', ['criminal-record']],
    ['民族：回族', ['ethnicity']],
    ['导出了聊天记录和通讯录', ['communications']],
    ['离婚，婚史一次', ['marital-history']],
    ['政治面貌：党员', ['political']],
    ['工会会员', ['trade-union']],
    ['性取向', ['sex-life']],
  ])('%s → %j', (text, categories) => {
    expect(sensitiveCategories(text)).toEqual(categories);
  });

  test('several categories in one note, each once', () => {
    expect(sensitiveCategories('孩子5岁，儿童医院门诊病历；家长银行卡号另附')).toEqual([
      'health',
      'financial',
      'minor',
    ]);
  });

  test('ordinary text stays clean', () => {
    for (const text of [
      '订单备注：尽快发货，谢谢',
      '交易流水号 2021030500001',
      '民族路88号',
      '18岁以上适用',
      'Shopping list: pins, pens, hotel booking',
      'Li Pin, minor changes to the address',
      '',
    ]) {
      expect(sensitiveCategories(text)).toEqual([]);
    }
  });

  test('full-width text and spans into the original', () => {
    const text = 'ＧＰＳ坐标，孩子１０岁';
    const hits = findSensitiveContext(text);
    expect(hits.map((h) => [h.category, text.slice(h.start, h.end)])).toEqual([
      ['location', 'ＧＰＳ'],
      ['location', '坐标'],
      ['minor', '孩子'],
      ['minor', '１０岁'],
    ]);
  });

  test('hits carry categories and positions only', () => {
    for (const hit of findSensitiveContext('诊断：糖尿病'))
      expect(Object.keys(hit).sort()).toEqual(['category', 'end', 'start']);
  });

  test('PIPL Art. 28 names seven categories', () => {
    expect([...PIPL_SENSITIVE].sort()).toEqual(
      ['biometric', 'financial', 'health', 'location', 'minor', 'religion', 'specific-identity'].sort(),
    );
  });
});
