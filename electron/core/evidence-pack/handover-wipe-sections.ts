// The evidence pack's handover and wipe sections: each handover's record (route, recipient organisation,
// agreement digest, vetting, notices and responses as counts), its PIPIA (JSON + PDF), each package's
// manifest (name, SHA-256, size, record count, fields, cipher — never the customer data) and its signed
// receipt as the recipient returned it; every certificate of sanitisation (JSON, its CMS signature, PDF,
// deletion manifest of ids) read back from where the wipe published it and checked against the digest
// the vault recorded; and the paper and cloud destruction logs.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { handoverDetail } from '../handover/handover-view';
import { renderAssessmentPdf } from '../assessments/assessment-pdf';
import { handoverPipiaDocument, pipiaRecord } from '../handover/pipia';
import { listHandoverRows } from '../handover/store';
import type { VaultDb } from '../vault/database';
import { cloudEntries, paperEntries } from '../wipe/logs';
import { jsonContent, safeName, type BagEntry } from './bag';

const json = jsonContent;

interface ReceiptRow {
  id: number;
  sha256: string;
  cipher: string;
  receipt: Buffer | null;
}

export async function handoverSection(db: VaultDb, now: Date): Promise<BagEntry[]> {
  const out: BagEntry[] = [];
  const receipts = db.prepare(
    `SELECT id, sha256, cipher, receipt FROM handover_transfers WHERE handover_id = ? AND sha256 <> ''`,
  );
  for (const h of listHandoverRows(db)) {
    const dir = `data/handover/${safeName(h.id)}`;
    const d = handoverDetail(db, h.id, now);
    const rows = receipts.all(h.id) as ReceiptRow[];
    const cipher = new Map(rows.map((r) => [r.id, r.cipher]));
    out.push({
      path: `${dir}/handover.json`,
      content: json({
        format: 'closeout-handover-evidence',
        version: 1,
        handoverId: h.id,
        state: d.state,
        createdAt: d.createdAt,
        route: d.route,
        reasoning: d.reasoning,
        crossBorder: d.crossBorder,
        recipient: {
          organisation: d.recipient.organisation,
          creditCode: d.recipient.creditCode,
          country: d.recipient.country,
        },
        certificate: d.certificate,
        keyMode: d.keyMode,
        fields: d.fields,
        agreement: d.agreement,
        vetting: d.vetting,
        notice: d.notice ? { deadline: d.notice.deadline } : null,
        notices: d.notices,
        responses: d.responses,
        selection: d.selection,
        override: d.override,
        packages: d.transfers.map((t) => ({ ...t, cipher: cipher.get(t.transferId) ?? null })),
      }),
    });
    const pipia = pipiaRecord(db, h);
    if (pipia.approvedAt) {
      const doc = handoverPipiaDocument(h, pipia, now);
      out.push({ path: `${dir}/pipia.json`, content: json(doc) });
      out.push({ path: `${dir}/pipia.pdf`, content: await renderAssessmentPdf(doc) });
    }
    for (const t of d.transfers)
      out.push({
        path: `${dir}/packages/${t.transferId}-${t.sha256.slice(0, 12)}.manifest.json`,
        content: json({
          format: 'closeout-handover-package-manifest',
          version: 1,
          handoverId: h.id,
          file: t.file,
          sha256: t.sha256,
          bytes: t.bytes,
          records: t.records,
          fields: t.fields,
          cipher: cipher.get(t.transferId) ?? null,
          createdAt: t.createdAt,
          receivedAt: t.receivedAt,
          receiptSigner: t.receiptSigner,
        }),
      });
    for (const r of rows)
      if (r.receipt)
        out.push({
          path: `${dir}/receipts/${r.id}-${r.sha256.slice(0, 12)}.receipt.p7s`,
          content: r.receipt,
        });
  }
  return out;
}

interface CertificateRow {
  id: string;
  kind: 'records' | 'vault';
  certified_at: string | null;
  certificate_sha256: string;
  certificate_json: string | null;
}

/** The published files beside a certificate's JSON (wipe/certificate.ts names them). */
const companions = (jsonPath: string) => {
  const base = jsonPath.replace(/\.json$/, '');
  return [
    ['certificate.json.p7s', `${base}.json.p7s`],
    ['certificate.pdf', `${base}.pdf`],
    ['deletion-manifest.json', `${base}.deletion-manifest.json`],
    ['company.pem', `${base}.company.pem`],
  ] as const;
};

export function wipeSection(db: VaultDb): { entries: BagEntry[]; missing: string[] } {
  const entries: BagEntry[] = [
    { path: 'data/wipe/paper-log.json', content: json(paperEntries(db)) },
    { path: 'data/wipe/cloud-log.json', content: json(cloudEntries(db)) },
  ];
  const missing: string[] = [];
  const rows = db
    .prepare(
      `SELECT id, kind, certified_at, certificate_sha256, certificate_json FROM wipes
        WHERE certificate_sha256 IS NOT NULL ORDER BY started_at, id`,
    )
    .all() as CertificateRow[];
  const index = rows.map((r) => {
    const dir = `data/wipe/certificates/${safeName(r.id)}`;
    const file = r.certificate_json;
    const bytes = file && existsSync(file) ? readFileSync(file) : null;
    const found = bytes !== null && createHash('sha256').update(bytes).digest('hex') === r.certificate_sha256;
    if (found && file) {
      entries.push({ path: `${dir}/certificate.json`, content: bytes });
      for (const [name, path] of companions(file))
        if (existsSync(path)) entries.push({ path: `${dir}/${name}`, content: readFileSync(path) });
    } else missing.push(r.id);
    return {
      wipeId: r.id,
      kind: r.kind,
      certifiedAt: r.certified_at,
      sha256: r.certificate_sha256,
      included: found ? dir : null,
      note: found
        ? null
        : bytes === null
          ? 'the published certificate is no longer where the wipe wrote it'
          : 'the file where the wipe wrote the certificate no longer matches its recorded SHA-256',
    };
  });
  entries.push({ path: 'data/wipe/certificates.json', content: json(index) });
  return { entries, missing };
}
