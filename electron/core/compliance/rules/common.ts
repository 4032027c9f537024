// Evaluations more than one regime asks for (encryption, restorable backups, an intact audit chain,
// deletion done, dispositions complete…), written once.
import type { ClosureFacts } from '../facts';
import { agree, counted, met, noEvidenceYet, notApplicable, notMet, open, type Evaluation } from './rule';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A restore drill counts as recent for this long (the guide's "drill at least monthly during the closure"). */
export const DRILL_FRESH_DAYS = 30;

export const daysSince = (f: ClosureFacts, iso: string): number =>
  Math.floor((f.now.getTime() - new Date(iso).getTime()) / DAY_MS);

export function encryption(f: ClosureFacts): Evaluation {
  return f.vault.encryptedAtRest && f.vault.cipher === 'sqlcipher'
    ? met(
        '保险库文件为 SQLCipher 4 格式（每页 AES-256-CBC 加 HMAC-SHA512），密钥为随机 256 位；文件头不是明文 SQLite',
        "The vault file is SQLCipher 4 (AES-256-CBC with HMAC-SHA512 per page) under a random 256-bit key; its header is not plain SQLite's",
      )
    : notMet('保险库文件未加密', 'The vault file is not encrypted');
}

export function backupRestorable(f: ClosureFacts): Evaluation {
  const b = f.backups;
  if (b.copies === 0) return notMet('还没有备份', 'No backup yet');
  if (!b.lastDrill)
    return notMet(
      `有 ${b.copies} 份备份，但从未做过恢复演练`,
      `${counted(b.copies, 'backup')}, but no restore drill yet`,
    );
  if (!b.lastDrill.ok)
    return notMet(
      `最近一次恢复演练（${b.lastDrill.at.slice(0, 10)}）未通过`,
      `The last restore drill (${b.lastDrill.at.slice(0, 10)}) failed`,
    );
  const age = daysSince(f, b.lastDrill.at);
  return age <= DRILL_FRESH_DAYS
    ? met(
        `最近一次恢复演练 ${b.lastDrill.at.slice(0, 10)} 通过（${age} 天前）`,
        `The last restore drill passed on ${b.lastDrill.at.slice(0, 10)} (${age} days ago)`,
      )
    : notMet(
        `最近一次恢复演练已是 ${age} 天前（超过 ${DRILL_FRESH_DAYS} 天）`,
        `The last restore drill was ${age} days ago (over ${DRILL_FRESH_DAYS})`,
      );
}

export function backupsOffDisk(f: ClosureFacts): Evaluation {
  const b = f.backups;
  if (b.present === 0) return notMet('没有可用的备份副本', 'No backup copy at hand');
  return b.onVaultDisk > 0
    ? notMet(
        `${b.onVaultDisk} 份备份与保险库在同一块磁盘上`,
        `${counted(b.onVaultDisk, 'backup')} ${agree(b.onVaultDisk, 'is', 'are')} on the vault's own disk`,
      )
    : met(
        `${b.present} 份备份都在保险库以外的磁盘上`,
        `All ${b.present} backups are on other disks than the vault's`,
      );
}

export function auditIntact(f: ClosureFacts): Evaluation {
  const a = f.audit;
  if (!a.ok)
    return notMet(
      `审计链在第 ${a.firstProblem?.seq} 条出现问题（${a.firstProblem?.kind}）`,
      `The audit chain breaks at entry ${a.firstProblem?.seq} (${a.firstProblem?.kind})`,
    );
  return a.signaturesChecked
    ? met(
        `审计链 ${a.entries} 条记录的哈希与签名逐条核对无误，${a.checkpoints} 个签名检查点有效`,
        `All ${a.entries} audit entries chain and carry valid signatures; ${a.checkpoints} signed checkpoints are valid`,
      )
    : met(
        `审计链 ${a.entries} 条记录逐条衔接无误（签名在报告和证据包中逐一核对），共 ${a.checkpoints} 个签名检查点`,
        `All ${a.entries} audit entries chain correctly (signatures are checked one by one for the report and the evidence pack); ${a.checkpoints} signed checkpoints`,
      );
}

export function dispositionsComplete(f: ClosureFacts): Evaluation {
  const c = f.customers;
  if (c.total === 0) return notMet('保险库中还没有客户记录', 'The vault holds no customer records yet');
  return c.withoutDisposition === 0
    ? met(`全部 ${c.total} 条记录都有处置决定`, `All ${c.total} records have a disposition`)
    : notMet(
        `${c.withoutDisposition} / ${c.total} 条记录还没有处置决定`,
        `${c.withoutDisposition} of ${counted(c.total, 'record')} ${agree(c.withoutDisposition, 'has', 'have')} no disposition yet`,
      );
}

/** DESTROY records purged, and every records wipe certified (its verification passed). */
export function deletionDone(f: ClosureFacts): Evaluation {
  const c = f.customers;
  if (c.destroyPending > 0)
    return notMet(
      `${c.destroyPending} 条处置为“销毁”的记录仍在保险库中`,
      `${counted(c.destroyPending, 'record')} marked DESTROY ${agree(c.destroyPending, 'is', 'are')} still in the vault`,
    );
  if (c.withoutDisposition > 0)
    return notMet(
      `${c.withoutDisposition} 条记录还没有处置决定`,
      `${counted(c.withoutDisposition, 'record')} ${agree(c.withoutDisposition, 'has', 'have')} no disposition yet`,
    );
  if (f.wipe.uncertified > 0)
    return notMet(
      `${f.wipe.uncertified} 次记录销毁尚未出具销毁证明：请继续完成`,
      `${counted(f.wipe.uncertified, 'records wipe')} ${agree(f.wipe.uncertified, 'has', 'have')} no certificate of sanitisation yet: resume ${agree(f.wipe.uncertified, 'it', 'them')}`,
    );
  if (f.wipe.certificates > 0)
    return met(
      `已删除 ${f.wipe.purgedRecords} 条记录，有 ${f.wipe.certificates} 份销毁证明`,
      `${counted(f.wipe.purgedRecords, 'record')} deleted, ${counted(f.wipe.certificates, 'certificate of sanitisation', 'certificates of sanitisation')}`,
    );
  return c.total > 0
    ? met('没有等待删除的“销毁”记录', 'No DESTROY record is waiting to be deleted')
    : notMet('保险库中还没有客户记录', 'The vault holds no customer records yet');
}

export function classified(f: ClosureFacts): Evaluation {
  const c = f.customers;
  if (c.total === 0) return notMet('保险库中还没有客户记录', 'The vault holds no customer records yet');
  return c.unclassified === 0
    ? met(
        `全部 ${c.total} 条记录已按现行规则分类（个人 ${c.individual}，企业 ${c.business}；敏感 ${c.sensitive}，未成年 ${c.minors}）`,
        `All ${c.total} records are classified under the current rules (individuals ${c.individual}, businesses ${c.business}; sensitive ${c.sensitive}, minors ${c.minors})`,
      )
    : notMet(
        `${c.unclassified} 条记录未按现行规则分类`,
        `${counted(c.unclassified, 'record')} ${agree(c.unclassified, 'is', 'are')} not classified under the current rules`,
      );
}

export function accessControl(f: ClosureFacts): Evaluation {
  const roles = { owner: 0, operator: 0, auditor: 0 };
  for (const u of f.users.active) roles[u.role]++;
  const summary = `所有者 ${roles.owner}，操作员 ${roles.operator}，审计员 ${roles.auditor}`;
  const summaryEn = `owners ${roles.owner}, operators ${roles.operator}, auditors ${roles.auditor}`;
  if (roles.owner === 0) return notMet(`没有所有者（${summary}）`, `No owner (${summaryEn})`);
  return met(
    `每位用户各有口令和角色，引擎按角色核准每个操作并记录拒绝：${summary}`,
    `Each user has their own passphrase and role; the engine checks every operation against the role and records refusals: ${summaryEn}`,
  );
}

export function retentionKept(f: ClosureFacts): Evaluation {
  const c = f.customers;
  if (c.dispositions.RETAIN === 0)
    return notApplicable('没有处置为“保留”的记录', 'No record is marked RETAIN');
  if (c.retainIncomplete > 0)
    return notMet(
      `${c.retainIncomplete} 条保留记录缺少法律依据或截止日期`,
      `${c.retainIncomplete} retained records lack a legal basis or an end date`,
    );
  if (c.retainExpired > 0)
    return notMet(
      `${c.retainExpired} 条保留记录已过保留截止日`,
      `${c.retainExpired} retained records are past their end date`,
    );
  return met(
    `${c.dispositions.RETAIN} 条保留记录都有法律依据和截止日期（${c.retention.length} 种依据），均未过期`,
    `All ${c.dispositions.RETAIN} retained records have a legal basis and an end date (${c.retention.length} bases), none expired`,
  );
}

export function assessmentApproved(f: ClosureFacts, kind: 'pipia' | 'dpia', required: boolean): Evaluation {
  const a = f.compliance.assessments[kind];
  const name = kind === 'pipia' ? ['个人信息保护影响评估', 'PIPIA'] : ['数据保护影响评估', 'DPIA'];
  if (!required)
    return notApplicable(
      `本次善后不涉及需要${name[0]}的处理`,
      `No processing in this closure calls for a ${name[1]}`,
    );
  if (a.status === 'approved' || a.approvedAt)
    return met(
      `${name[0]}已于 ${a.approvedAt?.slice(0, 10)} 批准`,
      `The ${name[1]} was approved on ${a.approvedAt?.slice(0, 10)}`,
    );
  return notMet(
    `需要${name[0]}（敏感个人信息 ${f.customers.sensitive}，移交 ${f.customers.dispositions.TRANSFER}），尚未批准`,
    `A ${name[1]} is needed (sensitive ${f.customers.sensitive}, transfers ${f.customers.dispositions.TRANSFER}) and is not approved yet`,
  );
}

/**
 * PIPL Art. 55 for the closure: the closure-wide assessment approved, and every handover's own PIPIA
 * approved and still matching its handover.
 */
export function pipiaDone(f: ClosureFacts): Evaluation {
  const a = assessmentApproved(f, 'pipia', pipiaRequired(f));
  const h = f.handover;
  if (a.status !== 'met' || !h || h.pipiasApproved === h.handovers) return a;
  return notMet(
    `${h.handovers - h.pipiasApproved} / ${h.handovers} 次移交的个人信息保护影响评估尚未批准（或批准后移交有变化）`,
    `${h.handovers - h.pipiasApproved} of ${counted(h.handovers, 'handover')} ${agree(h.handovers - h.pipiasApproved, 'has', 'have')} no approved PIPIA (or changed since it was approved)`,
  );
}

/** PIPL Art. 55: sensitive PI, or providing PI to another processor (the closure's transfers). */
export const pipiaRequired = (f: ClosureFacts): boolean =>
  f.customers.sensitive > 0 || f.customers.dispositions.TRANSFER > 0;

export function trainingDone(f: ClosureFacts): Evaluation {
  const c = f.compliance;
  if (c.people === 0) return notMet('还没有登记善后人员', 'No people of the closure are recorded yet');
  if (c.trainingSessions === 0) return notMet('还没有培训记录', 'No training session is recorded');
  return c.untrained === 0
    ? met(
        `${c.people} 名善后人员在最近 12 个月内都参加过培训（最近一次 ${c.lastTrainingOn}）`,
        `All ${c.people} people of the closure attended training in the last 12 months (last on ${c.lastTrainingOn})`,
      )
    : notMet(
        `${c.untrained} / ${c.people} 名善后人员最近 12 个月没有参加培训`,
        `${c.untrained} of ${c.people} people of the closure had no training in the last 12 months`,
      );
}

export function ropaCurrent(f: ClosureFacts): Evaluation {
  const written = f.compliance.settings['ropa.writtenAt'];
  if (!written)
    return notMet('还没有生成处理活动记录', 'No record of processing activities has been written');
  const change = f.lastProcessingChangeAt;
  return change && change > written
    ? notMet(
        `处理活动记录生成于 ${written.slice(0, 10)}，此后处理又有变化（${change.slice(0, 10)}）`,
        `The record of processing was written on ${written.slice(0, 10)}; processing changed since (${change.slice(0, 10)})`,
      )
    : met(
        `处理活动记录生成于 ${written.slice(0, 10)}，此后处理没有变化`,
        `The record of processing was written on ${written.slice(0, 10)}; processing has not changed since`,
      );
}

export function handoverNotices(f: ClosureFacts): Evaluation {
  if (f.customers.dispositions.TRANSFER === 0)
    return notApplicable('没有处置为“移交”的记录', 'No record is marked TRANSFER');
  if (!f.handover) return noEvidenceYet('移交通知', 'handover notices');
  const pending = f.handover.noticesPending + f.handover.transferWithoutHandover;
  return pending === 0
    ? met(
        '所有移交客户都已收到载明接收方名称和联系方式的通知',
        'Every customer being transferred was sent a notice naming the recipient and its contact',
      )
    : notMet(
        `${pending} 位移交客户尚未通知（已发出 ${f.handover.noticesSent} 份）`,
        `${counted(pending, 'customer')} being transferred ${agree(pending, 'has', 'have')} not been notified (${counted(f.handover.noticesSent, 'notice')} sent)`,
      );
}

export function consentsForTransfers(f: ClosureFacts, what: 'sensitive' | 'minors'): Evaluation {
  const n = what === 'sensitive' ? f.customers.sensitiveTransfer : f.customers.minorsTransfer;
  const total = what === 'sensitive' ? f.customers.sensitive : f.customers.minors;
  const zh = what === 'sensitive' ? '敏感个人信息' : '不满十四周岁未成年人';
  const en = what === 'sensitive' ? 'sensitive personal information' : 'minors under 14';
  if (total === 0) return notApplicable(`没有涉及${zh}的记录`, `No record holds ${en}`);
  if (n === 0)
    return met(
      `${total} 条涉及${zh}的记录都不移交（保留、匿名化或销毁）`,
      `None of the ${total} records with ${en} is transferred (kept, anonymised or destroyed)`,
    );
  if (!f.handover)
    return open(
      `${n} 条涉及${zh}的记录将移交：单独同意的证据尚未在保险库中，请手工回答`,
      `${counted(n, 'record')} with ${en} ${agree(n, 'is', 'are')} to be transferred: no evidence of separate consent in the vault yet, answer by hand`,
    );
  const missing = what === 'sensitive' ? f.handover.sensitiveWithoutConsent : f.handover.minorsWithoutConsent;
  const consent =
    what === 'sensitive' ? ['单独同意', 'separate consent'] : ['监护人同意', 'guardian consent'];
  return missing === 0
    ? met(
        `${n} 条涉及${zh}的移交记录都有${consent[0]}（没有同意的不会随包移交）`,
        `All ${n} records with ${en} to transfer have ${consent[1]} (none travels without it)`,
      )
    : notMet(
        `${missing} 位涉及${zh}的客户缺少${consent[0]}，在取得前不会移交`,
        `${counted(missing, 'customer')} with ${en} ${agree(missing, 'lacks', 'lack')} ${consent[1]}; ${agree(missing, 'it does', 'they do')} not travel until it is recorded`,
      );
}

const REQUEST_REGIME_NAMES = {
  pipl: ['个人行使权利', 'PIPL'],
  gdpr: ['数据主体', 'GDPR data subject'],
  ccpa: ['消费者', 'CCPA consumer'],
} as const;

const lateList = (late: Array<{ ref: string; due: string; closedOn: string | null }>, zh: boolean) =>
  late
    .map((l) =>
      zh
        ? `${l.ref}（应于 ${l.due} 前${l.closedOn ? `，${l.closedOn} 答复` : ''}）`
        : `${l.ref} (due ${l.due}${l.closedOn ? `, answered ${l.closedOn}` : ''})`,
    )
    .join(zh ? '、' : ', ');

/**
 * Data subjects' rights (PIPL Arts. 44–50, GDPR Arts. 12(3) and 15–22, CCPA 1798.100–1798.130) from the
 * requests register: open requests past their due date, or answered after it, fail by reference; all
 * answered in time pass; none received is not applicable.
 */
export const requestsAnswered =
  (regime: 'pipl' | 'gdpr' | 'ccpa') =>
  (f: ClosureFacts): Evaluation => {
    const [zhName, enName] = REQUEST_REGIME_NAMES[regime];
    if (!f.requests) return noEvidenceYet(`${zhName}请求`, `${enName} requests`);
    const r = f.requests[regime];
    if (r.received === 0)
      return notApplicable(
        `请求登记册中没有收到${zhName}请求`,
        `The requests register holds no ${enName} request received`,
      );
    if (r.overdue.length)
      return notMet(
        `${r.overdue.length} 件请求逾期未答复：${lateList(r.overdue, true)}`,
        `${counted(r.overdue.length, 'request')} ${agree(r.overdue.length, 'is', 'are')} overdue: ${lateList(r.overdue, false)}`,
      );
    if (r.answeredLate.length)
      return notMet(
        `${r.answeredLate.length} 件请求超期答复：${lateList(r.answeredLate, true)}`,
        `${counted(r.answeredLate.length, 'request')} ${agree(r.answeredLate.length, 'was', 'were')} answered late: ${lateList(r.answeredLate, false)}`,
      );
    const pending = r.open
      ? [`；${r.open} 件在办，最早 ${r.nextDue} 到期`, `; ${r.open} open, the first due ${r.nextDue}`]
      : ['', ''];
    return met(
      `收到 ${r.received} 件，已答复的均在期限内${pending[0]}`,
      `${r.received} received, every one answered in time${pending[1]}`,
    );
  };
