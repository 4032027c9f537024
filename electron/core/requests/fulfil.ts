// requests.fulfil: the answer from the vault, for the customer's record and the records merged into it
// only. access / portability: the records as JSON (the CustomerRecord of the records view) and CSV (the
// export's columns) plus the letter; correction: the new values through the import's own reading of the
// field, audited with the field names; deletion: the wipe's records purge for that one customer with its
// certificate, unless the record is under a retention basis (the letter says which and until when);
// objection: the request itself is the fact the handover's selection reads (objections.ts). Files are
// registered as outputs holding customer data, so a later wipe finds them.
import { join } from 'node:path';
import type { OpParsedInput, RequestEntry, RequestFulfilment } from '../../../shared/contract';
import type { CustomerRecord } from '../../../shared/customer';
import type { CustomerField } from '../../../shared/customer/columns';
import { FIELD_SPECS, type FieldReading, type FieldSpec } from '../../../shared/customer/fields';
import { csvCell, UTF8_BOM } from '../../../shared/csv';
import { CORRECTABLE_FIELDS } from '../../../shared/requests';
import { checkCertificateDir } from '../documents/signed-document';
import { reindex } from '../duplicates/store';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { EXPORT_COLUMNS } from '../records/export-columns';
import { loadRecords } from '../records/record-view';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import type { VaultDb } from '../vault/database';
import { readMeta } from '../vault/meta';
import { cmsSign, hasCertifiedKey } from '../vault/signer';
import type { OpenVault } from '../vault/open-vault';
import { recordOutputs } from '../wipe/outputs';
import { wipeRecords } from '../wipe/wipe-records';
import { requestLetter } from './letter';
import { requestRow, toEntry, type RequestRow } from './register';

type Input = OpParsedInput<'requests.fulfil'>;

/** The customer's record and every record merged into it (the same person). */
function customerRecordIds(db: VaultDb, recordId: number): number[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT c.id FROM customers c JOIN m ON c.merged_into = m.id)
         SELECT id FROM m ORDER BY id`,
      )
      .all(recordId) as Array<{ id: number }>
  ).map((r) => r.id);
}

function csvOf(records: readonly CustomerRecord[], chinese: boolean): string {
  const line = (cells: string[]) => cells.join(',') + '\r\n';
  const value = (v: string | number | null) => (typeof v === 'number' ? String(v) : csvCell(v));
  return (
    UTF8_BOM +
    line(EXPORT_COLUMNS.map((c) => csvCell(chinese ? c.zh : c.en))) +
    records.map((r) => line(EXPORT_COLUMNS.map((c) => value(c.value(r))))).join('')
  );
}

interface Correction {
  field: CustomerField;
  spec: FieldSpec;
  reading: FieldReading;
}

/** The corrections read as the import reads the field, or the one error (before anything is written). */
function readCorrections(input: Input): Correction[] {
  if (input.corrections.length === 0) throw new EngineError('REQUEST_CORRECTION_EMPTY');
  return input.corrections.map(({ field, value }) => {
    if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field))
      throw new EngineError('REQUEST_CORRECTION_FIELD', { field, allowed: CORRECTABLE_FIELDS.join(', ') });
    const spec: FieldSpec = FIELD_SPECS[field as CustomerField];
    return { field: field as CustomerField, spec, reading: spec.read!(value) };
  });
}

function applyCorrections(db: VaultDb, recordId: number, corrections: readonly Correction[]): void {
  for (const { spec, reading } of corrections) {
    const columns = [spec.column, ...(spec.status ? [spec.status.column] : [])];
    const values = [reading.value, ...(spec.status ? [reading.status] : [])];
    db.prepare(`UPDATE customers SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...values,
      recordId,
    );
  }
  reindex(db, recordId); // the search index holds the old value otherwise
}

/**
 * The purge an earlier attempt at this deletion committed (a purge commits on its own, before the letter
 * and the request's update): its wipe, once certified. Null when no deletion was started for it.
 */
function earlierPurge(vault: OpenVault, row: RequestRow, ref: string): Partial<RequestFulfilment> | null {
  if (row.deletion_started_at === null) return null;
  const wipe = vault.db
    .prepare(
      `SELECT id, certificate_sha256, counts FROM wipes WHERE kind = 'records' AND started_at >= ?
         AND certified_at IS NOT NULL ORDER BY started_at LIMIT 1`,
    )
    .get(row.deletion_started_at) as
    { id: string; certificate_sha256: string | null; counts: string } | undefined;
  if (!wipe) throw new EngineError('REQUEST_DELETION_UNFINISHED', { ref, at: row.deletion_started_at });
  const counts = JSON.parse(wipe.counts) as { destroyed?: number };
  return {
    action: 'deleted',
    wipeId: wipe.id,
    certificateSha256: wipe.certificate_sha256,
    records: counts.destroyed ?? 0,
  };
}

export async function fulfilRequest(
  vault: OpenVault,
  input: Input,
  job: JobContext,
  dataDir: string,
  now = new Date(),
): Promise<RequestEntry> {
  const db = vault.db;
  const row = requestRow(db, input.id);
  const request = toEntry(row, now);
  if (row.status === 'closed') throw new EngineError('REQUEST_CLOSED', { ref: request.ref });
  if (request.fulfilment)
    throw new EngineError('REQUEST_FULFILLED', { ref: request.ref, at: request.fulfilment.at });
  const dir = pathOf(input.out);
  checkCertificateDir(dir);
  const recordId = row.record_ref;
  const gone = recordId !== null && !db.prepare('SELECT 1 FROM customers WHERE id = ?').get(recordId);
  const earlier = gone && row.kind === 'delete' ? earlierPurge(vault, row, request.ref) : null;
  if (gone && !earlier) throw new EngineError('REQUEST_RECORD_GONE', { ref: request.ref, id: recordId });
  const ids = recordId === null ? [] : customerRecordIds(db, recordId);
  const corrections = row.kind === 'correct' && recordId !== null ? readCorrections(input) : [];
  const records = loadRecords(db, ids);
  const own = records.find((r) => r.id === recordId) ?? null;
  const base = `${request.ref}-${now.toISOString().slice(0, 10)}`;
  const files: Array<{ name: string; bytes: string | Uint8Array }> = [];
  const fulfilment: RequestFulfilment = {
    at: now.toISOString(),
    by: vault.actor.userName,
    action: 'answered',
    files: [],
    records: records.length,
  };
  await job.checkpoint();

  if (recordId === null) {
    if (['access', 'portability', 'delete', 'correct'].includes(row.kind)) fulfilment.action = 'no-record';
  } else if (row.kind === 'access' || row.kind === 'portability') {
    fulfilment.action = 'exported';
    files.push({ name: `${base}-data.json`, bytes: JSON.stringify(records, null, 2) + '\n' });
    files.push({ name: `${base}-data.csv`, bytes: csvOf(records, row.regime === 'pipl') });
  } else if (row.kind === 'correct') {
    fulfilment.action = 'corrected';
    fulfilment.fields = corrections.map((c) => c.field); // applied below, with the audit entry
  } else if (row.kind === 'delete') {
    if (own?.disposition === 'RETAIN') {
      fulfilment.action = 'retained';
      fulfilment.retention = { basis: own.dispositionBasis, until: own.retainUntil };
    } else if (earlier) {
      Object.assign(fulfilment, earlier);
    } else {
      fulfilment.action = 'deleted';
      vault.change(
        () => ({
          op: 'requests.fulfil',
          params: { id: row.id, kind: row.kind, step: 'deletion-started' },
          outcome: 'ok',
        }),
        () =>
          db
            .prepare('UPDATE requests SET deletion_started_at = ? WHERE id = ?')
            .run(now.toISOString(), row.id),
      );
      const wiped = await wipeRecords(
        vault,
        {
          quarantine: false,
          outputs: false,
          certificateDir: input.out,
          trigger: input.trigger,
          dryRun: false,
          sources: [],
        },
        job,
        dataDir,
        recordId,
      );
      fulfilment.wipeId = wiped.wipeId;
      fulfilment.certificateSha256 = wiped.certificate?.sha256 ?? null;
      fulfilment.records = wiped.purged.records;
    }
  } else if (row.kind === 'object') fulfilment.action = 'objection-recorded';

  const letterName = `${base}-letter.pdf`;
  // Signed (detached CMS, PEM) by the session's certified key, as certificates are: `openssl cms -verify
  // -binary -inform PEM -in <letter>.p7s -content <letter> -CAfile company.pem` accepts it.
  const signed = hasCertifiedKey(vault.signer);
  fulfilment.files = [...files.map((f) => f.name), letterName, ...(signed ? [`${letterName}.p7s`] : [])];
  const letter = await requestLetter(request, fulfilment, readMeta(db).clientName, own?.name ?? null, now);
  files.push({ name: letterName, bytes: letter });
  const signature = cmsSign(vault.signer, letter, now);
  if (signature !== null) files.push({ name: `${letterName}.p7s`, bytes: signature });
  await job.checkpoint();

  const scope = { vault, dataDir };
  const paths = files.map((f) => join(dir, f.name));
  for (const path of paths) guardWrite(path, scope);
  vault.change(
    () => ({
      op: 'requests.fulfil',
      params: { id: row.id, kind: row.kind, action: fulfilment.action, fields: fulfilment.fields ?? [] },
      counts: { records: fulfilment.records, files: files.length },
      outcome: 'ok',
    }),
    () => {
      if (recordId !== null && corrections.length > 0) applyCorrections(db, recordId, corrections);
      files.forEach((f, i) => writeFileAtomic(paths[i], f.bytes));
      recordOutputs(db, 'records-export', paths, vault.actor.userName);
      db.prepare(`UPDATE requests SET status = 'fulfilled', fulfilment = ? WHERE id = ?`).run(
        JSON.stringify(fulfilment),
        row.id,
      );
    },
  );
  return toEntry(requestRow(db, row.id), now);
}
