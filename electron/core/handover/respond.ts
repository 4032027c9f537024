// handover.respond: a customer's objection or consent (separate, or a guardian's for a child under 14),
// with when and how it came and its evidence kept encrypted in the vault. An objection always wins: an
// objecting customer never travels, whatever else they said.
import type { OpParsedInput, ResponseRecorded } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { isDestined, selectionCounts } from './selection';
import { loadHandover, readAttachment, requireOpen, storeEvidence } from './store';

export function recordResponse(
  vault: OpenVault,
  input: OpParsedInput<'handover.respond'>,
  now = new Date(),
): ResponseRecorded {
  const handover = loadHandover(vault.db, input.handoverId);
  requireOpen(handover);
  if (!isDestined(vault.db, handover, input.recordId))
    throw new EngineError('HANDOVER_RECORD_NOT_DESTINED', { recordId: input.recordId });
  if (input.kind === 'objection' && input.consentType)
    throw new EngineError('INVALID_INPUT', { detail: 'consentType: an objection has no consent type' });
  const consentType = input.kind === 'consent' ? (input.consentType ?? 'separate') : null;
  const file = input.evidence ? readAttachment(input.evidence) : null;
  const at = now.toISOString();
  const responseId = vault.change(
    (id) => ({
      op: 'handover.respond',
      params: {
        handoverId: handover.id,
        responseId: id,
        ids: [input.recordId],
        kind: input.kind,
        consentType,
        evidenceSha256: file?.sha256 ?? null,
      },
      outcome: 'ok',
    }),
    () => {
      const evidenceId = file
        ? storeEvidence(vault.db, handover.id, `response:${input.recordId}`, file, vault.actor.userName, at)
        : null;
      return Number(
        vault.db
          .prepare(
            `INSERT INTO handover_responses (handover_id, customer_id, kind, consent_type, received_on, channel, note,
               evidence_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            handover.id,
            input.recordId,
            input.kind,
            consentType,
            input.receivedOn ?? at.slice(0, 10),
            input.channel ?? null,
            input.note,
            evidenceId,
            at,
            vault.actor.userName,
          ).lastInsertRowid,
      );
    },
  );
  return {
    responseId,
    recordId: input.recordId,
    kind: input.kind,
    consentType,
    evidence: file ? { name: file.name, sha256: file.sha256 } : null,
    selection: selectionCounts(vault.db, handover),
  };
}
