// The restore-drill certificate: after a drill passes, the same facts as a PDF (Chinese and English, for
// people), as JSON (for machines), and a detached CMS signature of the JSON's exact bytes by the acting user's certified key,
// which `openssl cms -verify` checks without Closeout. Format: docs/FORMATS.md §9.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BackupCheck } from '../../../shared/contract';
import { DocumentBuilder } from '../documents/pdf';
import { certificateJson, howToCheck, writeDocumentFiles } from '../documents/signed-document';
import { fileStamp } from '../util/file-stamp';
import { formatDateTime } from '../documents/write-document';
import { EngineError } from '../kernel/engine-error';
import { guardWrite, type WriteScope } from '../util/write-guard';
import { certificateInfo } from '../pki';
import { cmsSign, type SessionSigner } from '../vault/signer';
import type { BackupManifest } from './manifest';

const CERTIFICATE_FORMAT = 'closeout-restore-drill-certificate';

export interface DrillCertificate {
  format: typeof CERTIFICATE_FORMAT;
  version: 1;
  certificateId: string;
  issuedAt: string;
  vault: { vaultId: string; clientName: string; creditCode: string | null };
  backup: {
    backupId: string;
    file: string;
    createdAt: string;
    size: number;
    sha256: string;
    schemaVersion: number;
    contentDigest: string;
    rowCounts: Record<string, number>;
    records: number;
    auditHead: { seq: number; hash: string };
  };
  drill: {
    at: string;
    by: string;
    result: 'restore-verified';
    checks: Array<{ name: string; ok: boolean }>;
    /** The drill's own entry in the vault's audit chain (a signed checkpoint was made at it). */
    auditEntry: { seq: number; hash: string };
  };
  signer: { subject: string; fingerprintSha256: string };
  appVersion: string;
}

export interface CertificateFacts {
  manifest: BackupManifest;
  /** Computed by the drill from the restored copy (for a version-1 manifest, equal to its own). */
  contentDigest: string;
  creditCode: string | null;
  at: Date;
  by: string;
  checks: BackupCheck[];
  auditEntry: { seq: number; hash: string };
  appVersion: string;
}

export function certificateOf(facts: CertificateFacts, signedBy: SessionSigner): DrillCertificate {
  const m = facts.manifest;
  const signer = certificateInfo(signedBy.certificatePem!);
  return {
    format: CERTIFICATE_FORMAT,
    version: 1,
    certificateId: randomUUID(),
    issuedAt: facts.at.toISOString(),
    vault: { vaultId: m.vaultId, clientName: m.clientName, creditCode: facts.creditCode },
    backup: {
      backupId: m.backupId,
      file: m.file,
      createdAt: m.createdAt,
      size: m.size,
      sha256: m.sha256,
      schemaVersion: m.schemaVersion,
      contentDigest: facts.contentDigest,
      rowCounts: m.rowCounts,
      records: Object.values(m.rowCounts).reduce((a, b) => a + b, 0),
      auditHead: m.auditHead,
    },
    drill: {
      at: facts.at.toISOString(),
      by: facts.by,
      result: 'restore-verified',
      checks: facts.checks.map((c) => ({ name: c.name, ok: c.ok })),
      auditEntry: facts.auditEntry,
    },
    signer: { subject: signer.subject, fingerprintSha256: signer.fingerprintSha256 },
    appVersion: facts.appVersion,
  };
}

async function renderPdf(c: DrillCertificate, at: Date): Promise<Buffer> {
  const pdf = new DocumentBuilder({
    title: `恢复演练证明 Restore drill certificate — ${c.vault.clientName}`,
    subject: `Closeout vault ${c.vault.vaultId}, backup ${c.backup.backupId}`,
    keywords: 'Closeout, backup, restore drill',
    createdAt: at,
    appVersion: c.appVersion,
    runningHeader: { left: `恢复演练证明 Restore drill certificate  ·  ${c.vault.clientName}` },
  });
  pdf.title('恢复演练证明', 'Restore drill certificate');
  pdf.bilingual(
    `本证明确认：${c.vault.clientName} 的备份已被实际恢复到一个临时保险库中，并逐条记录与签名清单核对一致，` +
      '随后临时副本已删除。',
    `This certifies that a backup of ${c.vault.clientName} was actually restored into a scratch vault and ` +
      'compared record by record with its signed manifest, and that the scratch copy was then deleted.',
    { gap: 12 },
  );
  pdf.heading('保险库', 'Vault');
  pdf.keyValueTable([
    { label: '客户公司', labelEn: 'Client company', value: c.vault.clientName },
    {
      label: '统一社会信用代码',
      labelEn: 'Unified social credit code',
      value: c.vault.creditCode ?? '—',
    },
    { label: '保险库编号', labelEn: 'Vault ID', value: c.vault.vaultId },
  ]);
  pdf.heading('备份', 'Backup');
  pdf.keyValueTable([
    { label: '备份文件', labelEn: 'Backup file', value: c.backup.file },
    { label: '备份编号', labelEn: 'Backup ID', value: c.backup.backupId },
    { label: '备份时间', labelEn: 'Backed up', value: formatDateTime(new Date(c.backup.createdAt)) },
    { label: '大小', labelEn: 'Size', value: `${c.backup.size} bytes` },
    { label: '文件 SHA-256', labelEn: 'File SHA-256', value: c.backup.sha256 },
    { label: '内容摘要', labelEn: 'Content digest', value: c.backup.contentDigest },
    { label: '记录数', labelEn: 'Records', value: String(c.backup.records) },
    {
      label: '审计链头',
      labelEn: 'Audit head',
      value: `#${c.backup.auditHead.seq} ${c.backup.auditHead.hash}`,
    },
  ]);
  pdf.heading('演练', 'Drill');
  pdf.keyValueTable([
    { label: '结果', labelEn: 'Result', value: '恢复验证通过 · restore verified' },
    { label: '演练时间', labelEn: 'Drilled', value: formatDateTime(at) },
    { label: '执行人', labelEn: 'By', value: c.drill.by },
    {
      label: '检查项',
      labelEn: 'Checks',
      value: `${c.drill.checks.length} 项全部通过 · all ${c.drill.checks.length} passed: ${c.drill.checks.map((k) => k.name).join(', ')}`,
    },
    {
      label: '审计条目',
      labelEn: 'Audit entry',
      value: `#${c.drill.auditEntry.seq} ${c.drill.auditEntry.hash}`,
    },
    {
      label: '签名证书',
      labelEn: 'Signed by',
      value: `${c.signer.subject}  SHA-256 ${c.signer.fingerprintSha256}`,
    },
  ]);
  howToCheck(
    pdf,
    'openssl cms -verify -binary -inform PEM -in X.json.p7s -content X.json -noverify -out /dev/null',
    false,
  );
  return pdf.finish();
}

export interface WrittenCertificate {
  pdf: string;
  json: string;
  signature: string;
}

/** Writes the three files (each atomically, never over an existing file). */
export async function writeDrillCertificate(
  dir: string,
  certificate: DrillCertificate,
  signer: SessionSigner,
  at: Date,
  scope: WriteScope,
): Promise<WrittenCertificate> {
  const base = join(dir, `closeout-restore-drill-${certificate.vault.vaultId.slice(0, 8)}-${fileStamp(at)}`);
  const files = { pdf: `${base}.pdf`, json: `${base}.json`, signature: `${base}.json.p7s` };
  for (const file of Object.values(files)) guardWrite(file, scope);
  const json = certificateJson(certificate);
  const signature = cmsSign(signer, json, at);
  if (!signature) throw new EngineError('SIGNING_KEY_PENDING');
  writeDocumentFiles([
    { path: files.json, bytes: json },
    { path: files.signature, bytes: signature },
    { path: files.pdf, bytes: await renderPdf(certificate, at) },
  ]);
  return files;
}
