// handover.agreement: the agreement with the recipient (parties, date, purposes, scope, retention, the
// recipient's undertakings) and its signed PDF, kept encrypted inside the vault with its SHA-256.
import type { AgreementRecord, OpParsedInput } from '../../../shared/contract';
import { agreementTermsSchema } from '../../../shared/handover';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { loadHandover, readAttachment, requireOpen } from './store';

interface AgreementRow {
  terms: string;
  signed_on: string;
  file_name: string | null;
  file_sha256: string | null;
  file_bytes: number | null;
  recorded_at: string;
  recorded_by: string | null;
}

export function agreementOf(db: VaultDb, handoverId: string): AgreementRecord | null {
  const row = db
    .prepare(
      `SELECT terms, signed_on, file_name, file_sha256, file_bytes, recorded_at, recorded_by
         FROM handover_agreements WHERE handover_id = ?`,
    )
    .get(handoverId) as AgreementRow | undefined;
  if (!row) return null;
  return {
    terms: agreementTermsSchema.parse(JSON.parse(row.terms)),
    signedOn: row.signed_on,
    file:
      row.file_name && row.file_sha256 && row.file_bytes !== null
        ? { name: row.file_name, sha256: row.file_sha256, bytes: row.file_bytes }
        : null,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

export function recordAgreement(
  vault: OpenVault,
  input: OpParsedInput<'handover.agreement'>,
  now = new Date(),
): AgreementRecord {
  const handover = loadHandover(vault.db, input.handoverId);
  requireOpen(handover);
  const file = input.file ? readAttachment(input.file) : null;
  const previous = agreementOf(vault.db, handover.id);
  vault.change(
    () => ({
      op: 'handover.agreement',
      params: { handoverId: handover.id, signedOn: input.signedOn, fileSha256: file?.sha256 ?? null },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `INSERT INTO handover_agreements (handover_id, terms, signed_on, file_name, file_sha256, file_bytes, file,
             recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (handover_id) DO UPDATE SET terms = excluded.terms, signed_on = excluded.signed_on,
             file_name = excluded.file_name, file_sha256 = excluded.file_sha256, file_bytes = excluded.file_bytes,
             file = excluded.file, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
        )
        .run(
          handover.id,
          JSON.stringify(input.terms),
          input.signedOn,
          file?.name ?? previous?.file?.name ?? null,
          file?.sha256 ?? previous?.file?.sha256 ?? null,
          file?.bytes ?? previous?.file?.bytes ?? null,
          file?.content ?? (previous?.file ? keptFile(vault.db, handover.id) : null),
          now.toISOString(),
          vault.actor.userName,
        ),
  );
  return agreementOf(vault.db, handover.id)!;
}

/** The signed PDF already stored, kept when only the terms change. */
function keptFile(db: VaultDb, handoverId: string): Buffer | null {
  const row = db.prepare('SELECT file FROM handover_agreements WHERE handover_id = ?').get(handoverId) as
    { file: Buffer | null } | undefined;
  return row?.file ?? null;
}
