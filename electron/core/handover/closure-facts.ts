// What the handovers recorded in the vault show the compliance centre: counts only (no customer value, no
// recipient's details beyond a count), gathered once per evaluation, so the checklist items and the
// plan's Notify and Hand over steps are evaluated from the handovers' own evidence.
import type { HandoverPipiaLink } from '../../../shared/contract';
import type { VaultDb } from '../vault/database';
import { agreementOf } from './agreement';
import { REQUEST_OBJECTORS } from '../requests/objections';
import { pipiaStatus } from './pipia';
import { blockers } from './readiness';
import { DESTINED, MISSING_CONSENT, OBJECTED } from './selection';
import { listHandoverRows, type Handover } from './store';
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

/** What the consents count over a set of destined records: sensitive ones, minors, those a consent is required of. */
interface ConsentCounts {
  sensitive: number;
  minors: number;
  /** Records missing a required consent (shared/handover.ts requiredConsent), not objecting. */
  missing: number;
}

/** Per disposition recipient (null: none named), the TRANSFER records not merged away. */
interface Destined {
  destined: number;
  sensitive: number;
  minors: number;
  /** Records a succession needs a consent of: minors and sensitive ones (another route needs one of all). */
  needSuccession: number;
}

/**
 * One grouped pass over the TRANSFER records (the disposition index) for every handover at once: with no
 * response recorded, a destined record is not objecting, and misses the consent it needs.
 */
function destinedByRecipient(db: VaultDb): Map<string | null, Destined> {
  const rows = db
    .prepare(
      `SELECT disposition_recipient AS label, count(*) AS destined,
              coalesce(sum(sensitive <> ''), 0) AS sensitive, coalesce(sum(minor = 1), 0) AS minors,
              coalesce(sum(CASE WHEN minor = 1 THEN 1 WHEN sensitive <> '' THEN 1 ELSE 0 END), 0) AS needSuccession
         FROM customers WHERE merged_into IS NULL AND disposition = 'TRANSFER' GROUP BY disposition_recipient`,
    )
    .all() as Array<Destined & { label: string | null }>;
  return new Map(rows.map(({ label, ...counts }) => [label, counts]));
}

/**
 * The few destined records something was recorded for (a response in this handover, an objection in the
 * register): their counts as if nothing were recorded (`assumed`, what destinedByRecipient counted) and as
 * the responses make them (`actual`, the same conditions as the selection's). Every other destined record
 * counts the same either way, so the totals are the grouped counts corrected by the difference.
 */
function answered(db: VaultDb, h: Handover): { assumed: ConsentCounts; actual: ConsentCounts } {
  const consent = (type: string) => `EXISTS (SELECT 1 FROM handover_responses r WHERE r.handover_id = ?
    AND r.customer_id = c.id AND r.kind = 'consent'${type})`;
  const objectedHere = `EXISTS (SELECT 1 FROM handover_responses o WHERE o.handover_id = ?
    AND o.customer_id = c.id AND o.kind = 'objection')`;
  const row = db
    .prepare(
      `SELECT coalesce(sum(c.sensitive <> ''), 0) AS sensitive0, coalesce(sum(c.minor = 1), 0) AS minors0,
              coalesce(sum(CASE WHEN c.minor = 1 THEN 1 WHEN c.sensitive <> '' OR ? <> 'succession' THEN 1
                ELSE 0 END), 0) AS missing0,
              coalesce(sum(c.sensitive <> '' AND NOT ${consent('')} AND NOT ${objectedHere}), 0) AS sensitive,
              coalesce(sum(c.minor = 1 AND NOT ${consent(` AND r.consent_type = 'guardian'`)}
                AND NOT ${objectedHere}), 0) AS minors,
              coalesce(sum(NOT ${OBJECTED} AND ${MISSING_CONSENT}), 0) AS missing
         FROM (SELECT customer_id AS id FROM handover_responses WHERE handover_id = ? UNION ${REQUEST_OBJECTORS}) s
        CROSS JOIN customers c ON c.id = s.id
        WHERE ${DESTINED}`,
    )
    .get(
      h.route,
      h.id,
      h.id,
      h.id,
      h.id,
      h.id, // OBJECTED
      h.id,
      h.route,
      h.id, // MISSING_CONSENT
      h.id,
      h.dispositionLabel,
    ) as Record<'sensitive0' | 'minors0' | 'missing0' | 'sensitive' | 'minors' | 'missing', number>;
  return {
    assumed: { sensitive: row.sensitive0, minors: row.minors0, missing: row.missing0 },
    actual: { sensitive: row.sensitive, minors: row.minors, missing: row.missing },
  };
}

/**
 * Null while the vault holds no handover: then the plan's hand confirmation stands in for the evidence.
 * Aggregates only: one grouped pass over the TRANSFER records, then per handover its sent notices and
 * the records something was recorded for (both through their tables' keys), never a pass per handover.
 */
export function handoverFacts(db: VaultDb, now = new Date()): HandoverFacts | null {
  const handovers = listHandoverRows(db);
  if (handovers.length === 0) return null;
  const destined = destinedByRecipient(db);
  const labels = new Set(handovers.map((h) => h.dispositionLabel));
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
    transferWithoutHandover: [...destined].reduce(
      (n, [label, d]) => (label !== null && labels.has(label) ? n : n + d.destined),
      0,
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
    const pipia = pipiaStatus(db, h);
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
    const all = destined.get(h.dispositionLabel) ?? {
      destined: 0,
      sensitive: 0,
      minors: 0,
      needSuccession: 0,
    };
    const sent = count(
      db,
      `SELECT count(*) AS n FROM handover_notices n CROSS JOIN customers c ON c.id = n.customer_id
        WHERE n.handover_id = ? AND n.status IN ('sent', 'delivered') AND ${DESTINED}`,
      h.id,
      h.dispositionLabel,
    );
    f.noticesSent += sent;
    f.noticesPending += all.destined - sent;
    const { assumed, actual } = answered(db, h);
    const need = h.route === 'succession' ? all.needSuccession : all.destined;
    f.consentsMissing += need - assumed.missing + actual.missing;
    f.sensitiveWithoutConsent += all.sensitive - assumed.sensitive + actual.sensitive;
    f.minorsWithoutConsent += all.minors - assumed.minors + actual.minors;
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
