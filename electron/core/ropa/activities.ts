// What the vault actually did, read from its audit chain: each kind of processing with its first and last
// date, how many times, and the counts its entries recorded, added up.
import { bi, type Bilingual } from '../../../shared/bilingual';
import type { ActivityKind, ProcessingActivity } from '../../../shared/contract';
import { recordedOpNames } from '../../../shared/contract/renamed';
import type { VaultDb } from '../vault/database';

const ACTIVITIES: ReadonlyArray<{
  op: string;
  /** Only the entries of this step (an operation that writes one entry per step). */
  step?: string;
  kind: ActivityKind;
  label: Bilingual;
}> = [
  { op: 'import.run', kind: 'collection', label: bi('导入客户文件', 'Customer files imported') },
  { op: 'classification.run', kind: 'classification', label: bi('分类', 'Classified') },
  {
    op: 'classification.saveRules',
    kind: 'classification',
    label: bi('分类规则修改并重新分类', 'Classification rules changed, records reclassified'),
  },
  {
    op: 'classification.override',
    kind: 'classification',
    label: bi('手工更正分类', 'Classification corrected by hand'),
  },
  { op: 'duplicates.run', kind: 'deduplication', label: bi('查找重复客户', 'Duplicates detected') },
  { op: 'duplicates.merge', kind: 'deduplication', label: bi('合并重复客户', 'Duplicates merged') },
  { op: 'duplicates.unmerge', kind: 'deduplication', label: bi('撤销合并', 'Merges undone') },
  { op: 'dispositions.apply', kind: 'disposition', label: bi('按规则确定处置', 'Dispositions set by rules') },
  { op: 'dispositions.set', kind: 'disposition', label: bi('手工确定处置', 'Dispositions set by hand') },
  { op: 'records.export', kind: 'export', label: bi('导出客户记录', 'Records exported') },
  { op: 'import.exportQuarantine', kind: 'export', label: bi('导出隔离行', 'Quarantined rows exported') },
  { op: 'records.get', kind: 'access', label: bi('查看单条记录', 'Single records viewed') },
  {
    op: 'import.deleteSource',
    kind: 'deletion',
    label: bi('删除明文源文件', 'Plaintext source files deleted'),
  },
  { op: 'backup.create', kind: 'backup', label: bi('加密备份', 'Encrypted backups made') },
  { op: 'backup.drill', kind: 'backup', label: bi('恢复演练', 'Restore drills') },
  { op: 'backup.prune', kind: 'deletion', label: bi('按保留规则删除备份', 'Backups deleted by retention') },
  {
    op: 'handover.package',
    kind: 'transfer',
    label: bi('向接收方移交（加密签名的移交包）', 'Handed over to a recipient (encrypted, signed package)'),
  },
  {
    op: 'wipe.records',
    step: 'purged',
    kind: 'deletion',
    label: bi('清除客户记录（附销毁证明）', 'Customer records purged (with a certificate of sanitisation)'),
  },
  { op: 'requests.fulfil', kind: 'access', label: bi('答复客户的请求', "Customers' requests answered") },
];

export function processingActivities(db: VaultDb): ProcessingActivity[] {
  const out: ProcessingActivity[] = [];
  for (const a of ACTIVITIES) {
    const names = recordedOpNames(a.op);
    const rows = db
      .prepare(
        `SELECT at, counts FROM audit WHERE outcome = 'ok' AND op IN (${names.map(() => '?').join(', ')})
           AND (? IS NULL OR json_extract(params, '$.step') = ?) ORDER BY seq`,
      )
      .all(...names, a.step ?? null, a.step ?? null) as Array<{ at: string; counts: string }>;
    if (rows.length === 0) continue;
    const counts: Record<string, number> = {};
    for (const r of rows)
      for (const [k, v] of Object.entries(JSON.parse(r.counts) as Record<string, unknown>))
        if (typeof v === 'number') counts[k] = (counts[k] ?? 0) + v;
    out.push({
      kind: a.kind,
      op: a.op,
      label: a.label,
      first: rows[0].at,
      last: rows[rows.length - 1].at,
      times: rows.length,
      counts,
    });
  }
  return out.sort((x, y) => x.first.localeCompare(y.first));
}
