// What the handovers recorded in the vault show the compliance centre: counts only (no customer value, no
// recipient's details beyond a count), gathered once per evaluation, so the checklist items and the
// plan's Notify and Hand over steps are evaluated from the handovers' own evidence.
import type { HandoverPipiaLink } from '../../../shared/contract';
import type { VaultDb } from '../vault/database';
import { agreementOf } from './agreement';
import { pipiaRecord } from './pipia';
import { blockers } from './readiness';
import { DESTINED, selectionCounts } from './selection';
import { listHandoverRows } from './store';
import { vettingOf } from './vetting';

export interface HandoverFacts {
  /** Handovers started in this vault (any state). */
  handovers: number;
  /** Distinct recipient organisations. */
  recipients: number;
  /** Handovers whose recipient vetting checklist is complete (every item done). */
  recipientsVetted: number;
  agreementsSigned: number;
  /** Handovers whose route has its reasoning (and, abroad, its cross-border checklist complete). */
  routesRecorded: number;
  /** Handovers whose PIPIA is approved and still matches the handover. */
  pipiasApproved: number;
  /** Customers destined to a handover not (yet) sent their notice: pending, bounced or never issued. */
  noticesPending: number;
  noticesSent: number;
  /** Distinct customers who objected. */
  objections: number;
  /** Customers who objected and whose record went into a package anyway: 0 when objections are honoured. */
  objectorsPackaged: number;
  /** Customers destined to a handover whose required consent is missing (they stay behind until it is in). */
  consentsMissing: number;
  sensitiveWithoutConsent: number;
  minorsWithoutConsent: number;
  /** Handovers with at least one package built. */
  packaged: number;
  /** Handovers whose package's signed receipt was imported and verified. */
  withReceipt: number;
  /** TRANSFER records whose recipient no handover names. */
  transferWithoutHandover: number;
  crossBorderRecipients: number;
  crossBorderWithRoute: number;
  /** The latest objection deadline set in a handover's notices. */
  objectionDeadline: string | null;
  /** Each handover's own PIPIA, linked from the closure-wide assessment. */
  pipias: HandoverPipiaLink[];
}

const count = (db: VaultDb, sql: string, ...args: Array<string | number>): number =>
  (db.prepare(sql).get(...args) as { n: number }).n;

/** Null while the vault holds no handover: then the plan's hand confirmation stands in for the evidence. */
export function handoverFacts(db: VaultDb, now = new Date()): HandoverFacts | null {
  const handovers = listHandoverRows(db);
  if (handovers.length === 0) return null;
  const f: HandoverFacts = {
    handovers: handovers.length,
    recipients: new Set(handovers.map((h) => h.recipient.organisation)).size,
    recipientsVetted: 0,
    agreementsSigned: 0,
    routesRecorded: 0,
    pipiasApproved: 0,
    noticesPending: 0,
    noticesSent: 0,
    objections: count(
      db,
      `SELECT count(DISTINCT customer_id) AS n FROM handover_responses WHERE kind = 'objection'`,
    ),
    objectorsPackaged: count(
      db,
      `SELECT count(DISTINCT r.customer_id) AS n FROM handover_records r
         JOIN handover_transfers t ON t.id = r.transfer_id
         JOIN handover_responses o ON o.handover_id = t.handover_id AND o.customer_id = r.customer_id
        WHERE o.kind = 'objection'`,
    ),
    consentsMissing: 0,
    sensitiveWithoutConsent: 0,
    minorsWithoutConsent: 0,
    packaged: 0,
    withReceipt: 0,
    transferWithoutHandover: count(
      db,
      `SELECT count(*) AS n FROM customers c WHERE c.merged_into IS NULL AND c.disposition = 'TRANSFER'
         AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.disposition_label = c.disposition_recipient)`,
    ),
    crossBorderRecipients: 0,
    crossBorderWithRoute: 0,
    objectionDeadline: null,
    pipias: [],
  };
  for (const h of handovers) {
    const missing = h.state === 'open' ? blockers(db, h, now) : [];
    if (vettingOf(db, h.id).every((v) => v.done)) f.recipientsVetted++;
    if (agreementOf(db, h.id)) f.agreementsSigned++;
    const routeDone = h.reasoning.trim() !== '' && !missing.includes('cross-border');
    if (routeDone) f.routesRecorded++;
    const pipia = pipiaRecord(db, h);
    const current = pipia.approvedAt !== null && (h.state !== 'open' || !pipia.stale);
    if (current) f.pipiasApproved++;
    f.pipias.push({
      handoverId: h.id,
      recipient: h.recipient.organisation,
      route: h.route,
      approvedAt: pipia.approvedAt,
      current,
    });
    if (h.route === 'cross-border') {
      f.crossBorderRecipients++;
      if (routeDone) f.crossBorderWithRoute++;
    }
    const notices = db
      .prepare(
        `SELECT count(*) AS destined,
                coalesce(sum(EXISTS (SELECT 1 FROM handover_notices n WHERE n.handover_id = ?
                  AND n.customer_id = c.id AND n.status IN ('sent', 'delivered'))), 0) AS sent
           FROM customers c WHERE ${DESTINED}`,
      )
      .get(h.id, h.dispositionLabel) as { destined: number; sent: number };
    f.noticesSent += notices.sent;
    f.noticesPending += notices.destined - notices.sent;
    const consents = db
      .prepare(
        `SELECT coalesce(sum(c.minor = 1 AND NOT EXISTS (SELECT 1 FROM handover_responses r
                  WHERE r.handover_id = ? AND r.customer_id = c.id AND r.kind = 'consent'
                  AND r.consent_type = 'guardian')), 0) AS minors,
                coalesce(sum(c.sensitive <> '' AND NOT EXISTS (SELECT 1 FROM handover_responses r
                  WHERE r.handover_id = ? AND r.customer_id = c.id AND r.kind = 'consent')), 0) AS sensitive
           FROM customers c WHERE ${DESTINED} AND NOT EXISTS (SELECT 1 FROM handover_responses o
             WHERE o.handover_id = ? AND o.customer_id = c.id AND o.kind = 'objection')`,
      )
      .get(h.id, h.id, h.dispositionLabel, h.id) as { minors: number; sensitive: number };
    f.consentsMissing += selectionCounts(db, h).missingConsent;
    f.sensitiveWithoutConsent += consents.sensitive;
    f.minorsWithoutConsent += consents.minors;
    const transfers = db
      .prepare(
        `SELECT count(*) AS built, coalesce(sum(received_at IS NOT NULL), 0) AS received
           FROM handover_transfers WHERE handover_id = ? AND sha256 <> ''`,
      )
      .get(h.id) as { built: number; received: number };
    if (transfers.built > 0) f.packaged++;
    if (transfers.received > 0) f.withReceipt++;
    const deadline = h.notice?.deadline ?? null;
    if (deadline && (f.objectionDeadline === null || deadline > f.objectionDeadline))
      f.objectionDeadline = deadline;
  }
  return f;
}
