// ropa.get, ropa.retention, ropa.write: the record of processing activities (GDPR Art. 30(1), with the
// Chinese fields of GB/T 35273 11.3: source, volume, storage, legal basis) and the retention schedule.
import { bi } from '../../../shared/bilingual';
import { csvLine, UTF8_BOM } from '../../../shared/csv';
import { RETENTION_PRESETS, RETENTION_PRESET_NAMES } from '../../../shared/dispositions';
import type { OpParsedInput, RetentionSchedule, Ropa, RopaFiles } from '../../../shared/contract';
import pkg from '../../../package.json';
import { gatherFacts, type ClosureFacts } from '../compliance/facts';
import { encryption, auditIntact, backupRestorable } from '../compliance/rules/common';
import { writeSetting } from '../compliance/settings';
import { documentSigner } from '../vault/signer';
import { stampedName, writeSignedDocument } from '../evidence-pack/signed-files';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { processingActivities } from './activities';
import { renderRopaPdf } from './ropa-pdf';

function retentionOf(f: ClosureFacts): RetentionSchedule {
  const rows = f.customers.retention.map((r) => ({
    basis: r.basis,
    preset: RETENTION_PRESET_NAMES.find((p) => RETENTION_PRESETS[p].basis === r.basis) ?? null,
    records: r.records,
    earliest: r.earliest,
    latest: r.latest,
    expired: r.expired,
  }));
  return {
    at: f.now.toISOString(),
    rows,
    retained: f.customers.dispositions.RETAIN,
    expired: f.customers.retainExpired,
    incomplete: f.customers.retainIncomplete,
  };
}

export function ropaOf(vault: OpenVault, f: ClosureFacts): Ropa {
  const c = f.customers;
  const sources = vault.db
    .prepare(
      `SELECT name, format, sha256, imported_at, rows_read, imported, quarantined, source_deleted_at
       FROM sources ORDER BY imported_at, id`,
    )
    .all() as Array<{
    name: string;
    format: string;
    sha256: string;
    imported_at: string;
    rows_read: number;
    imported: number;
    quarantined: number;
    source_deleted_at: string | null;
  }>;
  const abroad = c.recipients.length
    ? f.handover
      ? bi(
          `境外接收方 ${f.handover.crossBorderRecipients} 个`,
          `${f.handover.crossBorderRecipients} recipients abroad`,
        )
      : bi(
          '接收方所在地未在保险库中记录，请在移交中说明',
          'Where recipients are is not recorded in the vault; state it in the handover',
        )
    : bi('无', 'None');
  return {
    at: f.now.toISOString(),
    controller: { name: f.vault.clientName, creditCode: f.vault.creditCode, contact: f.vault.contact },
    custodian: f.compliance.custodian,
    purposes: bi(
      '公司解散注销的善后：依法保存会计和税务资料，移交给承继方，其余匿名化或销毁',
      'Winding up the company: keeping accounting and tax records as the law requires, handing over to the successor, anonymising or destroying the rest',
    ),
    subjects: { individual: c.individual, business: c.business, unknown: c.unknownType },
    dataCategories: c.dataKinds,
    sensitive: c.sensitiveByKind,
    recipients: c.recipients,
    transfersAbroad: abroad,
    sources: sources.map((s) => ({
      name: s.name,
      format: s.format,
      sha256: s.sha256,
      importedAt: s.imported_at,
      rowsRead: s.rows_read,
      imported: s.imported,
      quarantined: s.quarantined,
      sourceDeletedAt: s.source_deleted_at,
    })),
    activities: processingActivities(vault.db),
    retention: retentionOf(f),
    security: [encryption(f), auditIntact(f), backupRestorable(f)].map((e) => e.evidence),
  };
}

export const getRopa = (vault: OpenVault, now = new Date()): Ropa => ropaOf(vault, gatherFacts(vault, now));
export const getRetention = (vault: OpenVault, now = new Date()): RetentionSchedule =>
  retentionOf(gatherFacts(vault, now));

/** The activities as CSV (UTF-8 with BOM, for Excel). */
export function ropaCsv(r: Ropa): string {
  return (
    UTF8_BOM +
    csvLine(['kind', 'operation', 'activity', 'activity_zh', 'first', 'last', 'times', 'counts']) +
    r.activities
      .map((a) =>
        csvLine([
          a.kind,
          a.op,
          a.label.en,
          a.label['zh-CN'],
          a.first,
          a.last,
          a.times,
          JSON.stringify(a.counts),
        ]),
      )
      .join('')
  );
}

export async function writeRopa(
  vault: OpenVault,
  input: OpParsedInput<'ropa.write'>,
  now = new Date(),
): Promise<RopaFiles> {
  const ropa = getRopa(vault, now);
  const record = {
    format: 'closeout-ropa',
    version: 1,
    vaultId: vault.vaultId,
    appVersion: pkg.version,
    ...ropa,
  };
  const files = await writeSignedDocument(
    pathOf(input.dir),
    stampedName('ropa', vault.vaultId, now),
    { json: record, pdf: await renderRopaPdf(ropa, vault.vaultId, now), extra: { csv: ropaCsv(ropa) } },
    documentSigner(vault.signer),
    now,
  );
  vault.change(
    () => ({ op: 'ropa.write', params: {}, counts: { activities: ropa.activities.length }, outcome: 'ok' }),
    () => writeSetting(vault.db, 'ropa.writtenAt', now.toISOString()),
  );
  return { pdf: files.pdf, json: files.json, csv: files.extra.csv, signature: files.signature };
}
