// CCPA as amended by the CPRA, and the California Civil Code's disposal rule, where California residents
// are among the customers.
import { bi } from '../../../../shared/bilingual';
import { deletionDone, encryption, requestsAnswered, retentionKept } from './common';
import { noEvidenceYet, notApplicable, type Rule } from './rule';

export const CCPA_RULES: readonly Rule[] = [
  {
    id: 'ccpa-100-retention',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.100(a)(3)',
    title: bi('每类信息的保存期限已确定', 'A retention period is set for each category'),
    evaluate: retentionKept,
  },
  {
    id: 'ccpa-105-deletion',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.105',
    title: bi(
      '应删除的信息已删除（法定保存除外）',
      'What must be deleted is deleted (legal obligations aside)',
    ),
    evaluate: deletionDone,
  },
  {
    id: 'ccpa-120-opt-out',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.120(a)(2), 1798.140',
    title: bi(
      '随资产转移的数据带上消费者此前的拒绝出售选择',
      'Data transferred as an asset carries the consumers’ earlier opt-outs',
    ),
    evaluate: (f) =>
      f.customers.dispositions.TRANSFER === 0
        ? notApplicable('没有处置为“移交”的记录', 'No record is marked TRANSFER')
        : noEvidenceYet(
            '移交清单中的拒绝出售和限制使用标记',
            'opt-out and limit flags in the transfer manifest',
          ),
  },
  {
    id: 'ccpa-130-requests',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.100–1798.130; 11 CCR §7101',
    title: bi(
      '消费者请求在 45 天内答复，记录保存 24 个月',
      'Consumer requests answered within 45 days, records kept 24 months',
    ),
    evaluate: requestsAnswered('ccpa'),
  },
  {
    id: 'ccpa-150-security',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.150, 1798.81.5',
    title: bi('合理的安全措施：数据加密', 'Reasonable security: the data is encrypted'),
    evaluate: encryption,
  },
  {
    id: 'ccpa-81-disposal',
    regime: 'ccpa',
    article: 'Cal. Civ. Code 1798.81',
    title: bi(
      '不再保留的客户记录以不可读的方式处置',
      'Customer records no longer kept are disposed of so they cannot be read',
    ),
    evaluate: deletionDone,
  },
];
