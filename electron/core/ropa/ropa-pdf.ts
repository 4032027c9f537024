// The record of processing activities as people read it, Chinese and English.
import type { Ropa } from '../../../shared/contract';
import pkg from '../../../package.json';
import { DocumentBuilder } from '../documents/pdf';
import { formatDateTime } from '../documents/write-document';

export async function renderRopaPdf(r: Ropa, vaultId: string, at: Date): Promise<Buffer> {
  const pdf = new DocumentBuilder({
    title: `处理活动记录 Record of processing activities — ${r.controller.name}`,
    subject: `Closeout vault ${vaultId}`,
    keywords: 'Closeout, ROPA, GDPR Art. 30',
    createdAt: at,
    appVersion: pkg.version,
    runningHeader: {
      left: `处理活动记录 Record of processing  ·  ${r.controller.name}`,
      right: '机密 Confidential',
    },
  });
  pdf.title('处理活动记录', 'Record of processing activities');
  pdf.keyValueTable([
    { label: '处理者', labelEn: 'Controller', value: r.controller.name },
    {
      label: '统一社会信用代码',
      labelEn: 'Unified social credit code',
      value: r.controller.creditCode ?? '—',
    },
    { label: '联系方式', labelEn: 'Contact', value: r.controller.contact ?? '—' },
    {
      label: '注销后保管人',
      labelEn: 'Custodian after deregistration',
      value: r.custodian ? `${r.custodian.name} ${r.custodian.contact ?? ''}` : '—',
    },
    { label: '目的', labelEn: 'Purposes', value: `${r.purposes['zh-CN']}\n${r.purposes.en}` },
    {
      label: '个人信息主体',
      labelEn: 'Data subjects',
      value: `个人 individuals ${r.subjects.individual}；企业 businesses ${r.subjects.business}；未知 unknown ${r.subjects.unknown}`,
    },
    {
      label: '信息类别',
      labelEn: 'Categories of data',
      value: r.dataCategories.map((d) => `${d.field} ${d.records}`).join(', ') || '—',
    },
    {
      label: '敏感个人信息',
      labelEn: 'Sensitive PI',
      value: r.sensitive.map((s) => `${s.kind} ${s.records}`).join(', ') || '—',
    },
    {
      label: '接收方',
      labelEn: 'Recipients',
      value: r.recipients.map((x) => `${x.name} (${x.records})`).join('; ') || '—',
    },
    {
      label: '向境外提供',
      labelEn: 'Transfers abroad',
      value: `${r.transfersAbroad['zh-CN']}\n${r.transfersAbroad.en}`,
    },
    {
      label: '存储位置',
      labelEn: 'Storage',
      value:
        '加密保险库（SQLCipher 4）及其异盘备份 · encrypted vault (SQLCipher 4) and its backups on other disks',
    },
    { label: '生成时间', labelEn: 'Written', value: formatDateTime(at) },
  ]);
  pdf.heading('个人信息来源', 'Sources');
  pdf.table(
    [
      '文件 File',
      '格式 Format',
      '导入 Imported',
      '行 Rows',
      '导入 In',
      '隔离 Quarantined',
      '源文件删除 Source deleted',
    ],
    r.sources.map((s) => [
      s.name,
      s.format,
      s.importedAt.slice(0, 10),
      String(s.rowsRead),
      String(s.imported),
      String(s.quarantined),
      s.sourceDeletedAt?.slice(0, 10) ?? '—',
    ]),
    { widths: [3, 1, 1.5, 1, 1, 1.2, 1.5] },
  );
  pdf.heading('处理活动', 'Processing activities');
  pdf.table(
    ['活动 Activity', '首次 First', '最近 Last', '次数 Times', '计数 Counts'],
    r.activities.map((a) => [
      `${a.label['zh-CN']}\n${a.label.en}`,
      a.first.slice(0, 10),
      a.last.slice(0, 10),
      String(a.times),
      Object.entries(a.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ]),
    { widths: [3, 1.3, 1.3, 0.8, 3] },
  );
  pdf.heading('删除期限（保存计划）', 'Erasure time limits (retention schedule)');
  pdf.table(
    ['依据 Basis', '记录 Records', '最早 Earliest', '最晚 Latest', '已过期 Expired'],
    r.retention.rows.map((x) => [
      x.basis || '—',
      String(x.records),
      x.earliest ?? '—',
      x.latest ?? '—',
      String(x.expired),
    ]),
    { widths: [5, 1, 1.3, 1.3, 1] },
  );
  pdf.heading('安全措施', 'Security measures');
  for (const s of r.security) pdf.bilingual(`• ${s['zh-CN']}`, `  ${s.en}`, { gap: 4 });
  return pdf.finish();
}
