// handover.track and handover.noticeList: each customer's notice — language, channel, sent, delivered or
// bounced — and their response, page by page for the wizard's table.
import type { NoticeRow, OpParsedInput } from '../../../shared/contract';
import { AUDIT_IDS_MAX } from '../vault/audit';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { loadHandover, requireOpen } from './store';

export function noticeList(
  db: VaultDb,
  input: OpParsedInput<'handover.noticeList'>,
): { total: number; rows: NoticeRow[] } {
  loadHandover(db, input.handoverId);
  const where = `n.handover_id = ?${input.status ? ' AND n.status = ?' : ''}`;
  const args: string[] = input.status ? [input.handoverId, input.status] : [input.handoverId];
  const total = (
    db.prepare(`SELECT count(*) AS n FROM handover_notices n WHERE ${where}`).get(...args) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT n.customer_id AS recordId, coalesce(c.name, c.organisation) AS name, n.language, n.channel, n.status,
              n.sent_at AS sentAt,
              (SELECT CASE WHEN max(r.kind = 'objection') = 1 THEN 'objection' ELSE max(r.kind) END
                 FROM handover_responses r WHERE r.handover_id = n.handover_id AND r.customer_id = n.customer_id)
                AS response
         FROM handover_notices n JOIN customers c ON c.id = n.customer_id
        WHERE ${where} ORDER BY n.customer_id LIMIT ? OFFSET ?`,
    )
    .all(...args, input.limit, input.offset) as NoticeRow[];
  return { total, rows };
}

export function trackNotices(
  vault: OpenVault,
  input: OpParsedInput<'handover.track'>,
  now = new Date(),
): { updated: number } {
  const handover = loadHandover(vault.db, input.handoverId);
  requireOpen(handover);
  const at = now.toISOString();
  const sets: string[] = ['updated_at = ?'];
  const args: Array<string | null> = [at];
  const set = (sql: string, ...values: string[]) => {
    sets.push(sql);
    args.push(...values);
  };
  if (input.language) set('language = ?', input.language);
  if (input.channel) set('channel = ?', input.channel);
  if (input.status) {
    set('status = ?', input.status);
    // "sent" is when it left; delivered and bounced keep that time.
    if (input.status === 'sent') set('sent_at = ?', at);
    if (input.status === 'pending') set('sent_at = NULL');
  }
  return vault.change(
    (result) => ({
      op: 'handover.track',
      params: {
        handoverId: handover.id,
        language: input.language ?? null,
        channel: input.channel ?? null,
        status: input.status ?? null,
        ...(input.recordIds.length <= AUDIT_IDS_MAX ? { ids: input.recordIds } : {}),
      },
      counts: { records: result.updated },
      outcome: 'ok',
    }),
    () => {
      const update = vault.db.prepare(
        `UPDATE handover_notices SET ${sets.join(', ')} WHERE handover_id = ? AND customer_id = ?`,
      );
      let updated = 0;
      for (const id of input.recordIds) updated += update.run(...args, handover.id, id).changes;
      return { updated };
    },
  );
}
