// The risks every closure starts with (the guide's §14: leakage, damage, legal) and those the vault
// detects itself, each a pure function of the facts that says whether the condition holds now and what it
// found.
import { bi, type Bilingual } from '../../../shared/bilingual';
import type { Risk } from '../../../shared/contract';
import type { ClosureFacts } from '../compliance/facts';
import { daysSince, DRILL_FRESH_DAYS } from '../compliance/rules/common';

export interface SeededRisk {
  id: string;
  source: 'guide' | 'detected';
  category: Risk['category'];
  title: Bilingual;
  description: Bilingual;
  likelihood: number;
  impact: number;
  /** Detected risks: the finding when the condition holds now, null when it does not. */
  detect?: (f: ClosureFacts) => Bilingual | null;
}

export const SEEDED_RISKS: readonly SeededRisk[] = [
  {
    id: 'guide-leakage',
    source: 'guide',
    category: 'leakage',
    title: bi('善后期间客户信息泄露', 'Customer data leaks during the closure'),
    description: bi(
      '丢失的电脑或 U 盘、邮件发送的表格、未删除的明文源文件、不可靠的接收方都可能泄露客户信息。',
      'A lost laptop or USB stick, spreadsheets sent by e-mail, plaintext source files left behind or a careless recipient can leak customer data.',
    ),
    likelihood: 3,
    impact: 4,
  },
  {
    id: 'guide-damage',
    source: 'guide',
    category: 'damage',
    title: bi('法定保存期满前信息损毁或丢失', 'Data damaged or lost before its retention ends'),
    description: bi(
      '磁盘损坏、勒索软件或没有经过测试的备份会使依法应保存的会计和税务资料无法恢复。',
      'A failed disk, ransomware or an untested backup can make the accounting and tax records the law says to keep unrecoverable.',
    ),
    likelihood: 2,
    impact: 4,
  },
  {
    id: 'guide-legal',
    source: 'guide',
    category: 'legal',
    title: bi('处理违反法律规定', 'Processing breaks the law'),
    description: bi(
      '未告知或未取得同意就移交、删除了法律要求保存的资料、超期保存，都可能导致处罚和诉讼（个人信息保护法第六十六、六十九条）。',
      'Transferring without notice or consent, deleting records the law says to keep, or keeping data too long can bring fines and claims (PIPL Arts. 66 and 69).',
    ),
    likelihood: 2,
    impact: 5,
  },
  {
    id: 'detected-no-drill',
    source: 'detected',
    category: 'damage',
    title: bi(
      `${DRILL_FRESH_DAYS} 天内没有通过的恢复演练`,
      `No passed restore drill in ${DRILL_FRESH_DAYS} days`,
    ),
    description: bi(
      '没有演练过的备份不能证明可以恢复。',
      'A backup never restored is not known to be restorable.',
    ),
    likelihood: 3,
    impact: 4,
    detect: (f) => {
      const last = f.backups.lastPassedDrillAt;
      if (!last) return bi('从未通过恢复演练', 'No restore drill has ever passed');
      const days = daysSince(f, last);
      return days > DRILL_FRESH_DAYS
        ? bi(`最近一次通过的演练在 ${days} 天前`, `The last passed drill was ${days} days ago`)
        : null;
    },
  },
  {
    id: 'detected-same-disk',
    source: 'detected',
    category: 'damage',
    title: bi('备份与保险库在同一块磁盘上', 'Backups on the same disk as the vault'),
    description: bi(
      '磁盘损坏时，保险库和这些备份会一起丢失。',
      'When that disk fails, the vault and those backups are lost together.',
    ),
    likelihood: 2,
    impact: 4,
    detect: (f) =>
      f.backups.onVaultDisk > 0
        ? bi(`${f.backups.onVaultDisk} 份备份`, `${f.backups.onVaultDisk} backups`)
        : null,
  },
  {
    id: 'detected-sensitive-consent',
    source: 'detected',
    category: 'legal',
    title: bi('敏感个人信息移交缺少单独同意', 'Sensitive PI to be transferred without separate consent'),
    description: bi(
      '个人信息保护法第二十九条要求处理敏感个人信息取得单独同意；移交前没有同意证据即违法。',
      'PIPL Art. 29 requires separate consent for sensitive PI; transferring it without evidence of consent breaks the law.',
    ),
    likelihood: 3,
    impact: 5,
    detect: (f) => {
      const n = f.handover ? f.handover.sensitiveWithoutConsent : f.customers.sensitiveTransfer;
      return n > 0
        ? bi(
            `${n} 条敏感记录移交，保险库中没有单独同意的证据`,
            `${n} sensitive records to transfer with no evidence of separate consent in the vault`,
          )
        : null;
    },
  },
  {
    id: 'detected-weak-passphrase',
    source: 'detected',
    category: 'leakage',
    title: bi('用户口令强度弱', 'Users with weak passphrases'),
    description: bi(
      '弱口令使偷到保险库文件和密钥环的人更容易猜出口令。',
      'A weak passphrase makes it easier for whoever steals the vault and its keyring to guess their way in.',
    ),
    likelihood: 2,
    impact: 5,
    detect: (f) =>
      f.users.weak.length
        ? bi(`用户：${f.users.weak.join('、')}`, `Users: ${f.users.weak.join(', ')}`)
        : null,
  },
  {
    id: 'detected-retention-expired',
    source: 'detected',
    category: 'legal',
    title: bi('保留记录已超过保存期限', 'Retained records past their end date'),
    description: bi(
      '法定保存期满后继续保存违反存储限制原则（个人信息保护法第十九、四十七条）。',
      'Keeping data after its legal period ends breaks storage limitation (PIPL Arts. 19 and 47).',
    ),
    likelihood: 3,
    impact: 3,
    detect: (f) =>
      f.customers.retainExpired > 0
        ? bi(`${f.customers.retainExpired} 条记录`, `${f.customers.retainExpired} records`)
        : null,
  },
  {
    id: 'detected-plaintext-sources',
    source: 'detected',
    category: 'leakage',
    title: bi('明文源文件仍在磁盘上', 'Plaintext source files still on disk'),
    description: bi(
      '导入后的原始表格是未加密的客户信息副本。',
      'The imported spreadsheets are unencrypted copies of the customer data.',
    ),
    likelihood: 3,
    impact: 3,
    detect: (f) =>
      f.sources.plaintextKept > 0
        ? bi(`${f.sources.plaintextKept} 个文件`, `${f.sources.plaintextKept} files`)
        : null,
  },
  {
    id: 'detected-audit-broken',
    source: 'detected',
    category: 'legal',
    title: bi('审计链校验失败', 'The audit chain does not verify'),
    description: bi(
      '操作记录可能被篡改，无法证明做了什么。',
      'The record of operations may have been tampered with; what was done cannot be shown.',
    ),
    likelihood: 1,
    impact: 5,
    detect: (f) =>
      f.audit.ok ? null : bi(`第 ${f.audit.firstProblem?.seq} 条`, `Entry ${f.audit.firstProblem?.seq}`),
  },
];
