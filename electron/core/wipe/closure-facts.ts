// What the wipes recorded in the vault show the compliance centre: the records purged and verified, each
// certificate of sanitisation's id and SHA-256, the whole-vault wipe's state, and the paper and cloud
// logs — counts and ids only, so the checklist items and the plan's Wipe step are evaluated from evidence.
import type { VaultDb } from '../vault/database';
import { recoverySheetDestroyed } from './logs';

interface WipeCertificateFact {
  wipeId: string;
  kind: 'records' | 'vault';
  certifiedAt: string;
  sha256: string;
}

export interface WipeFacts {
  /** Certificates of sanitisation issued (a records wipe is certified only once its verification passed). */
  certificates: number;
  certificateIds: WipeCertificateFact[];
  /** Records deleted by certified records wipes. */
  purgedRecords: number;
  anonymisedRecords: number;
  /** Records wipes whose purge committed but whose certificate is not written yet (resume them). */
  uncertified: number;
  /**
   * The whole-vault wipe as the vault itself can see it: 'certified' once its certificate is signed, the
   * last act before the keys are destroyed; a vault that still opens has not been erased.
   */
  vaultWipe: 'none' | 'certified';
  paperLogs: number;
  recoverySheetDestroyed: boolean;
  cloudLogs: number;
  /** Cloud deletions the provider confirmed. */
  cloudConfirmed: number;
}

interface WipeRow {
  id: string;
  kind: 'records' | 'vault';
  certified_at: string | null;
  certificate_sha256: string | null;
  counts: string;
}

export function wipeFacts(db: VaultDb): WipeFacts {
  const rows = db
    .prepare('SELECT id, kind, certified_at, certificate_sha256, counts FROM wipes ORDER BY started_at, id')
    .all() as WipeRow[];
  const certified = rows.filter((r) => r.certificate_sha256 !== null);
  const records = certified
    .filter((r) => r.kind === 'records')
    .map((r) => JSON.parse(r.counts) as { destroyed?: number; anonymised?: number });
  const cloud = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(status = 'confirmed'), 0) AS confirmed FROM cloud_deletions`)
    .get() as { n: number; confirmed: number };
  return {
    certificates: certified.length,
    certificateIds: certified.map((r) => ({
      wipeId: r.id,
      kind: r.kind,
      certifiedAt: r.certified_at ?? '',
      sha256: r.certificate_sha256 ?? '',
    })),
    purgedRecords: records.reduce((n, c) => n + (c.destroyed ?? 0), 0),
    anonymisedRecords: records.reduce((n, c) => n + (c.anonymised ?? 0), 0),
    uncertified: rows.filter((r) => r.kind === 'records' && r.certificate_sha256 === null).length,
    vaultWipe: certified.some((r) => r.kind === 'vault') ? 'certified' : 'none',
    paperLogs: (db.prepare('SELECT count(*) AS n FROM paper_destructions').get() as { n: number }).n,
    recoverySheetDestroyed: recoverySheetDestroyed(db),
    cloudLogs: cloud.n,
    cloudConfirmed: cloud.confirmed,
  };
}
