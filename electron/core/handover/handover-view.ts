// handover.list and handover.get: each handover as the wizard resumes it — the recipient, the route, what
// every step has recorded, what still blocks the package, who would travel now, and the packages built.
import type {
  HandoverDetail,
  HandoverProgress,
  HandoverSummary,
  HandoverTransfer,
} from '../../../shared/contract';
import { NOTICE_STATUSES, type HandoverField, type NoticeStatus } from '../../../shared/handover';
import type { VaultDb } from '../vault/database';
import { agreementOf } from './agreement';
import { pipiaRecord } from './pipia';
import { blockers, deadlinePassed } from './readiness';
import { describeCertificate } from './recipient';
import { selectionCounts } from './selection';
import { listHandoverRows, loadHandover, type Handover } from './store';
import { vettingOf } from './vetting';

interface TransferRow {
  id: number;
  file_name: string;
  sha256: string;
  bytes: number;
  records: number;
  fields: string;
  created_at: string;
  received_at: string | null;
  receipt_signer: string | null;
}

function transfersOf(db: VaultDb, handoverId: string): HandoverTransfer[] {
  return (
    db
      .prepare(
        `SELECT id, file_name, sha256, bytes, records, fields, created_at, received_at, receipt_signer
           FROM handover_transfers WHERE handover_id = ? AND sha256 <> '' ORDER BY id`,
      )
      .all(handoverId) as TransferRow[]
  ).map((t) => ({
    transferId: t.id,
    file: t.file_name,
    sha256: t.sha256,
    bytes: t.bytes,
    records: t.records,
    fields: JSON.parse(t.fields) as HandoverField[],
    createdAt: t.created_at,
    receivedAt: t.received_at,
    receiptSigner: t.receipt_signer ? (JSON.parse(t.receipt_signer) as { subject: string }).subject : null,
  }));
}

function progressOf(db: VaultDb, handover: Handover, now: Date): HandoverProgress {
  const missing = handover.state === 'open' ? blockers(db, handover, now) : [];
  const transfers = transfersOf(db, handover.id);
  const vetting = vettingOf(db, handover.id);
  const record = pipiaRecord(db, handover);
  return {
    recipient: handover.keyMode === 'password' || handover.certificatePem !== null,
    route: handover.reasoning.trim() !== '' && !missing.includes('cross-border'),
    agreement: agreementOf(db, handover.id) !== null,
    vetting: vetting.filter((v) => v.done).length,
    pipiaApproved: record.approvedAt !== null && !record.stale,
    noticesIssued: handover.notice !== null && !missing.includes('notices'),
    deadlinePassed: deadlinePassed(handover, now),
    packaged: transfers.length > 0,
    receipt: transfers.some((t) => t.receivedAt !== null),
    blockers: missing,
  };
}

function summaryOf(db: VaultDb, handover: Handover, now: Date): HandoverSummary {
  return {
    handoverId: handover.id,
    state: handover.state,
    createdAt: handover.createdAt,
    organisation: handover.recipient.organisation,
    country: handover.recipient.country,
    route: handover.route,
    keyMode: handover.keyMode,
    deadline: handover.notice?.deadline ?? null,
    progress: progressOf(db, handover, now),
  };
}

export function listHandovers(db: VaultDb, now = new Date()): HandoverSummary[] {
  return listHandoverRows(db).map((h) => summaryOf(db, h, now));
}

export function handoverDetail(db: VaultDb, handoverId: string, now = new Date()): HandoverDetail {
  const handover = loadHandover(db, handoverId);
  const record = pipiaRecord(db, handover);
  const notices = Object.fromEntries(NOTICE_STATUSES.map((s) => [s, 0])) as Record<NoticeStatus, number>;
  for (const row of db
    .prepare('SELECT status, count(*) AS n FROM handover_notices WHERE handover_id = ? GROUP BY status')
    .all(handover.id) as Array<{ status: NoticeStatus; n: number }>)
    notices[row.status] = row.n;
  const responses = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN kind = 'objection' THEN customer_id END) AS objections,
              count(DISTINCT CASE WHEN kind = 'consent' THEN customer_id END) AS consents
         FROM handover_responses WHERE handover_id = ?`,
    )
    .get(handover.id) as { objections: number; consents: number };
  return {
    ...summaryOf(db, handover, now),
    recipient: handover.recipient,
    dispositionLabel: handover.dispositionLabel,
    reasoning: handover.reasoning,
    crossBorder: handover.crossBorder,
    certificate: handover.certificatePem ? describeCertificate(handover.certificatePem) : null,
    fields: handover.fields,
    notice: handover.notice,
    agreement: agreementOf(db, handover.id),
    vetting: vettingOf(db, handover.id),
    pipia: { approvedAt: record.approvedAt, approvedBy: record.approvedBy, stale: record.stale },
    notices,
    responses,
    selection: selectionCounts(db, handover),
    override: handover.override,
    transfers: transfersOf(db, handover.id),
  };
}
