// compliance.answer, compliance.setApplicability, compliance.saveItem and compliance.removeItem: what a
// person decides in the checklists, each change in one transaction with its audit entry (which records
// ids, statuses and file digests, never the note's text).
import { randomUUID } from 'node:crypto';
import type { Checklist, ChecklistItem, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { evaluateChecklist, findItem } from './checklist';
import { readEvidenceFile, storeEvidenceFile } from './evidence-files';
import { writeSetting } from './settings';

export function answerItem(
  vault: OpenVault,
  input: OpParsedInput<'compliance.answer'>,
  now = new Date(),
): ChecklistItem {
  const item = findItem(vault, input.itemId);
  if (!item) throw new EngineError('CHECKLIST_ITEM_UNKNOWN', { itemId: input.itemId });
  if (item.source === 'evidence')
    throw new EngineError('CHECKLIST_ITEM_EVALUATED', { itemId: input.itemId, status: item.status });
  const file = input.file ? readEvidenceFile(input.file) : null;
  const at = now.toISOString();
  const by = vault.actor.userName;
  vault.change(
    (stored) => ({
      op: 'compliance.answer',
      params: {
        itemId: input.itemId,
        status: input.status,
        noteLength: input.note.length,
        file: stored ? { sha256: stored.sha256, size: stored.size } : null,
      },
      outcome: 'ok',
    }),
    () => {
      const stored = file ? storeEvidenceFile(vault.db, file, at, by) : null;
      vault.db
        .prepare(
          `INSERT INTO compliance_answers (item_id, status, note, file_id, answered_at, answered_by)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (item_id) DO UPDATE SET status = excluded.status, note = excluded.note,
             file_id = COALESCE(excluded.file_id, compliance_answers.file_id),
             answered_at = excluded.answered_at, answered_by = excluded.answered_by`,
        )
        .run(input.itemId, input.status, input.note, stored?.id ?? null, at, by);
      return stored;
    },
  );
  return findItem(vault, input.itemId) as ChecklistItem;
}

export function setApplicability(
  vault: OpenVault,
  input: OpParsedInput<'compliance.setApplicability'>,
  now = new Date(),
): Checklist {
  vault.change(
    () => ({ op: 'compliance.setApplicability', params: { ...input }, outcome: 'ok' }),
    () =>
      writeSetting(vault.db, 'applicability', {
        ...input,
        at: now.toISOString(),
        by: vault.actor.userName,
      }),
  );
  return evaluateChecklist(vault);
}

export function saveCompanyItem(
  vault: OpenVault,
  input: OpParsedInput<'compliance.saveItem'>,
  now = new Date(),
): ChecklistItem {
  const id = input.id ?? randomUUID();
  vault.change(
    (changed) => ({
      op: 'compliance.saveItem',
      params: { id, new: !input.id },
      counts: { changed },
      outcome: 'ok',
    }),
    () => {
      if (input.id) {
        const result = vault.db
          .prepare('UPDATE company_items SET title = ?, description = ? WHERE id = ? AND removed_at IS NULL')
          .run(input.title, input.description, input.id);
        if (result.changes === 0) throw new EngineError('CHECKLIST_ITEM_UNKNOWN', { itemId: input.id });
        return result.changes;
      }
      return vault.db
        .prepare(
          'INSERT INTO company_items (id, title, description, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
        )
        .run(id, input.title, input.description, now.toISOString(), vault.actor.userName).changes;
    },
  );
  return findItem(vault, `company-${id}`) as ChecklistItem;
}

export function removeCompanyItem(
  vault: OpenVault,
  input: { id: string },
  now = new Date(),
): { removed: boolean } {
  const exists = vault.db
    .prepare('SELECT 1 FROM company_items WHERE id = ? AND removed_at IS NULL')
    .get(input.id);
  if (!exists) throw new EngineError('CHECKLIST_ITEM_UNKNOWN', { itemId: input.id });
  vault.change(
    () => ({ op: 'compliance.removeItem', params: { id: input.id }, outcome: 'ok' }),
    () =>
      vault.db
        .prepare('UPDATE company_items SET removed_at = ? WHERE id = ?')
        .run(now.toISOString(), input.id),
  );
  return { removed: true };
}
