// The one table of impact assessments (schema 13): the closure-wide PIPIA and DPIA (`handover_id` NULL)
// and the PIPIA of each handover (named by its handover), versioned per kind and handover. Every approval
// goes through `approveAssessmentRow`: the approved document is first written, signed, to the evidence
// archive outside the vault (kept three years, it outlives the wipe), then the row is marked approved
// with its facts frozen, in one audited change.
import type { AssessmentFiles, AssessmentKind } from '../../../shared/contract';
import { archiveDir } from '../evidence-pack/archive';
import { stampedName, writeSignedDocument, type SignedDocument } from '../evidence-pack/signed-files';
import type { AuditInput } from '../vault/audit';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { documentSigner } from '../vault/signer';

export interface AssessmentScope {
  kind: AssessmentKind;
  /** The handover a PIPIA assesses; null for the closure-wide PIPIA or DPIA. */
  handoverId: string | null;
}

export interface AssessmentRow {
  kind: AssessmentKind;
  handover_id: string | null;
  version: number;
  body: string;
  facts: string | null;
  status: 'draft' | 'approved';
  updated_at: string;
  updated_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
}

const WHERE = 'kind = ? AND ifnull(handover_id, ?) = ?';
const scopeArgs = (s: AssessmentScope) => [s.kind, '', s.handoverId ?? ''];

export function latestAssessmentRow(db: VaultDb, scope: AssessmentScope): AssessmentRow | undefined {
  return db
    .prepare(`SELECT * FROM assessments WHERE ${WHERE} ORDER BY version DESC LIMIT 1`)
    .get(...scopeArgs(scope)) as AssessmentRow | undefined;
}

/** Writes a version's body (a new row or the draft's own); call inside `vault.change`. */
export function writeAssessmentBody(
  db: VaultDb,
  scope: AssessmentScope,
  version: number,
  body: unknown,
  at: string,
  by: string | null,
): void {
  const json = JSON.stringify(body);
  const updated = db
    .prepare(`UPDATE assessments SET body = ?, updated_at = ?, updated_by = ? WHERE ${WHERE} AND version = ?`)
    .run(json, at, by, ...scopeArgs(scope), version);
  if (updated.changes === 0)
    db.prepare(
      `INSERT INTO assessments (kind, handover_id, version, body, status, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 'draft', ?, ?)`,
    ).run(scope.kind, scope.handoverId, version, json, at, by);
}

export interface Approval {
  scope: AssessmentScope;
  version: number;
  /** What the approval froze (stored as the row's facts). */
  facts: unknown;
  /** The approved document as archived: its JSON and PDF. */
  document: SignedDocument;
  /** The archived files' name, e.g. "pipia-v2" or "pipia-handover-1a2b3c4d". */
  name: string;
  audit: () => AuditInput;
  /** More changes that belong to the same transaction (the handover saves its answers). */
  alongside?: () => void;
}

/** The one approval path: signed archive copy first (an approval that cannot be archived does not happen). */
export async function approveAssessmentRow(
  vault: OpenVault,
  dataDir: string,
  approval: Approval,
  now: Date,
): Promise<AssessmentFiles> {
  const files = await writeSignedDocument(
    archiveDir(dataDir, vault.vaultId),
    stampedName(approval.name, vault.vaultId, now),
    approval.document,
    documentSigner(vault.signer),
    now,
  );
  const { scope } = approval;
  vault.change(
    approval.audit,
    () => {
      approval.alongside?.();
      vault.db
        .prepare(
          `UPDATE assessments SET status = 'approved', facts = ?, approved_at = ?, approved_by = ?
           WHERE ${WHERE} AND version = ?`,
        )
        .run(
          JSON.stringify(approval.facts),
          now.toISOString(),
          vault.actor.userName,
          ...scopeArgs(scope),
          approval.version,
        );
    },
    true,
  );
  return { pdf: files.pdf, json: files.json, signature: files.signature };
}
