// The words of the compliance centre that the engine's documents, the CLI and the window all print:
// regimes, item statuses, duties, risk words. Written once, in both languages.
import { bi, type Bilingual } from '../bilingual';
import type { ClosureDuty, ItemStatus, Regime, Risk, RiskStatus } from '../contract';

export const REGIME_TEXT: Readonly<Record<Regime, Bilingual>> = {
  pipl: bi('个人信息保护法', 'PIPL'),
  gdpr: bi('欧盟《通用数据保护条例》', 'GDPR'),
  ccpa: bi('加州消费者隐私法（CCPA/CPRA）', 'CCPA/CPRA'),
  iso27001: bi('ISO/IEC 27001:2022 附录 A', 'ISO/IEC 27001:2022 Annex A'),
  company: bi('公司自定规定', "Company's own rules"),
};

export const ITEM_STATUS_TEXT: Readonly<Record<ItemStatus, Bilingual>> = {
  met: bi('符合', 'Met'),
  'not-met': bi('不符合', 'Not met'),
  'not-applicable': bi('不适用', 'Not applicable'),
  open: bi('待手工回答', 'To answer by hand'),
};

export const DUTY_TEXT: Readonly<Record<ClosureDuty, Bilingual>> = {
  'owner-representative': bi('公司负责人', "The company's representative"),
  liquidator: bi('清算组成员', 'Liquidator'),
  accountant: bi('会计', 'Accountant'),
  'data-officer': bi('个人信息保护负责人', 'Data protection officer'),
  operator: bi('数据处理操作员', 'Data operator'),
  it: bi('信息技术人员', 'IT staff'),
  custodian: bi('注销后资料保管人', 'Custodian of the records after deregistration'),
  auditor: bi('审计员', 'Auditor'),
  other: bi('其他', 'Other'),
};

export const RISK_STATUS_TEXT: Readonly<Record<RiskStatus, Bilingual>> = {
  open: bi('未处理', 'Open'),
  treating: bi('处理中', 'Being treated'),
  accepted: bi('已接受', 'Accepted'),
  closed: bi('已关闭', 'Closed'),
};

export const RISK_CATEGORY_TEXT: Readonly<Record<Risk['category'], Bilingual>> = {
  leakage: bi('泄露', 'Leakage'),
  damage: bi('损毁或丢失', 'Damage or loss'),
  legal: bi('法律风险', 'Legal'),
  other: bi('其他', 'Other'),
};

export const RISK_LEVEL_TEXT: Readonly<Record<Risk['level'], Bilingual>> = {
  low: bi('低', 'Low'),
  medium: bi('中', 'Medium'),
  high: bi('高', 'High'),
};
