// The dates of a closure that the plan counts down to: what each is and the rule it comes from. Shared
// because the Dashboard names a locked vault's next deadline from its registry entry (a kind and a date).
import { bi, type Bilingual } from '../bilingual';

export const KEY_DATE_KINDS = [
  'decision',
  'liquidation-group',
  'creditor-notice',
  'announcement',
  'claims-end',
  'objection-deadline',
  'deregistration',
  'deadline',
  'retention-next',
  'retention-last',
  'evidence-keep-until',
] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

export const KEY_DATE_TEXT: Readonly<Record<KeyDateKind, { label: Bilingual; basis: Bilingual }>> = {
  decision: {
    label: bi('解散（清算）决定', 'Decision to dissolve'),
    basis: bi('保险库详情中的决定日期', "The decision date in the vault's details"),
  },
  'liquidation-group': {
    label: bi('成立清算组', 'Liquidation group formed'),
    basis: bi(
      '《公司法》第二百三十二条：解散事由出现之日起十五日内组成清算组',
      'Company Law Art. 232: within 15 days of the cause of dissolution',
    ),
  },
  'creditor-notice': {
    label: bi('书面通知债权人', 'Creditors notified in writing'),
    basis: bi(
      '《公司法》第二百三十五条：清算组成立之日起十日内通知债权人',
      'Company Law Art. 235: within 10 days of the liquidation group being formed',
    ),
  },
  announcement: {
    label: bi('报纸或公示系统公告', 'Public announcement'),
    basis: bi(
      '《公司法》第二百三十五条：清算组成立之日起六十日内公告',
      'Company Law Art. 235: within 60 days of the liquidation group being formed',
    ),
  },
  'claims-end': {
    label: bi('债权申报期届满（未收到通知者）', "Creditors' claims period ends (creditors not notified)"),
    basis: bi(
      '《公司法》第二百三十五条：未接到通知的债权人自公告之日起四十五日内申报',
      'Company Law Art. 235: 45 days from the announcement for creditors who were not notified',
    ),
  },
  'objection-deadline': {
    label: bi('客户异议期届满', "Customers' objection period ends"),
    basis: bi(
      '移交通知中给客户的异议期限',
      'The objection period given to customers in the handover notices',
    ),
  },
  deregistration: {
    label: bi('注销登记', 'Deregistration'),
    basis: bi('保险库详情中的注销日期', "The deregistration date in the vault's details"),
  },
  deadline: {
    label: bi('善后完成期限', 'Closure deadline'),
    basis: bi('保险库详情中的期限', "The deadline in the vault's details"),
  },
  'retention-next': {
    label: bi('最早一批保留记录到期', 'First retained records reach their end date'),
    basis: bi('处置为“保留”的记录的保留截止日', 'The retain-until dates of RETAIN records'),
  },
  'retention-last': {
    label: bi('最后一批保留记录到期', 'Last retained records reach their end date'),
    basis: bi('处置为“保留”的记录的保留截止日', 'The retain-until dates of RETAIN records'),
  },
  'evidence-keep-until': {
    label: bi('个人信息保护影响评估保存至', 'PIPIA to be kept until'),
    basis: bi(
      '《个人信息保护法》第五十六条：评估报告和处理情况记录至少保存三年',
      'PIPL Art. 56: impact assessment reports and processing records kept at least 3 years',
    ),
  },
};
