// handover.vetting: the recipient vetting checklist (licence, security capability, incidents, the
// data-protection contact), each item with a note and evidence files hashed and kept inside the vault.
import type { OpParsedInput, VettingRecord } from '../../../shared/contract';
import { VETTING_ITEMS, type VettingItem } from '../../../shared/handover';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { loadHandover, readAttachment, requireOpen, storeEvidence } from './store';

interface VettingRow {
  item: VettingItem;
  done: number;
  note: string;
  evidence: string;
  recorded_at: string;
}

export function vettingOf(db: VaultDb, handoverId: string): VettingRecord[] {
  const rows = new Map(
    (
      db
        .prepare('SELECT item, done, note, evidence, recorded_at FROM handover_vetting WHERE handover_id = ?')
        .all(handoverId) as VettingRow[]
    ).map((r) => [r.item, r]),
  );
  return VETTING_ITEMS.map((item) => {
    const row = rows.get(item);
    return {
      item,
      done: row?.done === 1,
      note: row?.note ?? '',
      evidence: row ? (JSON.parse(row.evidence) as VettingRecord['evidence']) : [],
      recordedAt: row?.recorded_at ?? null,
    };
  });
}

export function recordVetting(
  vault: OpenVault,
  input: OpParsedInput<'handover.vetting'>,
  now = new Date(),
): VettingRecord[] {
  const handover = loadHandover(vault.db, input.handoverId);
  requireOpen(handover);
  const files = input.evidence.map(readAttachment);
  const at = now.toISOString();
  const before = vettingOf(vault.db, handover.id).find((v) => v.item === input.item)!;
  const evidence = [...before.evidence, ...files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes }))];
  vault.change(
    () => ({
      op: 'handover.vetting',
      params: {
        handoverId: handover.id,
        item: input.item,
        done: input.done,
        evidence: files.map((f) => f.sha256),
      },
      outcome: 'ok',
    }),
    () => {
      for (const file of files)
        storeEvidence(vault.db, handover.id, `vetting:${input.item}`, file, vault.actor.userName, at);
      vault.db
        .prepare(
          `INSERT INTO handover_vetting (handover_id, item, done, note, evidence, recorded_at, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (handover_id, item) DO UPDATE SET done = excluded.done, note = excluded.note,
             evidence = excluded.evidence, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
        )
        .run(
          handover.id,
          input.item,
          input.done ? 1 : 0,
          input.note,
          JSON.stringify(evidence),
          at,
          vault.actor.userName,
        );
    },
  );
  return vettingOf(vault.db, handover.id);
}
