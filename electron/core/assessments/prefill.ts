// What a PIPIA or DPIA says about the processing, taken from the vault (counts, kinds, regions, recipients,
// retention, the measures in place), and the first draft of its narrative sections.
import { bi, type Bilingual } from '../../../shared/bilingual';
import type { AssessmentBody, AssessmentFacts, AssessmentKind } from '../../../shared/contract';
import type { ClosureFacts } from '../compliance/facts';
import { auditIntact, backupRestorable, encryption, pipiaRequired } from '../compliance/rules/common';

export function assessmentFacts(f: ClosureFacts): AssessmentFacts {
  const c = f.customers;
  const measures: Bilingual[] = [encryption(f), auditIntact(f), backupRestorable(f)]
    .filter((e) => e.status === 'met')
    .map((e) => e.evidence);
  measures.push(
    bi(
      `按角色控制访问：${f.users.active.length} 位用户，各自口令，拒绝的操作也记入审计链`,
      `Access by role: ${f.users.active.length} users, each with their own passphrase; refused operations are audited too`,
    ),
  );
  if (f.compliance.people > 0)
    measures.push(
      bi(
        `${f.compliance.people} 名善后人员，${f.compliance.people - f.compliance.withoutUndertaking} 人签署保密承诺，培训 ${f.compliance.trainingSessions} 次`,
        `${f.compliance.people} people in the closure, ${f.compliance.people - f.compliance.withoutUndertaking} signed the confidentiality undertaking, ${f.compliance.trainingSessions} training sessions`,
      ),
    );
  return {
    at: f.now.toISOString(),
    clientName: f.vault.clientName,
    customers: c.total,
    subjects: { individual: c.individual, business: c.business, unknown: c.unknownType },
    dataKinds: c.dataKinds,
    sensitive: c.sensitiveByKind,
    sensitiveRecords: c.sensitive,
    minors: c.minors,
    regions: c.regions,
    countries: c.countries,
    euResidents: c.eu,
    californiaResidents: c.california,
    dispositions: { ...c.dispositions, none: c.withoutDisposition },
    recipients: c.recipients,
    retention: c.retention.map((r) => ({ basis: r.basis, records: r.records, until: r.latest })),
    measures,
    handoverPipias: f.handover?.pipias ?? [],
  };
}

export function assessmentRequired(
  f: ClosureFacts,
  kind: AssessmentKind,
): { required: boolean; because: Bilingual } {
  const c = f.customers;
  if (kind === 'pipia')
    return pipiaRequired(f)
      ? {
          required: true,
          because: bi(
            `个人信息保护法第五十五条：处理敏感个人信息（${c.sensitive} 条）或向他人提供（${c.dispositions.TRANSFER} 条）前须评估`,
            `PIPL Art. 55: processing sensitive PI (${c.sensitive} records) or providing PI to others (${c.dispositions.TRANSFER} records) needs one first`,
          ),
        }
      : {
          required: false,
          because: bi('没有敏感个人信息，也不向他人提供', 'No sensitive PI and nothing provided to others'),
        };
  const highRisk = c.sensitive > 0 || c.dispositions.TRANSFER > 0;
  return c.eu > 0 && highRisk
    ? {
        required: true,
        because: bi(
          `GDPR 第三十五条：${c.eu} 位欧盟居民的数据涉及敏感信息或移交`,
          `GDPR Art. 35: the data of ${c.eu} EU residents includes sensitive data or a transfer`,
        ),
      }
    : {
        required: false,
        because:
          c.eu === 0
            ? bi('客户中没有欧盟居民', 'No EU residents among the customers')
            : bi('没有高风险处理', 'No high-risk processing'),
      };
}

const both = (zh: string, en: string) => `${zh}\n${en}`;

export function draftBody(f: ClosureFacts): AssessmentBody {
  const c = f.customers;
  const recipients = c.recipients.map((r) => r.name).join('、') || '—';
  return {
    purposes: both(
      `公司解散注销，善后处理客户个人信息：依法保存会计、税务资料（${c.dispositions.RETAIN} 条），移交给承继方（${c.dispositions.TRANSFER} 条，接收方：${recipients}），其余匿名化（${c.dispositions.ANONYMISE} 条）或销毁（${c.dispositions.DESTROY} 条）。`,
      `The company is being dissolved: customers' personal information is kept where the law requires (accounting and tax records, ${c.dispositions.RETAIN}), transferred to the successor (${c.dispositions.TRANSFER}; recipients: ${recipients}), and otherwise anonymised (${c.dispositions.ANONYMISE}) or destroyed (${c.dispositions.DESTROY}).`,
    ),
    lawfulness: '',
    impact: '',
    likelihood: c.sensitive > 0 || c.minors > 0 ? 3 : 2,
    severity: c.sensitive > 0 || c.minors > 0 ? 4 : 3,
    measures: both(
      '保险库加密保存（SQLCipher 4），按角色授权，全部操作记入防篡改审计链，备份异盘保存并做恢复演练。',
      'Encrypted vault (SQLCipher 4), role-based access, every operation in a tamper-evident audit chain, backups on other disks with restore drills.',
    ),
    proportionality: '',
    conclusion: '',
    residualRisk: 'medium',
    dpoAdvice: '',
    reviewDate: null,
  };
}

/** Sections an approver still has to fill in. */
export function missingSections(body: AssessmentBody, kind: AssessmentKind): string[] {
  const required: Array<keyof AssessmentBody> = [
    'purposes',
    'lawfulness',
    'impact',
    'measures',
    'proportionality',
    'conclusion',
  ];
  if (kind === 'dpia') required.push('dpoAdvice', 'reviewDate');
  return required.filter((key) => {
    const value = body[key];
    return value === null || (typeof value === 'string' && value.trim() === '');
  });
}
