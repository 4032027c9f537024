// The closure's steps, each a pure function of the facts: Intake → Classify and clean → Dispositions →
// Backup and drill → Notify → Hand over → Wipe → Certify, with what blocks each and the page that does it.
import { bi, type Bilingual } from '../../../shared/bilingual';
import type { PlanNote, PlanRoute, PlanStep, PlanStepId } from '../../../shared/contract';
import { daysSince, DRILL_FRESH_DAYS } from '../compliance/rules/common';
import type { ClosureFacts } from '../compliance/facts';

const note = (code: string, zh: string, en: string): PlanNote => ({ code, text: bi(zh, en) });

type Draft = Omit<PlanStep, 'state'> & { done: boolean; needed: boolean };

const TITLES: Record<PlanStepId, Bilingual> = {
  intake: bi('导入', 'Intake'),
  classify: bi('分类与清洗', 'Classify and clean'),
  dispositions: bi('处置决定', 'Dispositions'),
  backup: bi('备份与恢复演练', 'Backup and drill'),
  notify: bi('通知客户', 'Notify'),
  handover: bi('移交', 'Hand over'),
  wipe: bi('销毁', 'Wipe'),
  certify: bi('认证完成', 'Certify'),
};

const ACTIONS: Record<PlanStepId, { route: PlanRoute; label: Bilingual }> = {
  intake: { route: 'import', label: bi('导入客户文件', 'Import customer files') },
  classify: { route: 'classification', label: bi('分类客户记录', 'Classify the records') },
  dispositions: { route: 'dispositions', label: bi('确定处置', 'Decide dispositions') },
  backup: { route: 'backup', label: bi('备份并做恢复演练', 'Back up and run a restore drill') },
  notify: { route: 'handover', label: bi('通知移交客户', 'Notify the customers being transferred') },
  handover: { route: 'handover', label: bi('完成移交并取得回执', 'Hand over and get the receipt') },
  wipe: { route: 'wipe', label: bi('销毁应销毁的记录', 'Destroy the records marked DESTROY') },
  certify: { route: 'compliance', label: bi('认证善后完成', 'Certify the closure') },
};

function step(id: PlanStepId, parts: Partial<Draft> & Pick<Draft, 'done' | 'summary'>): Draft {
  return {
    id,
    title: TITLES[id],
    source: 'evidence',
    blockers: [],
    warnings: [],
    action: ACTIONS[id],
    confirmation: null,
    needed: true,
    ...parts,
  };
}

function intake(f: ClosureFacts): Draft {
  const c = f.customers;
  return step('intake', {
    done: c.total > 0,
    summary: bi(
      `${f.sources.count} 个文件，${c.total} 条记录`,
      `${f.sources.count} files, ${c.total} records`,
    ),
    blockers:
      c.total === 0 ? [note('no-records', '还没有导入客户记录', 'No customer records imported yet')] : [],
    warnings:
      f.sources.plaintextKept > 0
        ? [
            note(
              'plaintext-sources',
              `${f.sources.plaintextKept} 个明文源文件尚未删除`,
              `${f.sources.plaintextKept} plaintext source files not deleted yet`,
            ),
          ]
        : [],
  });
}

function classify(f: ClosureFacts): Draft {
  const c = f.customers;
  const blockers: PlanNote[] = [];
  if (c.total === 0) blockers.push(note('no-records', '还没有客户记录', 'No customer records yet'));
  if (c.unclassified > 0)
    blockers.push(
      note('unclassified', `${c.unclassified} 条记录未分类`, `${c.unclassified} records not classified`),
    );
  if (c.pendingClusters > 0)
    blockers.push(
      note(
        'pending-duplicates',
        `${c.pendingClusters} 组疑似重复待审核`,
        `${c.pendingClusters} duplicate clusters to review`,
      ),
    );
  return step('classify', {
    done: blockers.length === 0,
    summary: bi(
      `敏感 ${c.sensitive}，未成年 ${c.minors}，久未往来 ${c.stale}`,
      `sensitive ${c.sensitive}, minors ${c.minors}, stale ${c.stale}`,
    ),
    blockers,
    action:
      c.unclassified === 0 && c.pendingClusters > 0
        ? { route: 'duplicates', label: bi('审核疑似重复', 'Review duplicates') }
        : ACTIONS.classify,
  });
}

function dispositions(f: ClosureFacts): Draft {
  const c = f.customers;
  const blockers: PlanNote[] = [];
  if (c.total === 0) blockers.push(note('no-records', '还没有客户记录', 'No customer records yet'));
  if (c.withoutDisposition > 0)
    blockers.push(
      note(
        'without-disposition',
        `${c.withoutDisposition} 条记录没有处置决定`,
        `${c.withoutDisposition} records without a disposition`,
      ),
    );
  if (c.transferNoRecipient > 0)
    blockers.push(
      note(
        'transfer-no-recipient',
        `${c.transferNoRecipient} 条移交记录没有接收方`,
        `${c.transferNoRecipient} TRANSFER records without a recipient`,
      ),
    );
  if (c.retainIncomplete > 0)
    blockers.push(
      note(
        'retain-incomplete',
        `${c.retainIncomplete} 条保留记录缺少依据或截止日`,
        `${c.retainIncomplete} RETAIN records without a basis or end date`,
      ),
    );
  const d = c.dispositions;
  return step('dispositions', {
    done: blockers.length === 0,
    summary: bi(
      `保留 ${d.RETAIN}，移交 ${d.TRANSFER}，匿名化 ${d.ANONYMISE}，销毁 ${d.DESTROY}`,
      `retain ${d.RETAIN}, transfer ${d.TRANSFER}, anonymise ${d.ANONYMISE}, destroy ${d.DESTROY}`,
    ),
    blockers,
    warnings:
      c.retainExpired > 0
        ? [
            note(
              'retention-expired',
              `${c.retainExpired} 条保留记录已过截止日`,
              `${c.retainExpired} retained records are past their end date`,
            ),
          ]
        : [],
  });
}

function backup(f: ClosureFacts): Draft {
  const b = f.backups;
  const blockers: PlanNote[] = [];
  if (b.copies === 0) blockers.push(note('no-backup', '还没有备份', 'No backup yet'));
  else if (!b.lastDrill) blockers.push(note('no-drill', '还没有做过恢复演练', 'No restore drill yet'));
  else if (!b.lastDrill.ok)
    blockers.push(note('drill-failed', '最近一次恢复演练未通过', 'The last restore drill failed'));
  const warnings: PlanNote[] = [];
  if (b.onVaultDisk > 0)
    warnings.push(
      note(
        'backup-same-disk',
        `${b.onVaultDisk} 份备份与保险库在同一块磁盘上`,
        `${b.onVaultDisk} backups are on the vault's own disk`,
      ),
    );
  if (b.lastPassedDrillAt && daysSince(f, b.lastPassedDrillAt) > DRILL_FRESH_DAYS)
    warnings.push(
      note(
        'drill-stale',
        `最近一次通过的恢复演练已超过 ${DRILL_FRESH_DAYS} 天`,
        `The last passed restore drill is over ${DRILL_FRESH_DAYS} days old`,
      ),
    );
  return step('backup', {
    done: blockers.length === 0,
    summary: bi(
      `${b.copies} 份备份，${b.verified} 份已校验；最近通过的演练 ${b.lastPassedDrillAt?.slice(0, 10) ?? '—'}`,
      `${b.copies} backups, ${b.verified} verified; last passed drill ${b.lastPassedDrillAt?.slice(0, 10) ?? '—'}`,
    ),
    blockers,
    warnings,
  });
}

function confirmed(f: ClosureFacts, id: 'notify' | 'handover') {
  return f.compliance.settings[id === 'notify' ? 'plan.confirm.notify' : 'plan.confirm.handover'];
}

function notify(f: ClosureFacts): Draft {
  const transfers = f.customers.dispositions.TRANSFER;
  if (transfers === 0 && !f.handover)
    return step('notify', {
      done: true,
      needed: false,
      summary: bi('没有要移交的记录', 'No records to transfer'),
      action: null,
    });
  const objection =
    f.compliance.settings['plan.dates']?.objectionDeadline ?? f.handover?.objectionDeadline ?? null;
  const blockers: PlanNote[] = [];
  if (objection && objection >= f.today)
    blockers.push(
      note('objection-period', `客户异议期至 ${objection}`, `Customers may object until ${objection}`),
    );
  if (f.handover) {
    const h = f.handover;
    blockers.push(...withoutHandover(h));
    if (h.noticesPending > 0)
      blockers.push(
        note(
          'notices-pending',
          `${h.noticesPending} 位客户尚未通知`,
          `${h.noticesPending} customers not notified yet`,
        ),
      );
    if (h.objectorsPackaged > 0)
      blockers.push(
        note(
          'objection-ignored',
          `${h.objectorsPackaged} 位提出异议的客户仍被移交`,
          `${h.objectorsPackaged} customers who objected were packaged all the same`,
        ),
      );
    return step('notify', {
      done: blockers.length === 0,
      summary: bi(
        `移交 ${transfers} 条；已通知 ${h.noticesSent} 位，异议 ${h.objections} 位`,
        `${transfers} to transfer; ${h.noticesSent} notified, ${h.objections} objected`,
      ),
      blockers,
    });
  }
  const confirmation = confirmed(f, 'notify');
  if (!confirmation)
    blockers.push(
      note(
        'notify-unconfirmed',
        '保险库中没有通知记录：请手工确认已通知',
        'No notices in the vault: confirm by hand that customers were notified',
      ),
    );
  return step('notify', {
    done: blockers.length === 0,
    source: confirmation ? 'hand' : 'not-evaluated',
    summary: bi(`移交 ${transfers} 条`, `${transfers} to transfer`),
    blockers,
    confirmation,
  });
}

/** TRANSFER records whose recipient has no handover in the vault: they have nowhere to go yet. */
function withoutHandover(h: NonNullable<ClosureFacts['handover']>): PlanNote[] {
  return h.transferWithoutHandover > 0
    ? [
        note(
          'transfer-without-handover',
          `${h.transferWithoutHandover} 条移交记录的接收方还没有移交`,
          `${h.transferWithoutHandover} TRANSFER records name a recipient with no handover`,
        ),
      ]
    : [];
}

/** Every handover has its receipt (or, while the vault holds no handover, a person confirmed it). */
function handoverReceived(f: ClosureFacts): boolean {
  if (f.handover)
    return f.handover.withReceipt === f.handover.handovers && f.handover.transferWithoutHandover === 0;
  return f.customers.dispositions.TRANSFER === 0 || confirmed(f, 'handover') !== null;
}

function handover(f: ClosureFacts): Draft {
  const transfers = f.customers.dispositions.TRANSFER;
  if (transfers === 0 && !f.handover)
    return step('handover', {
      done: true,
      needed: false,
      summary: bi('没有要移交的记录', 'No records to transfer'),
      action: null,
    });
  if (f.handover) {
    const h = f.handover;
    const missing = h.handovers - h.withReceipt;
    return step('handover', {
      done: handoverReceived(f),
      summary: bi(
        `${h.handovers} 次移交，${h.packaged} 个移交包，${h.withReceipt} 份回执`,
        `${h.handovers} handovers, ${h.packaged} packaged, ${h.withReceipt} receipts`,
      ),
      blockers: [
        ...withoutHandover(h),
        ...(missing > 0
          ? [note('receipts-missing', `${missing} 次移交没有回执`, `${missing} handovers without a receipt`)]
          : []),
      ],
    });
  }
  const confirmation = confirmed(f, 'handover');
  return step('handover', {
    done: confirmation !== null,
    source: confirmation ? 'hand' : 'not-evaluated',
    summary: bi(`移交 ${transfers} 条`, `${transfers} to transfer`),
    blockers: confirmation
      ? []
      : [
          note(
            'handover-unconfirmed',
            '保险库中没有移交回执：请手工确认接收方已签收',
            'No receipt in the vault: confirm by hand that the recipient signed for it',
          ),
        ],
    confirmation,
  });
}

/** A records wipe whose purge committed but whose certificate was never written (a kill): resume it. */
function wipeUncertified(f: ClosureFacts): PlanNote[] {
  const n = f.wipe.uncertified;
  return n > 0
    ? [
        note(
          'wipe-uncertified',
          `${n} 次记录销毁还没有销毁证明：请继续完成`,
          `${n} records wipes have no certificate of sanitisation yet: resume them`,
        ),
      ]
    : [];
}

function wipe(f: ClosureFacts): Draft {
  const c = f.customers;
  const blockers: PlanNote[] = [];
  if (c.total === 0) blockers.push(note('no-records', '还没有客户记录', 'No customer records yet'));
  if (c.destroyPending > 0)
    blockers.push(
      note(
        'destroy-pending',
        `${c.destroyPending} 条“销毁”记录尚未删除`,
        `${c.destroyPending} records marked DESTROY not deleted yet`,
      ),
    );
  blockers.push(...wipeUncertified(f));
  return step('wipe', {
    done: blockers.length === 0,
    summary: bi(
      `待删除 ${c.destroyPending} 条；已删除 ${f.wipe.purgedRecords} 条，销毁证明 ${f.wipe.certificates} 份`,
      `${c.destroyPending} waiting to be deleted; ${f.wipe.purgedRecords} deleted, ${f.wipe.certificates} certificates`,
    ),
    blockers,
  });
}

/** What stands between the closure and its certification (the four conditions). */
export function certifyBlockers(f: ClosureFacts): PlanNote[] {
  const c = f.customers;
  const out: PlanNote[] = [];
  if (c.total === 0)
    out.push(note('no-records', '保险库中没有客户记录', 'The vault holds no customer records'));
  if (c.withoutDisposition > 0)
    out.push(
      note(
        'without-disposition',
        `${c.withoutDisposition} 条记录没有处置决定`,
        `${c.withoutDisposition} records without a disposition`,
      ),
    );
  if (!handoverReceived(f))
    out.push(note('receipts-missing', '并非每次移交都有回执', 'Not every handover has a receipt'));
  if (c.destroyPending > 0)
    out.push(
      note(
        'destroy-pending',
        `${c.destroyPending} 条“销毁”记录尚未删除`,
        `${c.destroyPending} records marked DESTROY not deleted yet`,
      ),
    );
  out.push(...wipeUncertified(f));
  if (!f.backups.lastPassedDrillAt)
    out.push(note('no-passed-drill', '还没有通过的恢复演练', 'No restore drill has passed'));
  return out;
}

function certify(f: ClosureFacts): Draft {
  const certified = f.compliance.settings['plan.certified'];
  const blockers = certified ? [] : certifyBlockers(f);
  return step('certify', {
    done: certified !== null,
    summary: certified
      ? bi(`已于 ${certified.at.slice(0, 10)} 认证完成`, `Certified on ${certified.at.slice(0, 10)}`)
      : blockers.length === 0
        ? bi('可以认证', 'Ready to certify')
        : bi(`还有 ${blockers.length} 项未满足`, `${blockers.length} conditions not met`),
    blockers,
  });
}

export function planSteps(f: ClosureFacts): PlanStep[] {
  const drafts = [
    intake(f),
    classify(f),
    dispositions(f),
    backup(f),
    notify(f),
    handover(f),
    wipe(f),
    certify(f),
  ];
  let current: PlanStepId | null = null;
  return drafts.map(({ done, needed, ...rest }) => {
    let state: PlanStep['state'];
    if (!needed) state = 'not-needed';
    else if (done) state = 'done';
    else if (current === null) {
      current = rest.id;
      state = 'current';
    } else state = 'todo';
    return { ...rest, state, action: state === 'done' || state === 'not-needed' ? null : rest.action };
  });
}
