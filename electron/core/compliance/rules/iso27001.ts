// ISO/IEC 27001:2022 Annex A controls that apply to a closure.
import { bi } from '../../../../shared/bilingual';
import {
  accessControl,
  auditIntact,
  backupRestorable,
  backupsOffDisk,
  classified,
  deletionDone,
  dispositionsComplete,
  encryption,
  pipiaDone,
  trainingDone,
} from './common';
import { incidentsHandled } from './incidents';
import { met, noEvidenceYet, notMet, type Rule } from './rule';

export const ISO27001_RULES: readonly Rule[] = [
  {
    id: 'iso-5.10',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.10–5.11',
    title: bi('设备和介质已收回', 'Devices and media are returned'),
    evaluate: () => noEvidenceYet('设备和介质的收回', 'the return of devices and media'),
  },
  {
    id: 'iso-5.12',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.12',
    title: bi('信息已分类', 'Information is classified'),
    evaluate: classified,
  },
  {
    id: 'iso-5.15',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.15, 5.18',
    title: bi('访问控制与访问权限', 'Access control and access rights'),
    evaluate: accessControl,
  },
  {
    id: 'iso-5.24',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.24–5.28',
    title: bi('信息安全事件管理', 'Information security incident management'),
    evaluate: incidentsHandled(['pipl', 'gdpr', 'ccpa']),
  },
  {
    id: 'iso-5.33',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.33',
    title: bi(
      '记录受保护，不被篡改并按期保存',
      'Records are protected from falsification and kept for their period',
    ),
    evaluate: auditIntact,
  },
  {
    id: 'iso-5.34',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.5.34',
    title: bi('隐私和个人身份信息保护', 'Privacy and protection of PII'),
    evaluate: (f) => {
      const d = dispositionsComplete(f);
      if (d.status !== 'met') return d;
      const a = pipiaDone(f);
      return a.status === 'not-met' ? a : d;
    },
  },
  {
    id: 'iso-6.3',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.6.3, 6.6',
    title: bi('信息安全意识培训与保密承诺', 'Awareness training and confidentiality undertakings'),
    evaluate: (f) => {
      const t = trainingDone(f);
      if (t.status !== 'met') return t;
      return f.compliance.withoutUndertaking === 0
        ? met(
            `${f.compliance.people} 人都签署了保密承诺并参加了培训`,
            `All ${f.compliance.people} people signed the confidentiality undertaking and were trained`,
          )
        : notMet(
            `${f.compliance.withoutUndertaking} 人尚未签署保密承诺`,
            `${f.compliance.withoutUndertaking} people have not signed the confidentiality undertaking`,
          );
    },
  },
  {
    id: 'iso-8.10',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.8.10',
    title: bi(
      '不再需要的信息已删除，并保留删除证据',
      'Information no longer needed is deleted, with evidence of deletion',
    ),
    evaluate: deletionDone,
  },
  {
    id: 'iso-8.12',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.8.12',
    title: bi(
      '防止数据泄露：导入后删除明文源文件',
      'Data leakage prevention: plaintext source files deleted after import',
    ),
    evaluate: (f) =>
      f.sources.count === 0
        ? notMet('还没有导入任何文件', 'No file has been imported yet')
        : f.sources.plaintextKept === 0
          ? met(
              `${f.sources.count} 个明文源文件导入后都已删除`,
              `All ${f.sources.count} plaintext source files were deleted after import`,
            )
          : notMet(
              `${f.sources.plaintextKept} / ${f.sources.count} 个明文源文件仍未删除`,
              `${f.sources.plaintextKept} of ${f.sources.count} plaintext source files have not been deleted`,
            ),
  },
  {
    id: 'iso-8.13',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.8.13',
    title: bi(
      '信息备份：异盘保存并定期测试恢复',
      'Information backup: kept on another disk and restore-tested',
    ),
    evaluate: (f) => {
      const off = backupsOffDisk(f);
      return off.status !== 'met' ? off : backupRestorable(f);
    },
  },
  {
    id: 'iso-8.15',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.8.15',
    title: bi('日志记录受保护', 'Logging is protected'),
    evaluate: auditIntact,
  },
  {
    id: 'iso-8.24',
    regime: 'iso27001',
    article: 'ISO/IEC 27001:2022 A.8.24',
    title: bi('使用密码技术，包括密钥管理', 'Use of cryptography, including key management'),
    evaluate: (f) => {
      const e = encryption(f);
      if (e.status !== 'met') return e;
      const cert = f.vault.companyCertificate;
      if (!cert || !cert.valid)
        return notMet('公司签名证书缺失或已过期', 'The company signing certificate is missing or expired');
      return f.vault.recoveryKeyConfirmed
        ? met(
            `SQLCipher 4 加密；口令槽 Argon2id；恢复密钥已确认保存；公司证书有效至 ${cert.notAfter.slice(0, 10)}`,
            `SQLCipher 4 encryption; Argon2id key slots; the recovery key is confirmed stored; the company certificate is valid until ${cert.notAfter.slice(0, 10)}`,
          )
        : notMet('恢复密钥尚未确认保存', 'The recovery key has not been confirmed as stored');
    },
  },
];
