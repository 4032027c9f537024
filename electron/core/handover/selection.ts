// Who may travel: the records whose disposition is TRANSFER to this recipient, minus every customer who
// objected (in this handover, or through the requests register: requests/objections.ts), minus those
// missing the consent the route or their data needs (shared/handover.ts requiredConsent, written here as
// SQL over the responses recorded for this handover).
import type { HandoverSelection } from '../../../shared/contract';
import { OBJECTED_BY_REQUEST, REQUEST_OBJECTORS } from '../requests/objections';
import type { VaultDb } from '../vault/database';
import type { Handover } from './store';

/** Parameters: the handover id. An objection in this handover, or one in the requests register. */
export const OBJECTED = `(EXISTS (SELECT 1 FROM handover_responses r WHERE r.handover_id = ? AND r.customer_id = c.id
  AND r.kind = 'objection') OR ${OBJECTED_BY_REQUEST})`;
/** Parameters: the handover id, the route, the handover id. */
export const MISSING_CONSENT = `(CASE
  WHEN c.minor = 1 THEN NOT EXISTS (SELECT 1 FROM handover_responses r WHERE r.handover_id = ?
    AND r.customer_id = c.id AND r.kind = 'consent' AND r.consent_type = 'guardian')
  WHEN c.sensitive <> '' OR ? <> 'succession' THEN NOT EXISTS (SELECT 1 FROM handover_responses r
    WHERE r.handover_id = ? AND r.customer_id = c.id AND r.kind = 'consent')
  ELSE 0 END)`;

/**
 * The records destined to this recipient (not merged away). `+c.disposition` keeps SQLite on the rowid
 * (a range scan in id order) instead of the disposition index, which would sort every chunk again.
 */
export const DESTINED = `c.merged_into IS NULL AND +c.disposition = 'TRANSFER' AND c.disposition_recipient = ?`;

export interface SelectionSql {
  /** Conditions on `customers c` (AND-ed) for the records that travel. */
  where: string;
  args: Array<string | number>;
}

export function selectionSql(handover: Handover): SelectionSql {
  return {
    where: `${DESTINED} AND NOT ${OBJECTED} AND NOT ${MISSING_CONSENT}`,
    args: [handover.dispositionLabel, handover.id, handover.id, handover.route, handover.id],
  };
}

/**
 * Per record destined to this recipient, as 0/1 columns `objected` and `missing` (a required consent):
 * what the package counts as left behind, window by window, beside the records that travel.
 */
export function selectionFlags(handover: Handover): SelectionSql & {
  columns: string;
  columnArgs: Array<string | number>;
} {
  return {
    columns: `${OBJECTED} AS objected, ${MISSING_CONSENT} AS missing`,
    columnArgs: [handover.id, handover.id, handover.route, handover.id],
    where: DESTINED,
    args: [handover.dispositionLabel],
  };
}

/** The counts the wizard, the PIPIA and the package all show. */
export function selectionCounts(db: VaultDb, handover: Handover): HandoverSelection {
  const row = db
    .prepare(
      `SELECT count(*) AS destined,
              coalesce(sum(o.objected), 0) AS objectors,
              coalesce(sum(CASE WHEN o.objected = 0 AND o.missing = 1 THEN 1 ELSE 0 END), 0) AS missingConsent,
              coalesce(sum(CASE WHEN o.objected = 0 AND o.missing = 0 THEN 1 ELSE 0 END), 0) AS selected,
              coalesce(sum(CASE WHEN o.travels AND o.sensitive <> '' THEN 1 ELSE 0 END), 0) AS sensitive,
              coalesce(sum(CASE WHEN o.travels AND o.minor = 1 THEN 1 ELSE 0 END), 0) AS minors,
              coalesce(sum(CASE WHEN o.travels AND o.type = 'individual' THEN 1 ELSE 0 END), 0) AS individuals,
              coalesce(sum(CASE WHEN o.travels AND o.type = 'business' THEN 1 ELSE 0 END), 0) AS businesses
         FROM (SELECT c.sensitive, c.minor, c.type, ${OBJECTED} AS objected, ${MISSING_CONSENT} AS missing,
                      NOT ${OBJECTED} AND NOT ${MISSING_CONSENT} AS travels
                 FROM customers c WHERE ${DESTINED}) o`,
    )
    .get(
      handover.id,
      handover.id,
      handover.route,
      handover.id,
      handover.id,
      handover.id,
      handover.route,
      handover.id,
      handover.dispositionLabel,
    ) as Omit<HandoverSelection, 'regions'>;
  const sql = selectionSql(handover);
  const regions = db
    .prepare(
      `SELECT coalesce(c.region, 'unknown') AS region, count(*) AS n FROM customers c WHERE ${sql.where}
        GROUP BY 1 ORDER BY 1`,
    )
    .all(...sql.args) as Array<{ region: string; n: number }>;
  return { ...row, regions: Object.fromEntries(regions.map((r) => [r.region, r.n])) };
}

/** Sensitive kinds among the records that travel, counted per kind (for the PIPIA). */
export function sensitiveKinds(db: VaultDb, handover: Handover): Record<string, number> {
  const sql = selectionSql(handover);
  const counts: Record<string, number> = {};
  const rows = db
    .prepare(
      `SELECT c.sensitive AS s, count(*) AS n FROM customers c WHERE ${sql.where} AND c.sensitive <> ''
              GROUP BY c.sensitive`,
    )
    .all(...sql.args) as Array<{ s: string; n: number }>;
  for (const { s, n } of rows)
    for (const kind of s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean))
      counts[kind] = (counts[kind] ?? 0) + n;
  return counts;
}

/** Whether a record is destined to this handover's recipient at all (before objections and consents). */
export function isDestined(db: VaultDb, handover: Handover, recordId: number): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM customers c WHERE c.id = ? AND ${DESTINED}`)
      .get(recordId, handover.dispositionLabel) !== undefined
  );
}

/** Ids of every customer who objected (in this handover or the register): a second guard at packaging. */
export function objectorIds(db: VaultDb, handoverId: string): Set<number> {
  const rows = db
    .prepare(
      `SELECT customer_id AS id FROM handover_responses WHERE handover_id = ? AND kind = 'objection'
       UNION ${REQUEST_OBJECTORS}`,
    )
    .all(handoverId) as Array<{ id: number }>;
  return new Set(rows.map((r) => r.id));
}
