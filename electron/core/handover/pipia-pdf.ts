// The PIPIA report as a PDF (Chinese and English), with the contents PIPL Art. 56 asks for: the
// processing described, lawfulness and necessity, impact and risks, measures, conclusion and approval,
// and how long it is kept.
import pkg from '../../../package.json';
import type { PipiaRecord } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime } from '../documents/write-document';
import { LEVEL_LABELS, ROUTE_LABELS, VETTING_LABELS, fieldList } from './labels';

const dash = (s: string | null | undefined) => (s && s.trim() ? s : '—');

export async function renderPipia(record: PipiaRecord, at: Date): Promise<Buffer> {
  const { facts, answers } = record;
  const pdf = new DocumentBuilder({
    title: `个人信息保护影响评估 PIPIA — ${facts.client.name} → ${facts.recipient.organisation}`,
    subject: 'Closeout handover PIPIA',
    keywords: 'Closeout, PIPIA, PIPL Art. 55-56, handover',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: {
      left: `个人信息保护影响评估 PIPIA  ·  ${facts.client.name}`,
      right: '保密 Confidential',
    },
  });
  pdf.title('个人信息保护影响评估报告', 'Personal information protection impact assessment');
  pdf.bilingual(
    `本报告依据《个人信息保护法》第五十五、五十六条，评估 ${facts.client.name} 向 ${facts.recipient.organisation} 移交客户个人信息的影响。`,
    `Under PIPL Art. 55–56, this assesses the handover of customer personal information from ${facts.client.name} to ${facts.recipient.organisation}.`,
    { gap: 10 },
  );

  pdf.heading('一、处理情况', '1. The processing');
  const s = facts.selection;
  pdf.keyValueTable([
    { label: '移交方', labelEn: 'From', value: `${facts.client.name}  ${dash(facts.client.creditCode)}` },
    {
      label: '接收方',
      labelEn: 'Recipient',
      value: `${facts.recipient.organisation}  ${dash(facts.recipient.creditCode)}\n${facts.recipient.contactPerson}  ${facts.recipient.contact}\n${facts.recipient.address} (${facts.recipient.country})`,
    },
    {
      label: '移交路径',
      labelEn: 'Route',
      value: `${ROUTE_LABELS[facts.route].zh}\n${ROUTE_LABELS[facts.route].en}`,
    },
    { label: '目的', labelEn: 'Purposes', value: dash(answers.purposes || facts.agreement?.purposes) },
    {
      label: '方式',
      labelEn: 'Method',
      value: '加密签名的电子移交包 / an encrypted, signed electronic package',
    },
    {
      label: '移交字段',
      labelEn: 'Fields',
      value: `${fieldList(facts.fields, 'zh')}\n${fieldList(facts.fields, 'en')}`,
    },
    {
      label: '人数',
      labelEn: 'People',
      value: `${s.selected} 条记录（个人 ${s.individuals}，单位 ${s.businesses}）/ ${s.selected} records (${s.individuals} individuals, ${s.businesses} businesses); 异议排除 objectors excluded ${s.objectors}; 缺少同意 missing consent ${s.missingConsent}`,
    },
    {
      label: '敏感个人信息',
      labelEn: 'Sensitive PI',
      value: `${s.sensitive}：${
        Object.entries(facts.sensitiveKinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || '—'
      }`,
    },
    { label: '未满十四周岁', labelEn: 'Minors under 14', value: String(s.minors) },
    {
      label: '地区',
      labelEn: 'Regions',
      value:
        Object.entries(s.regions)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || '—',
    },
    { label: '保存期限', labelEn: 'Retention', value: dash(facts.agreement?.retention) },
  ]);

  pdf.heading('二、合法性、正当性和必要性', '2. Lawfulness, legitimacy and necessity');
  pdf.paragraph(dash(facts.reasoning));
  pdf.paragraph(dash(answers.necessity));
  if (facts.crossBorder) {
    pdf.subheading('跨境提供', 'Cross-border provision');
    pdf.keyValueTable([
      { label: '出境途径', labelEn: 'Mechanism (Art. 38)', value: dash(facts.crossBorder.mechanism) },
      {
        label: '同等保护',
        labelEn: 'Equivalent protection',
        value: facts.crossBorder.protectionEquivalent ? '是 yes' : '否 no',
      },
      {
        label: '告知行权方式',
        labelEn: 'Rights explained (Art. 39)',
        value: facts.crossBorder.rightsExplained ? '是 yes' : '否 no',
      },
      { label: '说明', labelEn: 'Note', value: dash(facts.crossBorder.note) },
    ]);
  }

  pdf.heading('三、对个人权益的影响及安全风险', '3. Impact on individuals and security risks');
  pdf.table(
    ['风险 Risk', '可能性 Likelihood', '严重程度 Severity', '缓解 Mitigation'],
    (answers.risks ?? []).map((r) => [
      r.risk,
      `${LEVEL_LABELS[r.likelihood].zh} ${LEVEL_LABELS[r.likelihood].en}`,
      `${LEVEL_LABELS[r.severity].zh} ${LEVEL_LABELS[r.severity].en}`,
      dash(r.mitigation),
    ]),
    { widths: [3, 1, 1, 3] },
  );

  pdf.heading('四、保护措施', '4. Protection measures');
  pdf.paragraph(dash(answers.measures));
  pdf.keyValueTable(
    facts.vetting.map((v) => ({
      label: VETTING_LABELS[v.item].zh,
      labelEn: VETTING_LABELS[v.item].en,
      value: v.done ? '已核实 checked' : '未核实 not checked',
    })),
  );
  pdf.keyValueTable([
    {
      label: '移交协议',
      labelEn: 'Agreement',
      value: facts.agreement ? `签署于 signed ${facts.agreement.signedOn}` : '尚未签署 not yet signed',
    },
  ]);

  pdf.heading('五、结论与批准', '5. Conclusion and approval');
  pdf.keyValueTable([
    { label: '结论', labelEn: 'Conclusion', value: dash(answers.conclusion) },
    {
      label: '剩余风险',
      labelEn: 'Residual risk',
      value: `${LEVEL_LABELS[answers.residualRisk].zh} ${LEVEL_LABELS[answers.residualRisk].en}`,
    },
    { label: '批准人', labelEn: 'Approved by', value: dash(record.approvedBy) },
    {
      label: '批准时间',
      labelEn: 'Approved',
      value: record.approvedAt ? formatDateTime(new Date(record.approvedAt)) : '尚未批准 not yet approved',
    },
    { label: '保管人', labelEn: 'Custodian', value: dash(answers.custodian) },
    {
      label: '保存至',
      labelEn: 'Keep until',
      value: record.keepUntil
        ? `${record.keepUntil}（至少三年，第五十六条 / at least 3 years, Art. 56）`
        : '批准后三年 / 3 years from approval',
    },
  ]);
  pdf.signatureLine([
    { label: '负责人签字', labelEn: 'Owner signature', share: 2 },
    { label: '日期', labelEn: 'Date', share: 1 },
  ]);
  return pdf.finish();
}
