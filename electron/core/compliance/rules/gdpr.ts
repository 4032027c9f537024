// GDPR, where EU residents are among the customers: principles, lawful basis, information duties of the
// recipient, erasure, the record of processing, security and testing, breaches, the DPIA.
import { bi } from '../../../../shared/bilingual';
import {
  assessmentApproved,
  auditIntact,
  backupRestorable,
  deletionDone,
  encryption,
  handoverNotices,
  retentionKept,
  ropaCurrent,
  requestsAnswered,
} from './common';
import { incidentsHandled } from './incidents';
import { agree, counted, met, notApplicable, notMet, type Rule } from './rule';

export const GDPR_RULES: readonly Rule[] = [
  {
    id: 'gdpr-5-storage',
    regime: 'gdpr',
    article: 'GDPR Art. 5(1)(e)',
    title: bi(
      '存储限制：不超过必要期限保存可识别数据',
      'Storage limitation: identifiable data kept no longer than necessary',
    ),
    evaluate: (f) => {
      const r = retentionKept(f);
      if (r.status === 'not-met') return r;
      return f.customers.withoutDisposition > 0
        ? notMet(
            `${f.customers.withoutDisposition} 条记录还没有处置决定`,
            `${counted(f.customers.withoutDisposition, 'record')} ${agree(f.customers.withoutDisposition, 'has', 'have')} no disposition yet`,
          )
        : r.status === 'not-applicable'
          ? met('没有保留的记录，每条记录都有处置', 'Nothing is retained and every record has a disposition')
          : r;
    },
  },
  {
    id: 'gdpr-5-integrity',
    regime: 'gdpr',
    article: 'GDPR Art. 5(1)(f), 5(2)',
    title: bi(
      '完整性与保密性，并能证明合规（问责）',
      'Integrity and confidentiality, and able to show it (accountability)',
    ),
    evaluate: (f) => {
      const e = encryption(f);
      return e.status !== 'met' ? e : auditIntact(f);
    },
  },
  {
    id: 'gdpr-6-basis',
    regime: 'gdpr',
    article: 'GDPR Arts. 6, 17(3)(b)',
    title: bi(
      '保留的欧盟居民数据有合法依据（法定义务）',
      'EU residents’ data that is kept has a lawful basis (legal obligation)',
    ),
    evaluate: retentionKept,
  },
  {
    id: 'gdpr-14-information',
    regime: 'gdpr',
    article: 'GDPR Arts. 13(3), 14',
    title: bi(
      '接收方在一个月内向数据主体提供第十四条信息',
      'The recipient gives data subjects the Art. 14 information within one month',
    ),
    evaluate: handoverNotices,
  },
  {
    id: 'gdpr-12-rights',
    regime: 'gdpr',
    article: 'GDPR Arts. 12(3), 15–22',
    title: bi(
      '数据主体的请求在一个月内（或经延长后）答复',
      "Data subjects' requests answered within one month (or the extended period)",
    ),
    evaluate: requestsAnswered('gdpr'),
  },
  {
    id: 'gdpr-17-erasure',
    regime: 'gdpr',
    article: 'GDPR Art. 17',
    title: bi('不再需要的数据已删除', 'Data no longer needed is erased'),
    evaluate: deletionDone,
  },
  {
    id: 'gdpr-30-ropa',
    regime: 'gdpr',
    article: 'GDPR Art. 30',
    title: bi('处理活动记录是最新的', 'The record of processing activities is current'),
    evaluate: ropaCurrent,
  },
  {
    id: 'gdpr-32-encryption',
    regime: 'gdpr',
    article: 'GDPR Art. 32(1)(a)',
    title: bi('个人数据已加密', 'Personal data is encrypted'),
    evaluate: encryption,
  },
  {
    id: 'gdpr-32-restore',
    regime: 'gdpr',
    article: 'GDPR Art. 32(1)(c)–(d)',
    title: bi(
      '能及时恢复可用性，并定期测试',
      'Availability can be restored in a timely manner, and this is tested',
    ),
    evaluate: backupRestorable,
  },
  {
    id: 'gdpr-33-breaches',
    regime: 'gdpr',
    article: 'GDPR Arts. 33–34',
    title: bi(
      '个人数据泄露已记录，需要时 72 小时内通知',
      'Personal data breaches documented and, where needed, notified within 72 hours',
    ),
    evaluate: incidentsHandled(['gdpr']),
  },
  {
    id: 'gdpr-35-dpia',
    regime: 'gdpr',
    article: 'GDPR Art. 35',
    title: bi('高风险处理前完成数据保护影响评估', 'DPIA done before high-risk processing'),
    evaluate: (f) =>
      f.customers.eu === 0
        ? notApplicable('客户中没有欧盟居民', 'No EU residents among the customers')
        : assessmentApproved(f, 'dpia', f.customers.sensitive > 0 || f.customers.dispositions.TRANSFER > 0),
  },
];
