// The PIPIA (PIPL Art. 56; GB/T 39335) or DPIA (GDPR Art. 35(7)) as people read it, Chinese and English.
import { RISK_LEVEL_TEXT } from '../../../shared/compliance/labels';
import type { Assessment } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime } from '../documents/write-document';

export interface AssessmentRecord extends Assessment {
  format: 'closeout-impact-assessment';
  formatVersion: 1;
  vaultId: string;
  writtenAt: string;
  appVersion: string;
}

// The English name is long: the title line carries the short form and the subtitle the full one.
const TITLES = {
  pipia: [
    '个人信息保护影响评估报告',
    'PIPIA',
    'Personal information protection impact assessment (PIPL Arts. 55–56)',
  ],
  dpia: ['数据保护影响评估报告', 'DPIA', 'Data protection impact assessment (GDPR Art. 35)'],
} as const;

export async function renderAssessmentPdf(a: AssessmentRecord): Promise<Buffer> {
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
