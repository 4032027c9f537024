// What a merge keeps when nobody chooses: the fullest record survives, and each field takes the
// survivor's value unless it is missing or invalid there and valid in another member. Pure.
import type { FieldStatus } from '../../../shared/customer';
import { FIELD_COLUMNS, isValidated, type SnapshotColumn } from '../../../shared/customer/columns';
import { MERGE_FIELDS, type MergeField } from '../../../shared/duplicates';
import { type ClusterMember } from '../../../shared/contract';

/**
 * The customers columns each merge field carries with it (a phone brings its status and region): the
 * field's columns, every one of which the snapshot keeps (a column outside it does not compile here).
 */
export const MERGE_COLUMNS: { readonly [F in MergeField]: readonly SnapshotColumn[] } = FIELD_COLUMNS;

type Member = Pick<ClusterMember, 'id' | 'values' | 'status'>;

/** 2: present and valid (or not checked), 1: present but invalid, 0: missing. */
function fieldQuality(member: Member, field: MergeField): 0 | 1 | 2 {
  const value = member.values[field];
  if (value === null || value === '') return 0;
  if (!isValidated(field)) return 2;
  const status: FieldStatus = member.status[field];
  return status === 'valid' || status === 'legacy' ? 2 : status === 'missing' ? 0 : 1;
}

export function suggestMerge(members: readonly Member[]): {
  survivorId: number;
  chosen: Record<MergeField, number>;
} {
  if (members.length === 0) throw new Error('a merge needs members');
  const sorted = [...members].sort((a, b) => a.id - b.id);
  const fullness = (m: Member) => MERGE_FIELDS.reduce((sum, f) => sum + fieldQuality(m, f), 0);
  let survivor = sorted[0];
  for (const m of sorted) if (fullness(m) > fullness(survivor)) survivor = m;
  const chosen = {} as Record<MergeField, number>;
  for (const field of MERGE_FIELDS) {
    let best = survivor;
    for (const m of sorted) if (fieldQuality(m, field) > fieldQuality(best, field)) best = m;
    chosen[field] = best.id;
  }
  return { survivorId: survivor.id, chosen };
}
