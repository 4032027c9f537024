// wipe.logPaper, wipe.logCloud and wipe.logs: what was destroyed outside Closeout's reach — paper (by
// shredder, fire, pulping or a destruction company, with a witness) and data held by cloud services and
// other systems (deletion requested, then confirmed; the account closed; a processor's confirmation) —
// each with its evidence file hashed (only its name, size and SHA-256 are kept). Every certificate
// lists them; the paper recovery sheet's destruction is what lets a whole-vault wipe say no key remains.
import { basename } from 'node:path';
import type {
  CloudEntry,
  EvidenceFile,
  OpParsedInput,
  PaperEntry,
  WipeHistoryItem,
  WipeLogs,
} from '../../../shared/contract';
import type { ProcessorOutcome } from '../../../shared/wipe';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { fileSha256 } from './outputs';

function evidenceOf(ref: OpParsedInput<'wipe.logPaper'>['evidence']): EvidenceFile | null {
  if (!ref) return null;
  const path = pathOf(ref);
  try {
    const { sha256, bytes } = fileSha256(path);
    return { name: basename(path), bytes, sha256 };
  } catch (error) {
    throw new EngineError('FILE_UNREADABLE', {
      path,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

interface PaperRow {
  id: number;
  batch: string;
  description: string;
  sheets: number | null;
  boxes: number | null;
  method: PaperEntry['method'];
  level: string | null;
  particle_size: string | null;
  company: string | null;
  company_certificate: string | null;
  date: string;
  operator: string;
  witness: string;
  recovery_sheet: number;
  evidence: string | null;
  logged_at: string;
  logged_by: string;
}

const paperOf = (r: PaperRow): PaperEntry => ({
  id: r.id,
  batch: r.batch,
  description: r.description,
  sheets: r.sheets,
  boxes: r.boxes,
  method: r.method,
  level: r.level,
  particleSize: r.particle_size,
  company: r.company,
  companyCertificate: r.company_certificate,
  date: r.date,
  operator: r.operator,
  witness: r.witness,
  recoverySheet: r.recovery_sheet === 1,
  evidence: r.evidence ? (JSON.parse(r.evidence) as EvidenceFile) : null,
  loggedAt: r.logged_at,
  loggedBy: r.logged_by,
});

interface CloudRow {
  id: number;
  service: string;
  account: string;
  data: string;
  status: CloudEntry['status'];
  requested_on: string | null;
  confirmed_on: string | null;
  reference: string | null;
  account_closed: number;
  processor: ProcessorOutcome | null;
  evidence: string;
  note: string | null;
  updated_at: string;
  updated_by: string;
}

const cloudOf = (r: CloudRow): CloudEntry => ({
  id: r.id,
  service: r.service,
  account: r.account,
  data: r.data,
  status: r.status,
  requestedOn: r.requested_on,
  confirmedOn: r.confirmed_on,
  reference: r.reference,
  accountClosed: r.account_closed === 1,
  processor: r.processor,
  evidence: JSON.parse(r.evidence) as EvidenceFile[],
  note: r.note,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const paperEntries = (db: VaultDb): PaperEntry[] =>
  (db.prepare('SELECT * FROM paper_destructions ORDER BY date, id').all() as PaperRow[]).map(paperOf);

export const cloudEntries = (db: VaultDb): CloudEntry[] =>
  (db.prepare('SELECT * FROM cloud_deletions ORDER BY service, account').all() as CloudRow[]).map(cloudOf);

/** True when a paper batch that held the recovery sheet has been logged as destroyed. */
export const recoverySheetDestroyed = (db: VaultDb): boolean =>
  db.prepare('SELECT 1 FROM paper_destructions WHERE recovery_sheet = 1 LIMIT 1').get() !== undefined;

export function logPaper(vault: OpenVault, input: OpParsedInput<'wipe.logPaper'>): PaperEntry {
  const evidence = evidenceOf(input.evidence);
  const at = new Date().toISOString();
  const id = vault.change(
    (rowId) => ({
      op: 'wipe.logPaper',
      params: {
        entry: rowId,
        method: input.method,
        recoverySheet: input.recoverySheet,
        evidence: evidence?.sha256 ?? null,
      },
      counts: { sheets: input.sheets ?? 0, boxes: input.boxes ?? 0 },
      outcome: 'ok',
    }),
    () =>
      Number(
        vault.db
          .prepare(
            `INSERT INTO paper_destructions (batch, description, sheets, boxes, method, level, particle_size, company,
               company_certificate, date, operator, witness, recovery_sheet, evidence, logged_at, logged_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.batch,
            input.description,
            input.sheets ?? null,
            input.boxes ?? null,
            input.method,
            input.level ?? null,
            input.particleSize ?? null,
            input.company ?? null,
            input.companyCertificate ?? null,
            input.date,
            input.operator ?? vault.actor.userName,
            input.witness,
            input.recoverySheet ? 1 : 0,
            evidence ? JSON.stringify(evidence) : null,
            at,
            vault.actor.userName,
          ).lastInsertRowid,
      ),
    input.recoverySheet, // a key copy destroyed: sign the chain head now
  );
  return paperOf(vault.db.prepare('SELECT * FROM paper_destructions WHERE id = ?').get(id) as PaperRow);
}

/** A service and account are one entry: a later call (confirmed, account closed, evidence) updates it. */
export function logCloud(vault: OpenVault, input: OpParsedInput<'wipe.logCloud'>): CloudEntry {
  const evidence = evidenceOf(input.evidence);
  const at = new Date().toISOString();
  const db = vault.db;
  const id = vault.change(
    (rowId) => ({
      op: 'wipe.logCloud',
      params: {
        entry: rowId,
        status: input.status,
        accountClosed: input.accountClosed ?? null,
        evidence: evidence?.sha256 ?? null,
      },
      outcome: 'ok',
    }),
    () => {
      const old = db
        .prepare('SELECT * FROM cloud_deletions WHERE service = ? AND account = ?')
        .get(input.service, input.account) as CloudRow | undefined;
      if (!old && !input.data)
        throw new EngineError('INVALID_INPUT', { detail: 'data: say what data the service held' });
      const today = at.slice(0, 10);
      const row = {
        data: input.data ?? old!.data,
        status: old?.status === 'confirmed' ? 'confirmed' : input.status,
        requested_on: input.requestedOn ?? old?.requested_on ?? today,
        confirmed_on: input.confirmedOn ?? old?.confirmed_on ?? (input.status === 'confirmed' ? today : null),
        reference: input.reference ?? old?.reference ?? null,
        account_closed: (input.accountClosed ?? old?.account_closed === 1) ? 1 : 0,
        processor: input.processor ?? old?.processor ?? null,
        evidence: JSON.stringify([
          ...(old ? (JSON.parse(old.evidence) as EvidenceFile[]) : []),
          ...(evidence ? [evidence] : []),
        ]),
        note: input.note ?? old?.note ?? null,
      };
      if (old) {
        db.prepare(
          `UPDATE cloud_deletions SET data = @data, status = @status, requested_on = @requested_on, confirmed_on = @confirmed_on,
             reference = @reference, account_closed = @account_closed, processor = @processor, evidence = @evidence,
             note = @note, updated_at = @at, updated_by = @by WHERE id = @id`,
        ).run({ ...row, at, by: vault.actor.userName, id: old.id });
        return old.id;
      }
      return Number(
        db
          .prepare(
            `INSERT INTO cloud_deletions (service, account, data, status, requested_on, confirmed_on, reference, account_closed,
               processor, evidence, note, updated_at, updated_by)
             VALUES (@service, @account, @data, @status, @requested_on, @confirmed_on, @reference, @account_closed,
               @processor, @evidence, @note, @at, @by)`,
          )
          .run({ ...row, service: input.service, account: input.account, at, by: vault.actor.userName })
          .lastInsertRowid,
      );
    },
  );
  return cloudOf(db.prepare('SELECT * FROM cloud_deletions WHERE id = ?').get(id) as CloudRow);
}

interface WipeRow {
  id: string;
  kind: WipeHistoryItem['kind'];
  started_at: string;
  by_user: string;
  certified_at: string | null;
  certificate_sha256: string | null;
  counts: string;
  certificate_json: string | null;
}

export function wipeLogs(vault: OpenVault): WipeLogs {
  const db = vault.db;
  const wipes = (
    db
      .prepare('SELECT * FROM wipes WHERE certificate_sha256 IS NOT NULL ORDER BY started_at DESC')
      .all() as WipeRow[]
  ).map((w): WipeHistoryItem => ({
    wipeId: w.id,
    kind: w.kind,
    at: w.certified_at ?? w.started_at,
    by: w.by_user,
    certificateSha256: w.certificate_sha256 ?? '',
    counts: JSON.parse(w.counts) as Record<string, number>,
    certificateJson: w.certificate_json,
  }));
  return { paper: paperEntries(db), cloud: cloudEntries(db), wipes };
}
