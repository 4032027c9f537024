// The answer to a customer's request as a PDF letter, Chinese then English (A4, Noto Sans SC embedded so
// pdftotext gives both back): what was asked, what was done, what comes with it, and where to complain.
import pkg from '../../../package.json';
import type { RequestEntry, RequestFulfilment } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';

const KIND: Record<RequestEntry['kind'], [string, string]> = {
  access: ['查阅、复制', 'access and copy'],
  correct: ['更正', 'correction'],
  delete: ['删除', 'deletion'],
  object: ['反对处理、撤回同意', 'objection / withdrawal of consent'],
  portability: ['转移（可携带）', 'portability'],
  complaint: ['投诉', 'complaint'],
  other: ['其他请求', 'request'],
};

const AUTHORITY: Record<RequestEntry['regime'], [string, string]> = {
  pipl: [
    '如对处理结果有异议，您可以向履行个人信息保护职责的部门投诉、举报（《个人信息保护法》第六十五条），或依法向人民法院提起诉讼（第五十条）。',
    'If you disagree, you may complain to the authorities that protect personal information (PIPL Art. 65) or sue in a people’s court (Art. 50).',
  ],
  gdpr: [
    '您有权向数据保护监管机构投诉，并寻求司法救济（GDPR 第 77、79 条）。',
    'You have the right to lodge a complaint with a supervisory authority and to seek a judicial remedy (GDPR Arts. 77 and 79).',
  ],
  ccpa: [
    '您可以联系加州隐私保护局（California Privacy Protection Agency）或加州总检察长。',
    'You may contact the California Privacy Protection Agency or the California Attorney General.',
  ],
};

function body(f: RequestFulfilment): Array<[string, string]> {
  switch (f.action) {
    case 'exported':
      return [
        [
          `随函附上我们持有的您的个人信息（共 ${f.records} 条记录）：${f.files.filter((n) => !/\.(pdf|p7s)$/.test(n)).join('、')}。JSON 文件供程序读取，CSV 文件可用 Excel 或 WPS 打开。`,
          `Enclosed is the personal information we hold about you (${f.records} record(s)): ${f.files.filter((n) => !/\.(pdf|p7s)$/.test(n)).join(', ')}. The JSON file is machine-readable; the CSV file opens in Excel or WPS.`,
        ],
      ];
    case 'corrected':
      return [
        [
          `我们已按您的要求更正以下信息：${(f.fields ?? []).join('、')}。`,
          `We have corrected the following information as you asked: ${(f.fields ?? []).join(', ')}.`,
        ],
      ];
    case 'deleted':
      return [
        [
          `我们已删除您的个人信息（${f.records} 条记录及其在本系统中的全部副本）。删除证明编号 ${f.wipeId ?? '—'}，SHA-256 ${f.certificateSha256 ?? '—'}。此前制作的备份中的副本将随备份的到期销毁一并删除。`,
          `We have deleted your personal information (${f.records} record(s) and every copy in this system). Certificate of deletion ${f.wipeId ?? '—'}, SHA-256 ${f.certificateSha256 ?? '—'}. Copies in backups made earlier are deleted when those backups are destroyed.`,
        ],
      ];
    case 'retained':
      return [
        [
          `依据“${f.retention?.basis ?? '法定保存义务'}”，我们须保存您的信息至 ${f.retention?.until ?? '保存期届满'}，期间仅为此目的保存，不作他用；期满后删除（《个人信息保护法》第四十七条第二款）。`,
          `Under “${f.retention?.basis ?? 'a legal duty to keep records'}” we must keep your information until ${f.retention?.until ?? 'the end of that period'}. Until then it is kept for that purpose only and not otherwise used; it is deleted afterwards (PIPL Art. 47(2)).`,
        ],
      ];
    case 'objection-recorded':
      return [
        [
          '我们已记录您的异议：您的信息不会被移交给任何接收方，也不会用于任何去标识化的导出。',
          'We have recorded your objection: your information will not be handed over to any recipient nor used in any de-identified export.',
        ],
      ];
    case 'no-record':
      return [
        [
          '经查询，我们未持有与您有关的个人信息。',
          'We have searched our records and hold no personal information about you.',
        ],
      ];
    case 'answered':
      return [
        [
          '我们已收到并处理您的来函。如需进一步说明，请按下方方式联系我们。',
          'We have received and dealt with your message. Please contact us as below if you need more.',
        ],
      ];
  }
}

export function requestLetter(
  request: RequestEntry,
  fulfilment: RequestFulfilment,
  client: string,
  name: string | null,
  at: Date,
): Promise<Buffer> {
  const [kindZh, kindEn] = KIND[request.kind];
  const pdf = new DocumentBuilder({
    title: `个人信息请求答复 Reply to your request ${request.ref} — ${client}`,
    subject: 'Closeout reply to a customer request',
    keywords: 'Closeout, personal information request, PIPL Arts. 44-50, GDPR Arts. 12-22, CCPA 1798.130',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: { left: `${client}  ·  ${request.ref}` },
  });
  const date = at.toISOString().slice(0, 10);
  pdf.title('请求答复', 'Reply to your request', `${request.ref}  ·  ${date}`);
  pdf.bilingual(name ? `尊敬的 ${name}：` : '您好：', name ? `Dear ${name},` : 'Dear Sir or Madam,');
  pdf.bilingual(
    `您于 ${request.receivedOn} 提出的${kindZh}请求（编号 ${request.ref}）已办理。`,
    `We have dealt with your ${kindEn} request of ${request.receivedOn} (reference ${request.ref}).`,
  );
  for (const [zh, en] of body(fulfilment)) pdf.bilingual(zh, en);
  const [authorityZh, authorityEn] = AUTHORITY[request.regime];
  pdf.bilingual(authorityZh, authorityEn);
  pdf.space(12);
  pdf.paragraph(client, { align: 'right', gap: 2 });
  pdf.paragraph(date, { align: 'right' });
  return pdf.finish();
}
