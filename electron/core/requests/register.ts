// requests.list, requests.add, requests.extend, requests.close: the register of customers' requests. A
// row names the customer by the record's number only; the due date is computed from the regime, the day
// of receipt, the working days (PIPL) and the extension each time it is read, so a corrected holiday
// calendar moves it.
import { randomUUID } from 'node:crypto';
import type { OpParsedInput, RequestAdded, RequestEntry, RequestFulfilment } from '../../../shared/contract';
import { daysBetween } from '../../../shared/calendar/working-days';
import { acknowledgementDue, EXTENDABLE, requestDue } from '../../../shared/requests';
import { EngineError } from '../kernel/engine-error';
import { registerRow } from '../util/register-row';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';

export interface RequestRow {
  id: string;
  seq: number;
  kind: RequestEntry['kind'];
  regime: RequestEntry['regime'];
  channel: RequestEntry['channel'];
  received_on: string;
  record_ref: number | null;
  identity_check: RequestEntry['identityCheck'];
  working_days: number | null;
  note: string;
  extended_reason: string | null;
  extended_at: string | null;
  status: RequestEntry['status'];
  deletion_started_at: string | null;
  fulfilment: string | null;
  outcome: RequestEntry['outcome'];
  outcome_note: string | null;
  acknowledged_on: string | null;
  closed_at: string | null;
  created_at: string;
  created_by: string | null;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export function toEntry(row: RequestRow, now = new Date()): RequestEntry {
  const due = requestDue(row.regime, row.received_on, {
    workingDays: row.working_days ?? undefined,
    extended: row.extended_at !== null,
  });
  return {
    id: row.id,
    ref: `R-${String(row.seq).padStart(4, '0')}`,
    kind: row.kind,
    regime: row.regime,
    channel: row.channel,
    receivedOn: row.received_on,
    recordId: row.record_ref,
    identityCheck: row.identity_check,
    note: row.note,
    due,
    daysLeft: row.status === 'closed' ? null : daysBetween(today(now), due.date),
    acknowledgement: acknowledgementOf(row, now),
    extension: row.extended_at ? { reason: row.extended_reason ?? '', at: row.extended_at } : null,
    status: row.status,
    fulfilment: row.fulfilment ? (JSON.parse(row.fulfilment) as RequestFulfilment) : null,
    outcome: row.outcome,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function acknowledgementOf(row: RequestRow, now: Date): RequestEntry['acknowledgement'] {
  const due = acknowledgementDue(row.regime, row.received_on);
  if (due === null) return null;
  const waiting = row.acknowledged_on === null && row.status !== 'closed';
  return { due, on: row.acknowledged_on, daysLeft: waiting ? daysBetween(today(now), due) : null };
}

/** requests.acknowledge: the day receipt was confirmed to the person (CCPA), once. */
export function acknowledgeRequest(
  vault: OpenVault,
  input: OpParsedInput<'requests.acknowledge'>,
  now = new Date(),
): RequestEntry {
  const row = requestRow(vault.db, input.id);
  const ref = toEntry(row, now).ref;
  if (row.status === 'closed') throw new EngineError('REQUEST_CLOSED', { ref });
  if (row.regime !== 'ccpa')
    throw new EngineError('INVALID_INPUT', { detail: 'only a CCPA request is acknowledged' });
  if (row.acknowledged_on !== null)
    throw new EngineError('REQUEST_ACKNOWLEDGED', { ref, on: row.acknowledged_on });
  const on = input.on ?? today(now);
  if (on < row.received_on || on > today(now))
    throw new EngineError('INVALID_INPUT', { detail: 'on: between the day received and today' });
  return vault.change(
    () => ({
      op: 'requests.acknowledge',
      params: { id: row.id, ref, on },
      outcome: 'ok',
    }),
    () => {
      vault.db.prepare('UPDATE requests SET acknowledged_on = ? WHERE id = ?').run(on, row.id);
      return toEntry(requestRow(vault.db, row.id), now);
    },
  );
}

/** The request by id or by its reference (R-0001), or REQUEST_NOT_FOUND. */
export function requestRow(db: VaultDb, id: string): RequestRow {
  const row = registerRow<RequestRow>(db, 'requests', 'R', id);
  if (!row) throw new EngineError('REQUEST_NOT_FOUND', { id });
  return row;
}

export function listRequests(vault: OpenVault, input: OpParsedInput<'requests.list'>, now = new Date()) {
  const rows = vault.db
    .prepare(`SELECT * FROM requests ${input.open ? `WHERE status <> 'closed'` : ''} ORDER BY seq`)
    .all() as RequestRow[];
  const entries = rows.map((r) => toEntry(r, now));
  const closed = (e: RequestEntry) => (e.status === 'closed' ? 1 : 0);
  return entries.sort((a, b) => closed(a) - closed(b) || a.due.date.localeCompare(b.due.date));
}

export function addRequest(
  vault: OpenVault,
  input: OpParsedInput<'requests.add'>,
  now = new Date(),
): RequestAdded {
  const db = vault.db;
  if (input.recordId !== null && !db.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.recordId))
    throw new EngineError('RECORD_NOT_FOUND', { id: input.recordId });
  if (input.workingDays !== undefined && input.regime !== 'pipl')
    throw new EngineError('INVALID_INPUT', { detail: 'workingDays: only for a PIPL request' });
  requestDue(input.regime, input.receivedOn, { workingDays: input.workingDays }); // a date the calendar reads
  if (input.receivedOn > today(now))
    throw new EngineError('INVALID_INPUT', {
      detail: 'receivedOn: a request cannot be received in the future',
    });
  const id = randomUUID();
  vault.change(
    () => ({
      op: 'requests.add',
      params: { id, kind: input.kind, regime: input.regime, recordId: input.recordId },
      outcome: 'ok',
    }),
    () => {
      const { seq } = db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM requests').get() as {
        seq: number;
      };
      db.prepare(
        `INSERT INTO requests (id, seq, kind, regime, channel, received_on, record_ref, identity_check,
           working_days, note, status, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(
        id,
        seq,
        input.kind,
        input.regime,
        input.channel,
        input.receivedOn,
        input.recordId,
        input.identityCheck,
        input.regime === 'pipl' ? (input.workingDays ?? null) : null,
        input.note,
        now.toISOString(),
        vault.actor.userName,
      );
    },
  );
  return { requestId: id, ...toEntry(requestRow(db, id), now) };
}

export function extendRequest(vault: OpenVault, input: OpParsedInput<'requests.extend'>, now = new Date()) {
  const row = requestRow(vault.db, input.id);
  if (row.status === 'closed') throw new EngineError('REQUEST_CLOSED', { ref: toEntry(row).ref });
  if (EXTENDABLE[row.regime] && row.extended_at !== null)
    throw new EngineError('REQUEST_EXTENDED', { ref: toEntry(row).ref, at: row.extended_at });
  if (row.regime === 'pipl' && input.workingDays === undefined)
    throw new EngineError('INVALID_INPUT', {
      detail: 'workingDays: a PIPL request is extended by a new count',
    });
  vault.change(
    () => ({
      op: 'requests.extend',
      params: { id: row.id, regime: row.regime, workingDays: input.workingDays ?? null },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `UPDATE requests SET extended_reason = ?, extended_at = ?, working_days = coalesce(?, working_days)
           WHERE id = ?`,
        )
        .run(input.reason, now.toISOString(), row.regime === 'pipl' ? input.workingDays : null, row.id),
  );
  return toEntry(requestRow(vault.db, row.id), now);
}

export function closeRequest(vault: OpenVault, input: OpParsedInput<'requests.close'>, now = new Date()) {
  const row = requestRow(vault.db, input.id);
  if (row.status === 'closed') throw new EngineError('REQUEST_CLOSED', { ref: toEntry(row).ref });
  vault.change(
    () => ({ op: 'requests.close', params: { id: row.id, outcome: input.outcome }, outcome: 'ok' }),
    () =>
      vault.db
        .prepare(
          `UPDATE requests SET status = 'closed', outcome = ?, outcome_note = ?, closed_at = ? WHERE id = ?`,
        )
        .run(input.outcome, input.note ?? null, now.toISOString(), row.id),
  );
  return toEntry(requestRow(vault.db, row.id), now);
}
