// The certificate of sanitisation as people read it: A4, Chinese and English, the same facts as its
// JSON, with signature lines for the person who performed the wipe and the one who verified it.
import { DocumentBuilder } from '../documents/pdf';
import { howToCheck } from '../documents/signed-document';
import { formatDateTime } from '../documents/write-document';
import type { SanitisationCertificate } from './certificate-format';

const TRIGGER_TEXT: Record<SanitisationCertificate['trigger']['reason'], string> = {
  'ceased-business': '停止提供产品或服务（企业注销） · business ceased',
  'purpose-achieved': '处理目的已实现 · purpose achieved',
  'retention-expired': '保存期限已届满 · retention period expired',
  'consent-withdrawn': '个人撤回同意 · consent withdrawn',
  'unlawful-processing': '违反法律法规或约定处理 · unlawful processing',
  other: '法律法规规定的其他情形 · other',
};

const TYPE_TEXT = {
  clear: '清除 Clear',
  purge: '清除（不可恢复）Purge',
  destroy: '销毁 Destroy',
  log: '登记 Log',
};

const BACKUP_TEXT = {
  overwrite: '覆写并删除 overwritten and deleted',
  unreadable: '磁盘不在：密钥销毁后无法读取 absent: unreadable once the keys are destroyed',
  'deleted-earlier': '此前已按保留规则删除 deleted earlier by retention',
  'not-included': '未包括 not included',
};

const KEY_TEXT = {
  destroy: '销毁 destroyed',
  logged: '已登记销毁 destruction logged',
  exists: '仍然存在 still exists',
};

const yesNo = (ok: boolean) => (ok ? '✓' : '✗');

export async function renderCertificatePdf(
  c: SanitisationCertificate,
  names: { json: string; signature: string; companyCertificate: string },
): Promise<Buffer> {
  const issued = new Date(c.issuedAt);
  const pdf = new DocumentBuilder({
    title: `数据销毁证明 Certificate of sanitisation — ${c.vault.clientName}`,
    subject: `Closeout vault ${c.vault.vaultId}, wipe ${c.certificateId}`,
    keywords: 'Closeout, sanitisation, NIST SP 800-88, PIPL Art. 47',
    createdAt: issued,
    appVersion: c.appVersion,
    runningHeader: { left: `数据销毁证明 Certificate of sanitisation  ·  ${c.vault.clientName}` },
  });
  pdf.title(
    '数据销毁证明',
    'Certificate of sanitisation',
    c.kind === 'vault' ? '整个保险库 · whole vault' : '客户记录 · records',
  );
  pdf.bilingual(
    `本证明记录 ${c.vault.clientName} 依《个人信息保护法》第四十七条删除个人信息的过程与结果，字段按 NIST SP 800-88 第 4.8 节。`,
    `This certifies how and with what result ${c.vault.clientName} deleted personal information under PIPL ` +
      'Art. 47, with the fields of NIST SP 800-88 §4.8.',
    { gap: 10 },
  );
  pdf.keyValueTable([
    { label: '客户公司', labelEn: 'Client company', value: c.vault.clientName },
    { label: '统一社会信用代码', labelEn: 'Unified social credit code', value: c.vault.creditCode ?? '—' },
    { label: '保险库编号', labelEn: 'Vault ID', value: c.vault.vaultId },
    { label: '证明编号', labelEn: 'Certificate ID', value: c.certificateId },
    { label: '签发时间', labelEn: 'Issued', value: formatDateTime(issued) },
    {
      label: '删除依据',
      labelEn: 'Legal trigger',
      value: `《个人信息保护法》第四十七条第一款第（${c.trigger.item}）项 PIPL Art. 47 ¶1 (${c.trigger.item}): ${TRIGGER_TEXT[c.trigger.reason]}`,
    },
  ]);
  pdf.heading('执行与核验人员', 'Performed and verified by');
  pdf.keyValueTable([
    {
      label: '执行人',
      labelEn: 'Performed by',
      value: [c.performedBy.name, c.performedBy.title, c.performedBy.role, c.performedBy.organisation]
        .filter(Boolean)
        .join(' · '),
    },
    {
      label: '地点 / 联系方式',
      labelEn: 'Location / contact',
      value: [c.performedBy.location, c.performedBy.contact].filter(Boolean).join(' · ') || '—',
    },
    {
      label: '核验人',
      labelEn: 'Verified by',
      value: c.verifiedBy ? [c.verifiedBy.name, c.verifiedBy.title].filter(Boolean).join(' · ') : '—',
    },
    {
      label: '工具及版本',
      labelEn: 'Tool and version',
      value: `Closeout ${c.tool.version} · SQLite ${c.tool.sqlite} · SQLCipher ${c.tool.sqlcipher} · Node ${c.tool.node} · ${c.tool.platform}`,
    },
    ...c.media.map((m) => ({ label: '介质', labelEn: 'Media', value: `${m.folder} (${m.fileSystem})` })),
  ]);
  pdf.heading('范围、类型与方法', 'Scopes, types and methods');
  pdf.table(
    ['范围 Scope', '类型 Type', '方法 Method', '结果 Result'],
    c.sanitisation.map((s) => [s.scope, TYPE_TEXT[s.type], s.method, s.result]),
    { widths: [1, 1.2, 3, 2] },
  );
  pdf.heading('客户记录', 'Records');
  pdf.keyValueTable([
    {
      label: '销毁的记录',
      labelEn: 'Records destroyed',
      value: `${c.records.destroyed}（其中 ${c.records.mergedWith} 条为并入它们的重复记录 · ${c.records.mergedWith} merged into them）`,
    },
    { label: '匿名化的记录', labelEn: 'Records anonymised', value: String(c.records.anonymised) },
    { label: '隔离行', labelEn: 'Quarantined rows', value: String(c.records.quarantine) },
    {
      label: '派生副本',
      labelEn: 'Derived copies',
      value:
        Object.entries(c.records.copies)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ') || '—',
    },
    { label: '保险库中其余记录', labelEn: 'Other records left', value: String(c.records.remaining) },
  ]);
  pdf.subheading('依法保留（未触及）', 'Kept under a legal hold (not touched)');
  if (c.records.kept.length === 0) pdf.paragraph('无 · none', { muted: true });
  else
    pdf.table(
      ['依据 Basis', '保留至 Until', '记录 Records'],
      c.records.kept.map((k) => [k.basis, k.retainUntil ?? '—', String(k.records)]),
      { widths: [4, 1, 1] },
    );
  if (c.backups.length) {
    pdf.heading('备份', 'Backups');
    pdf.table(
      ['备份 Backup', '最后位置 Last known location', '处理 Action'],
      c.backups.map((b) => [
        `${b.createdAt}\n${b.backupId}`,
        `${b.path}${b.volume ? ` (${b.volume})` : ''}`,
        `${BACKUP_TEXT[b.action]}${b.failed ? ` ✗ ${b.failed}` : b.done ? ' ✓' : ''}`,
      ]),
      { widths: [2, 3, 2] },
    );
  }
  if (c.files.length) {
    pdf.heading('Closeout 写出的文件', 'Files Closeout wrote');
    pdf.table(
      ['类别 Kind', '文件 File', '处理 Action'],
      c.files.map((f) => [
        f.kind,
        f.path,
        `${f.action}${f.reason ? ` (${f.reason})` : ''}${f.done ? ' ✓' : ''}`,
      ]),
      { widths: [1.2, 4, 1.5] },
    );
  }
  if (c.keyCopies.length) {
    pdf.heading('密钥副本', 'Key copies');
    pdf.table(
      ['副本 Copy', '位置 Where', '处理 Action'],
      c.keyCopies.map((k) => [`${k.kind}: ${k.label}`, k.where, KEY_TEXT[k.action]]),
      { widths: [2, 3, 1.5] },
    );
  }
  pdf.heading('纸质资料销毁登记', 'Paper destruction log');
  if (c.paper.length === 0) pdf.paragraph('无登记 · nothing logged', { muted: true });
  else
    pdf.table(
      ['批次 Batch', '数量 Quantity', '方式 Method', '日期 / 人员 Date / people', '凭证 Evidence'],
      c.paper.map((p) => [
        `${p.batch}\n${p.description}${p.recoverySheet ? '\n（含恢复密钥单 · incl. recovery sheet）' : ''}`,
        [p.sheets ? `${p.sheets} 页 sheets` : '', p.boxes ? `${p.boxes} 箱 boxes` : '']
          .filter(Boolean)
          .join(', '),
        [p.method, p.level, p.particleSize, p.company, p.companyCertificate].filter(Boolean).join(' · '),
        `${p.date}\n${p.operator} / 见证 witness ${p.witness}`,
        p.evidence ? `${p.evidence.name}\nSHA-256 ${p.evidence.sha256}` : '—',
      ]),
      { widths: [2, 1, 1.5, 1.8, 2.5] },
    );
  pdf.heading('云端及其他系统删除登记', 'Cloud and other systems log');
  if (c.cloud.length === 0) pdf.paragraph('无登记 · nothing logged', { muted: true });
  else
    pdf.table(
      ['服务 / 账号 Service / account', '数据 Data', '状态 Status', '凭证 Evidence'],
      c.cloud.map((e) => [
        `${e.service}\n${e.account}`,
        e.data,
        [
          e.status === 'confirmed'
            ? `已确认 confirmed ${e.confirmedOn ?? ''}`
            : `已申请 requested ${e.requestedOn ?? ''}`,
          e.reference ? `#${e.reference}` : '',
          e.accountClosed ? '账号已注销 account closed' : '',
          e.processor ? `受托方：${e.processor === 'returned' ? '已返还 returned' : '已删除 deleted'}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        e.evidence.map((f) => `${f.name} ${f.sha256.slice(0, 16)}…`).join('\n') || '—',
      ]),
      { widths: [2, 2, 2, 2] },
    );
  if (c.verification) {
    pdf.heading('核验', 'Verification');
    pdf.bilingual(
      c.verification.method,
      c.verification.ok ? '结果：通过 · result: passed' : '结果：未通过 · result: FAILED',
    );
    pdf.table(
      ['检查 Check', '结果 Result', '说明 Detail'],
      c.verification.checks.map((k) => [k.name, yesNo(k.ok), k.detail]),
      { widths: [1.5, 0.5, 4] },
    );
  }
  if (c.erase) {
    pdf.heading('加密擦除', 'Cryptographic erase');
    pdf.paragraph(c.erase.method);
    for (const step of c.erase.steps) pdf.paragraph(`• ${step}`, { size: 8.5 });
    pdf.paragraph(c.erase.release, { bold: true });
  }
  pdf.keyValueTable([
    {
      label: '删除清单 SHA-256',
      labelEn: 'Deletion manifest SHA-256',
      value: `${c.deletionManifest.file}\n${c.deletionManifest.sha256}`,
    },
    ...(c.finalEvidencePack
      ? [
          {
            label: '最终证据包 SHA-256',
            labelEn: 'Final evidence pack SHA-256',
            value: `${c.finalEvidencePack.file}\n${c.finalEvidencePack.sha256}`,
          },
        ]
      : []),
    {
      label: '擦除前审计链头',
      labelEn: 'Audit head before',
      value: `#${c.auditHead.seq} ${c.auditHead.hash}`,
    },
    {
      label: '签名证书',
      labelEn: 'Signed by',
      value: `${c.signer.subject}  SHA-256 ${c.signer.fingerprintSha256}`,
    },
    {
      label: '签发证书的公司 CA',
      labelEn: 'Issued by (company CA)',
      value: `${c.signer.company.subject}  SHA-256 ${c.signer.company.fingerprintSha256}`,
    },
  ]);
  pdf.notice(
    '存储介质的局限 · Limits of overwriting',
    '在固态硬盘（磨损均衡）和写时复制或日志文件系统上，覆写不能保证旧数据块被清除；保险库及其备份在写入前即已加密，销毁全部密钥（加密擦除）才是依据。处置整个设备时，请按 NIST SP 800-88 / IEEE 2883 对设备进行清除或物理销毁。',
    'On SSDs (wear levelling) and copy-on-write or journalled file systems an overwrite cannot reach every old block; the vault and its backups were encrypted before they were written, and destroying every key (cryptographic erase) is what this rests on. To dispose of the device itself, purge or destroy it per NIST SP 800-88 / IEEE 2883.',
  );
  pdf.signatureLine([
    { label: '执行人签字', labelEn: 'Performed by (signature)' },
    { label: '核验人签字', labelEn: 'Verified by (signature)' },
    { label: '日期', labelEn: 'Date', share: 0.6 },
  ]);
  howToCheck(
    pdf,
    `openssl cms -verify -binary -inform PEM -in ${names.signature} -content ${names.json} -CAfile ${names.companyCertificate} -out /dev/null`,
    true,
  );
  return pdf.finish();
}
