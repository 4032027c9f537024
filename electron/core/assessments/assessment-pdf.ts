// The one renderer of impact assessments, Chinese and English: the closure-wide PIPIA (PIPL Art. 56;
// GB/T 39335) or DPIA (GDPR Art. 35(7)), and the PIPIA of one handover (the processing described,
// lawfulness and necessity, impact and risks, measures, conclusion and approval, how long it is kept).
import { RISK_LEVEL_TEXT } from '../../../shared/compliance/labels';
import type { Assessment, PipiaRecord } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime } from '../documents/write-document';
import { LEVEL_LABELS, ROUTE_LABELS, VETTING_LABELS, fieldList } from '../handover/labels';

export interface AssessmentRecord extends Assessment {
  format: 'closeout-impact-assessment';
  formatVersion: 1;
  vaultId: string;
  writtenAt: string;
  appVersion: string;
}

/** The PIPIA of one handover as written to a file (the evidence archive, the evidence pack). */
export interface HandoverPipiaRecord extends PipiaRecord {
  format: 'closeout-handover-pipia';
  formatVersion: 1;
  handoverId: string;
  writtenAt: string;
  appVersion: string;
}

export type AssessmentDocument = AssessmentRecord | HandoverPipiaRecord;

const dash = (s: string | null | undefined) => (s && s.trim() ? s : '—');

// The English name is long: the title line carries the short form and the subtitle the full one.
const TITLES = {
  pipia: [
    '个人信息保护影响评估报告',
    'PIPIA',
    'Personal information protection impact assessment (PIPL Arts. 55–56)',
  ],
  dpia: ['数据保护影响评估报告', 'DPIA', 'Data protection impact assessment (GDPR Art. 35)'],
} as const;

export async function renderAssessmentPdf(doc: AssessmentDocument): Promise<Buffer> {
  return doc.format === 'closeout-handover-pipia' ? renderHandoverPipia(doc) : renderClosureWide(doc);
}

function renderClosureWide(a: AssessmentRecord): Promise<Buffer> {
  const at = new Date(a.writtenAt);
  const [zh, short, en] = TITLES[a.kind];
  const f = a.facts;
  const pdf = new DocumentBuilder({
    title: `${zh} ${en} — ${f.clientName}`,
    subject: `Closeout vault ${a.vaultId}, version ${a.version}`,
    keywords: `Closeout, ${a.kind.toUpperCase()}`,
    createdAt: at,
    appVersion: a.appVersion,
    runningHeader: { left: `${zh}  ·  ${f.clientName}`, right: '机密 Confidential' },
  });
  pdf.title(zh, short, en);
  pdf.keyValueTable([
    { label: '公司', labelEn: 'Company', value: f.clientName },
    {
      label: '版本',
      labelEn: 'Version',
      value: `${a.version} (${a.status === 'approved' ? '已批准 approved' : '草稿 draft'})`,
    },
    {
      label: '批准人',
      labelEn: 'Approved by',
      value: a.approvedBy ? `${a.approvedBy} ${a.approvedAt?.slice(0, 10)}` : '—',
    },
    { label: '保存至', labelEn: 'Keep until', value: a.keepUntil ?? '—' },
    { label: '生成时间', labelEn: 'Written', value: formatDateTime(at) },
  ]);
  pdf.heading('处理情况', 'Scope and processing');
  pdf.keyValueTable([
    {
      label: '客户记录',
      labelEn: 'Records',
      value: `${f.customers}（个人 individual ${f.subjects.individual}，企业 business ${f.subjects.business}，未知 unknown ${f.subjects.unknown}）`,
    },
    {
      label: '信息种类',
      labelEn: 'Kinds of data',
      value: f.dataKinds.map((d) => `${d.field} ${d.records}`).join(', ') || '—',
    },
    {
      label: '敏感个人信息',
      labelEn: 'Sensitive PI',
      value: `${f.sensitiveRecords}: ${f.sensitive.map((s) => `${s.kind} ${s.records}`).join(', ') || '—'}`,
    },
    { label: '未成年人', labelEn: 'Minors under 14', value: String(f.minors) },
    {
      label: '地区',
      labelEn: 'Regions',
      value: `mainland ${f.regions.mainland}, HK/MO/TW ${f.regions.hk_mo_tw}, overseas ${f.regions.overseas}, unknown ${f.regions.unknown}; EU ${f.euResidents}, California ${f.californiaResidents}`,
    },
    {
      label: '处置',
      labelEn: 'Dispositions',
      value: `RETAIN ${f.dispositions.RETAIN}, TRANSFER ${f.dispositions.TRANSFER}, ANONYMISE ${f.dispositions.ANONYMISE}, DESTROY ${f.dispositions.DESTROY}, none ${f.dispositions.none}`,
    },
    {
      label: '接收方',
      labelEn: 'Recipients',
      value: f.recipients.map((r) => `${r.name} (${r.records})`).join('; ') || '—',
    },
    {
      label: '保存期限',
      labelEn: 'Retention',
      value: f.retention.map((r) => `${r.basis || '—'}: ${r.records} → ${r.until ?? '—'}`).join('\n') || '—',
    },
  ]);
  const section = (zhTitle: string, enTitle: string, text: string) => {
    pdf.heading(zhTitle, enTitle);
    pdf.paragraph(text.trim() || '—', { gap: 8 });
  };
  section('目的与处理方式', 'Purposes and methods', a.body.purposes);
  section('合法、正当、必要性', 'Lawfulness, legitimacy and necessity', a.body.lawfulness);
  section('对个人权益的影响及安全风险', 'Impact on individuals and security risks', a.body.impact);
  pdf.keyValueTable([
    { label: '可能性', labelEn: 'Likelihood', value: `${a.body.likelihood} / 5` },
    { label: '严重程度', labelEn: 'Severity', value: `${a.body.severity} / 5` },
    {
      label: '剩余风险',
      labelEn: 'Residual risk',
      value: `${RISK_LEVEL_TEXT[a.body.residualRisk]['zh-CN']} ${RISK_LEVEL_TEXT[a.body.residualRisk].en}`,
    },
  ]);
  section('保护措施', 'Measures', a.body.measures);
  pdf.heading('保险库中已核实的措施', 'Measures verified from the vault');
  for (const m of f.measures) pdf.bilingual(`• ${m['zh-CN']}`, `  ${m.en}`, { gap: 4 });
  section(
    '措施是否合法、有效并与风险相适应',
    'Whether the measures are lawful, effective and proportionate',
    a.body.proportionality,
  );
  if (a.kind === 'dpia') {
    section('数据保护官意见', "The DPO's advice", a.body.dpoAdvice);
    pdf.keyValueTable([{ label: '复核日期', labelEn: 'Review date', value: a.body.reviewDate ?? '—' }]);
  }
  if (a.kind === 'pipia' && f.handoverPipias?.length) {
    pdf.heading('各次移交的影响评估（本评估的组成部分）', 'Per-handover PIPIAs (part of this assessment)');
    pdf.keyValueTable(
      f.handoverPipias.map((p) => ({
        label: p.recipient,
        labelEn: `${p.route} · ${p.handoverId.slice(0, 8)}`,
        value: p.approvedAt
          ? `${p.current ? '已批准 approved' : '批准后有变化 changed since approval'} ${p.approvedAt.slice(0, 10)}`
          : '未批准 not approved',
      })),
    );
  }
  section('结论', 'Conclusion', a.body.conclusion);
  pdf.space(16);
  pdf.signatureLine([
    { label: '批准人签名', labelEn: 'Approver', share: 2 },
    { label: '日期', labelEn: 'Date', share: 1 },
  ]);
  return pdf.finish();
}

function renderHandoverPipia(record: HandoverPipiaRecord): Promise<Buffer> {
  const { facts, answers } = record;
  const pdf = new DocumentBuilder({
    title: `个人信息保护影响评估 PIPIA — ${facts.client.name} → ${facts.recipient.organisation}`,
    subject: `Closeout handover ${record.handoverId} PIPIA`,
    keywords: 'Closeout, PIPIA, PIPL Art. 55-56, handover',
    createdAt: new Date(record.writtenAt),
    appVersion: record.appVersion,
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
