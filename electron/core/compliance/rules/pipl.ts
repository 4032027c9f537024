// PIPL (个人信息保护法), chapters II–V as they apply to a closure: the legal basis of what is kept, telling
// people about the recipient, sensitive PI and minors, cross-border provision, deletion on closure,
// security measures, audits, impact assessments, incidents.
import { bi } from '../../../../shared/bilingual';
import {
  accessControl,
  auditIntact,
  classified,
  consentsForTransfers,
  deletionDone,
  encryption,
  handoverNotices,
  pipiaDone,
  retentionKept,
  trainingDone,
  requestsAnswered,
} from './common';
import { incidentPlan, incidentsHandled } from './incidents';
import type { ClosureFacts } from '../facts';
import { counted, met, noEvidenceYet, notApplicable, notMet, type Evaluation, type Rule } from './rule';

export const PIPL_RULES: readonly Rule[] = [
  {
    id: 'pipl-13-basis',
    regime: 'pipl',
    article: 'PIPL Art. 13(1)(3)',
    title: bi(
      '闭业后保留的信息都有法定依据（履行法定义务）',
      'What is kept after closure rests on a legal duty',
    ),
    evaluate: retentionKept,
  },
  {
    id: 'pipl-17-notice',
    regime: 'pipl',
    article: 'PIPL Arts. 17, 22',
    title: bi(
      '已告知个人接收方名称、联系方式、保存期限和行权方式',
      'Individuals told the recipient’s name and contact, the retention period and how to exercise their rights',
    ),
    evaluate: handoverNotices,
  },
  {
    id: 'pipl-23-route',
    regime: 'pipl',
    article: 'PIPL Arts. 22–23',
    title: bi(
      '移交路径已确定：业务承继（第二十二条告知）或向他人提供（第二十三条单独同意）',
      'The route of the transfer is decided: succession (Art. 22 notice) or provision to another processor (Art. 23 separate consent)',
    ),
    evaluate: (f) =>
      f.customers.dispositions.TRANSFER === 0
        ? notApplicable('没有处置为“移交”的记录', 'No record is marked TRANSFER')
        : f.customers.transferNoRecipient > 0
          ? notMet(
              `${f.customers.transferNoRecipient} 条移交记录没有指明接收方`,
              `${f.customers.transferNoRecipient} TRANSFER records name no recipient`,
            )
          : f.handover
            ? handoverRoutes(f.handover)
            : noEvidenceYet('移交路径及其理由', 'the handover route and its reasoning'),
  },
  {
    id: 'pipl-28-sensitive',
    regime: 'pipl',
    article: 'PIPL Arts. 28, 51(2)',
    title: bi(
      '敏感个人信息已识别并分类管理',
      'Sensitive personal information is identified and managed by class',
    ),
    evaluate: classified,
  },
  {
    id: 'pipl-29-separate',
    regime: 'pipl',
    article: 'PIPL Arts. 29–30',
    title: bi(
      '敏感个人信息单独处理，移交前取得单独同意',
      'Sensitive personal information handled separately, with separate consent before any transfer',
    ),
    evaluate: (f) => consentsForTransfers(f, 'sensitive'),
  },
  {
    id: 'pipl-31-minors',
    regime: 'pipl',
    article: 'PIPL Art. 31',
    title: bi(
      '不满十四周岁未成年人的信息移交前取得监护人同意',
      'Guardian consent before any transfer of a minor’s (under 14) information',
    ),
    evaluate: (f) => consentsForTransfers(f, 'minors'),
  },
  {
    id: 'pipl-38-cross-border',
    regime: 'pipl',
    article: 'PIPL Arts. 38–39',
    title: bi(
      '向境外提供有合法途径并单独告知、取得单独同意',
      'Provision abroad has a lawful route, separate notice and separate consent',
    ),
    evaluate: (f) => {
      if (f.customers.dispositions.TRANSFER === 0)
        return notApplicable('没有处置为“移交”的记录', 'No record is marked TRANSFER');
      if (!f.handover) return noEvidenceYet('接收方所在地', 'where recipients are');
      const h = f.handover;
      if (h.crossBorderRecipients === 0)
        return notApplicable('所有接收方都在境内', 'Every recipient is in mainland China');
      return h.crossBorderWithRoute === h.crossBorderRecipients
        ? met(
            `${h.crossBorderRecipients} 个境外接收方都记录了合法途径`,
            `A lawful route is recorded for all ${h.crossBorderRecipients} recipients abroad`,
          )
        : notMet(
            `${h.crossBorderRecipients - h.crossBorderWithRoute} 个境外接收方没有合法途径`,
            `${h.crossBorderRecipients - h.crossBorderWithRoute} recipients abroad have no lawful route`,
          );
    },
  },
  {
    id: 'pipl-44-50-rights',
    regime: 'pipl',
    article: 'PIPL Arts. 44–50',
    title: bi(
      '个人查阅、复制、更正、删除等请求及时受理和答复',
      "Individuals' requests (access, copy, correction, deletion…) handled and answered in time",
    ),
    evaluate: requestsAnswered('pipl'),
  },
  {
    id: 'pipl-47-deletion',
    regime: 'pipl',
    article: 'PIPL Art. 47(1)(2)',
    title: bi(
      '停止提供产品或服务后主动删除（每条记录都有处置，销毁的已删除）',
      'Deletion on closure: every record has a disposition and those to destroy are deleted',
    ),
    evaluate: deletionDone,
  },
  {
    id: 'pipl-51-encryption',
    regime: 'pipl',
    article: 'PIPL Art. 51(3)',
    title: bi('采取加密等安全技术措施', 'Encryption and other security measures'),
    evaluate: encryption,
  },
  {
    id: 'pipl-51-access',
    regime: 'pipl',
    article: 'PIPL Art. 51(4)',
    title: bi('合理确定操作权限', 'Access rights set by role'),
    evaluate: accessControl,
  },
  {
    id: 'pipl-51-training',
    regime: 'pipl',
    article: 'PIPL Art. 51(4)',
    title: bi('对从业人员进行安全教育和培训', 'Staff trained in data protection'),
    evaluate: trainingDone,
  },
  {
    id: 'pipl-51-incident-plan',
    regime: 'pipl',
    article: 'PIPL Art. 51(5)',
    title: bi('制定并组织实施个人信息安全事件应急预案', 'An incident response plan is in place'),
    evaluate: incidentPlan,
  },
  {
    id: 'pipl-54-audit',
    regime: 'pipl',
    article: 'PIPL Art. 54',
    title: bi(
      '处理活动可供合规审计（完整、未被篡改的操作记录）',
      'Processing can be audited (a complete, untampered record of operations)',
    ),
    evaluate: auditIntact,
  },
  {
    id: 'pipl-55-pipia',
    regime: 'pipl',
    article: 'PIPL Art. 55',
    title: bi(
      '处理敏感个人信息或向他人提供前完成个人信息保护影响评估',
      'PIPIA done before processing sensitive PI or providing PI to others',
    ),
    evaluate: pipiaDone,
  },
  {
    id: 'pipl-56-keep',
    regime: 'pipl',
    article: 'PIPL Art. 56',
    title: bi(
      '评估报告和处理情况记录至少保存三年，并有注销后的保管人',
      'Assessment reports and processing records kept 3 years or more, with a custodian after deregistration',
    ),
    evaluate: (f) => {
      const c = f.compliance;
      if (!c.custodian) return notMet('没有指定注销后的保管人', 'No custodian after deregistration is named');
      const pack = c.settings['evidence.lastPack'];
      if (!pack)
        return notMet(
          `保管人：${c.custodian.name}；证据归档中还没有证据包`,
          `Custodian: ${c.custodian.name}; the evidence archive holds no evidence pack yet`,
        );
      return met(
        `保管人：${c.custodian.name}；最近的证据包 ${pack.at.slice(0, 10)} 归档，保存至 ${pack.keepUntil}`,
        `Custodian: ${c.custodian.name}; the latest evidence pack was archived on ${pack.at.slice(0, 10)}, kept until ${pack.keepUntil}`,
      );
    },
  },
  {
    id: 'pipl-57-incidents',
    regime: 'pipl',
    article: 'PIPL Art. 57',
    title: bi('发生或可能发生泄露时立即补救并通知', 'Leaks remedied at once and notified'),
    evaluate: incidentsHandled(['pipl']),
  },
];

/** Every recipient has a handover whose route is reasoned, whose recipient is vetted and whose agreement is signed. */
function handoverRoutes(h: NonNullable<ClosureFacts['handover']>): Evaluation {
  const gaps: Array<[string, string]> = [];
  if (h.transferWithoutHandover > 0)
    gaps.push([
      `${h.transferWithoutHandover} 条移交记录的接收方还没有移交`,
      `${h.transferWithoutHandover} TRANSFER records name a recipient with no handover`,
    ]);
  if (h.routesRecorded < h.handovers)
    gaps.push([
      `${h.handovers - h.routesRecorded} 次移交没有写明路径理由`,
      `${counted(h.handovers - h.routesRecorded, 'handover')} without the route's reasoning`,
    ]);
  if (h.recipientsVetted < h.handovers)
    gaps.push([
      `${h.handovers - h.recipientsVetted} 个接收方未完成审查`,
      `${counted(h.handovers - h.recipientsVetted, 'recipient')} not vetted`,
    ]);
  if (h.agreementsSigned < h.handovers)
    gaps.push([
      `${h.handovers - h.agreementsSigned} 次移交没有签署协议`,
      `${counted(h.handovers - h.agreementsSigned, 'handover')} without a signed agreement`,
    ]);
  return gaps.length
    ? notMet(gaps.map((g) => g[0]).join('；'), gaps.map((g) => g[1]).join('; '))
    : met(
        `${h.handovers} 次移交（${h.recipients} 个接收方）都记录了路径理由、接收方审查和签署的协议`,
        `All ${h.handovers} handovers (${h.recipients} recipients) record the route's reasoning, the recipient's vetting and a signed agreement`,
      );
}
