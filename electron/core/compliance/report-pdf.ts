// The compliance report as people read it: A4, Chinese and English, a summary by regime, then every item
// with its status, the article it comes from and the evidence.
import { ITEM_STATUS_TEXT, REGIME_TEXT } from '../../../shared/compliance/labels';
import type { ChecklistItem, ItemStatus, Regime, RegimeApplicability } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime } from '../documents/write-document';

export const REPORT_FORMAT = 'closeout-compliance-report';

export interface ComplianceReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  reportId: string;
  generatedAt: string;
  generatedBy: string | null;
  vault: { vaultId: string; clientName: string; creditCode: string | null };
  applicability: RegimeApplicability[];
  regimes: Regime[];
  summary: Record<ItemStatus, number>;
  items: ChecklistItem[];
  audit: { entries: number; head: string; ok: boolean };
  signer: { subject: string; fingerprintSha256: string };
  appVersion: string;
}

export async function renderReportPdf(r: ComplianceReport): Promise<Buffer> {
  const at = new Date(r.generatedAt);
  const pdf = new DocumentBuilder({
    title: `合规报告 Compliance report — ${r.vault.clientName}`,
    subject: `Closeout vault ${r.vault.vaultId}`,
    keywords: 'Closeout, compliance, PIPL, GDPR, CCPA, ISO/IEC 27001',
    createdAt: at,
    appVersion: r.appVersion,
    runningHeader: {
      left: `合规报告 Compliance report  ·  ${r.vault.clientName}`,
      right: '机密 Confidential',
    },
  });
  pdf.title('合规报告', 'Compliance report');
  pdf.bilingual(
    `本报告列出 ${r.vault.clientName} 善后过程中各项合规检查的结果。能由保险库中的证据判定的项目由 Closeout 自动判定，其余由负责人手工回答并附证明文件。`,
    `This report lists the result of every compliance check of the closure of ${r.vault.clientName}. Items the vault holds evidence for were evaluated by Closeout; the others were answered by hand, with evidence files.`,
    { gap: 10 },
  );
  pdf.keyValueTable([
    { label: '客户公司', labelEn: 'Client company', value: r.vault.clientName },
    { label: '统一社会信用代码', labelEn: 'Unified social credit code', value: r.vault.creditCode ?? '—' },
    { label: '保险库编号', labelEn: 'Vault ID', value: r.vault.vaultId },
    { label: '生成时间', labelEn: 'Generated', value: formatDateTime(at) },
    { label: '生成人', labelEn: 'By', value: r.generatedBy ?? '—' },
    { label: '审计链头', labelEn: 'Audit head', value: `${r.audit.entries} · ${r.audit.head}` },
    {
      label: '签名证书',
      labelEn: 'Signed by',
      value: `${r.signer.subject}  SHA-256 ${r.signer.fingerprintSha256}`,
    },
  ]);
  pdf.heading('汇总', 'Summary');
  pdf.table(
    ['法规 Regime', '适用 Applies', '符合 Met', '不符合 Not met', '不适用 N/A', '待回答 Open'],
    r.regimes.map((regime) => {
      const items = r.items.filter((i) => i.regime === regime);
      const count = (s: string) => String(items.filter((i) => i.status === s).length);
      const applies = r.applicability.find((a) => a.regime === regime)?.applicable ?? true;
      return [
        `${REGIME_TEXT[regime]['zh-CN']} ${REGIME_TEXT[regime].en}`,
        applies ? '是 yes' : '否 no',
        count('met'),
        count('not-met'),
        count('not-applicable'),
        count('open'),
      ];
    }),
    { widths: [3, 1.2, 1, 1.2, 1, 1.2] },
  );
  for (const regime of r.regimes) {
    const items = r.items.filter((i) => i.regime === regime);
    if (items.length === 0) continue;
    pdf.heading(REGIME_TEXT[regime]['zh-CN'], REGIME_TEXT[regime].en);
    pdf.table(
      ['状态 Status', '条款 Article', '检查项 Item', '证据 Evidence'],
      items.map((i) => [
        `${ITEM_STATUS_TEXT[i.status]['zh-CN']}\n${ITEM_STATUS_TEXT[i.status].en}${i.source === 'hand' ? '\n（手工 by hand）' : ''}`,
        i.article,
        `${i.title['zh-CN']}\n${i.title.en}`,
        [
          i.evidence['zh-CN'],
          i.evidence.en,
          i.answer ? `${i.answer.note}（${i.answer.by ?? '—'} ${i.answer.at.slice(0, 10)}）` : '',
          i.answer?.file ? `${i.answer.file.name} SHA-256 ${i.answer.file.sha256}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ]),
      { widths: [1.1, 1.5, 3, 4] },
    );
  }
  pdf.heading('如何核验', 'How to check');
  pdf.bilingual(
    '同名 .json 文件载有相同内容，.json.p7s 是公司证书对该 JSON 文件的分离式 CMS 签名，可用 OpenSSL 核验：',
    'The .json file of the same name holds the same content; the .json.p7s is a detached CMS signature of that JSON file by the company certificate, which OpenSSL checks:',
  );
  pdf.code(
    'openssl cms -verify -binary -inform PEM -in X.json.p7s -content X.json -CAfile company.pem -out /dev/null',
  );
  return pdf.finish();
}
