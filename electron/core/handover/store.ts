// The handovers table as the use cases see it: one row → a Handover, found by id or refused with one
// clear error; the state checks every change makes first; and the attached files kept in the vault.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../../../shared/contract';
import {
  crossBorderSchema,
  noticeSettingsSchema,
  recipientSchema,
  type CrossBorderChecklist,
  type HandoverField,
  type HandoverRecipient,
  type HandoverRoute,
  type KeyMode,
  type NoticeSettings,
} from '../../../shared/handover';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { VaultDb } from '../vault/database';

export interface Handover {
  id: string;
  state: 'open' | 'packaged' | 'closed';
  createdAt: string;
  createdBy: string | null;
  route: HandoverRoute;
  reasoning: string;
  recipient: HandoverRecipient;
  dispositionLabel: string;
  keyMode: KeyMode;
  certificatePem: string | null;
  crossBorder: CrossBorderChecklist;
  fields: HandoverField[];
  notice: NoticeSettings | null;
  override: { reason: string; by: string; at: string } | null;
  closedAt: string | null;
}

interface HandoverRow {
  id: string;
  state: Handover['state'];
  created_at: string;
  created_by: string | null;
  route: HandoverRoute;
  reasoning: string;
  recipient: string;
  disposition_label: string;
  key_mode: KeyMode;
  certificate_pem: string | null;
  cross_border: string;
  fields: string;
  notice: string | null;
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
  closed_at: string | null;
}

function toHandover(row: HandoverRow): Handover {
  return {
    id: row.id,
    state: row.state,
    createdAt: row.created_at,
    createdBy: row.created_by,
    route: row.route,
    reasoning: row.reasoning,
    recipient: recipientSchema.parse(JSON.parse(row.recipient)),
    dispositionLabel: row.disposition_label,
    keyMode: row.key_mode,
    certificatePem: row.certificate_pem,
    crossBorder: crossBorderSchema.parse(JSON.parse(row.cross_border)),
    fields: JSON.parse(row.fields) as HandoverField[],
    notice: row.notice ? noticeSettingsSchema.parse(JSON.parse(row.notice)) : null,
    override:
      row.override_reason && row.override_by && row.override_at
        ? { reason: row.override_reason, by: row.override_by, at: row.override_at }
        : null,
    closedAt: row.closed_at,
  };
}

export function loadHandover(db: VaultDb, handoverId: string): Handover {
  const row = db.prepare('SELECT * FROM handovers WHERE id = ?').get(handoverId) as HandoverRow | undefined;
  if (!row) throw new EngineError('HANDOVER_NOT_FOUND', { handoverId });
  return toHandover(row);
}

export function listHandoverRows(db: VaultDb): Handover[] {
  return (db.prepare('SELECT * FROM handovers ORDER BY created_at, id').all() as HandoverRow[]).map(
    toHandover,
  );
}

/** Everything but the receipt changes a handover only until its package is built. */
export function requireOpen(handover: Handover): void {
  if (handover.state !== 'open')
    throw new EngineError('HANDOVER_CLOSED', { handoverId: handover.id, state: handover.state });
}

/** The largest file Closeout keeps inside the vault as an agreement or evidence. */
const MAX_ATTACHMENT = 64 * 1024 * 1024;

export interface Attachment {
  name: string;
  sha256: string;
  bytes: number;
  content: Buffer;
}

/** Reads a file the person attached (its name without the folder, its SHA-256), or FILE_UNREADABLE. */
export function readAttachment(ref: FileRef): Attachment {
  const path = pathOf(ref);
  let content: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (stat.size > MAX_ATTACHMENT)
      throw new EngineError('FILE_UNREADABLE', { path, reason: `larger than ${MAX_ATTACHMENT >> 20} MiB` });
    content = readFileSync(path);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return {
    name: basename(path),
    sha256: createHash('sha256').update(content).digest('hex'),
    bytes: content.length,
    content,
  };
}

/** Stores an attached file's bytes in the vault; returns its row id. */
export function storeEvidence(
  db: VaultDb,
  handoverId: string,
  purpose: string,
  file: Attachment,
  by: string,
  at: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO handover_evidence (handover_id, purpose, name, sha256, bytes, content, added_at, added_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(handoverId, purpose, file.name, file.sha256, file.bytes, file.content, at, by).lastInsertRowid,
  );
}
