// Which backup copies retention keeps (pure: no files, no database). Like restic's `forget`: the last N
// copies; the newest copy of each of the last D days that have one; the newest of each of the last M months
// that have one (days and months in the engine's local time); and, whatever the policy says, the newest
// copy whose last verification passed, so a prune can never leave a vault without a known-good backup.
import type { BackupPruneItem, BackupRecord } from '../../../shared/contract';

export interface RetentionPolicy {
  keepLast: number;
  keepDaily: number;
  keepMonthly: number;
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const monthOf = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}`;

export function planRetention(backups: readonly BackupRecord[], policy: RetentionPolicy): BackupPruneItem[] {
  const live = backups
    .filter((b) => b.deletedAt === null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
  const lastVerified = live.find((b) => b.lastVerifyOk === true) ?? null;
  const days = new Set<string>();
  const months = new Set<string>();
  return live.map((b, index) => {
    const reasons: BackupPruneItem['reasons'] = [];
    if (index < policy.keepLast) reasons.push('last');
    const when = new Date(b.createdAt);
    const day = dayOf(when);
    if (!days.has(day) && days.size < policy.keepDaily) {
      days.add(day);
      reasons.push('daily');
    }
    const month = monthOf(when);
    if (!months.has(month) && months.size < policy.keepMonthly) {
      months.add(month);
      reasons.push('monthly');
    }
    if (lastVerified && b.id === lastVerified.id) reasons.push('last-verified');
    return {
      id: b.id,
      createdAt: b.createdAt,
      path: b.path,
      present: b.present,
      lastVerifyOk: b.lastVerifyOk,
      action: reasons.length ? 'keep' : 'delete',
      reasons,
      deleted: false,
      note: null,
    };
  });
}
