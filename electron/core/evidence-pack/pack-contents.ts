// What goes into the evidence pack's bag: every document of the compliance centre (report, plan,
// PIPIA/DPIA, ROPA, retention schedule, risk register, people and training, the evidence files people
// attached), the backups with their drills and signed manifests, the handovers (agreements' digests,
// PIPIAs, package manifests, signed receipts) and the wipes (certificates of sanitisation, paper and cloud
// logs), the customers' requests register, and the audit chain with every signed checkpoint. No
// customer's values, unless the owner asks for the record list.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bi } from '../../../shared/bilingual';
import { ASSESSMENT_KINDS } from '../../../shared/contract';
import { renderAssessmentPdf } from '../assessments/assessment-pdf';
import { getAssessment } from '../assessments/assessments';
import { listBackups } from '../backup/backups-table';
import { manifestPathFor, signaturePathFor } from '../backup/manifest';
import { gatherFacts, verifiedAuditFacts, type ClosureFacts } from '../compliance/facts';
import { listEvidenceFiles } from '../compliance/evidence-files';
import { renderReportPdf } from '../compliance/report-pdf';
import { buildReport } from '../compliance/report';
import { listPeople } from '../people/people';
import { planOf } from '../plan/closure-plan';
import { listRisks } from '../risks/register';
import { renderRopaPdf } from '../ropa/ropa-pdf';
import { ropaCsv, ropaOf } from '../ropa/ropa';
import { fromRow, type AuditRow } from '../vault/audit';
import { exportCheckpoint, listCheckpoints } from '../vault/checkpoints';
import type { OpenVault } from '../vault/open-vault';
import pkg from '../../../package.json';
import { csvContent, jsonContent, safeName, type BagEntry } from './bag';
import { handoverSection, wipeSection } from './handover-wipe-sections';
import { requestsSection } from './requests-section';
import type { DocumentSigner } from '../vault/signer';

const json = jsonContent;
const csv = csvContent;
const text = (value: string) => Buffer.from(value, 'utf8');

/** Sections a pack would hold once the features that record them are in the vault. */
const NOT_YET = [['incidents', bi('安全事件记录', 'Incident log')]] as const;

function readme(f: ClosureFacts, bagName: string, encrypted: boolean): string {
  return [
    `Closeout 证据包 · Closeout evidence pack`,
    `${f.vault.clientName} · ${f.vault.vaultId}`,
    '',
    '本证据包是一个 BagIt 包（RFC 8493）：data/ 下是证据，manifest-sha256.txt 列出每个文件的 SHA-256。',
    'This is a BagIt bag (RFC 8493): the evidence is under data/, and manifest-sha256.txt lists every file with its SHA-256.',
    '',
    '核验（只需 OpenSSL、tar 和 sha256sum） · Verify it with OpenSSL, tar and sha256sum alone:',
    ...(encrypted
      ? [
          '  openssl cms -decrypt -binary -inform DER -in PACK.p7m -recip auditor.pem -inkey auditor.key -out signed.p7m',
        ]
      : []),
    `  openssl cms -verify -binary -inform DER -in ${encrypted ? 'signed.p7m' : 'PACK.p7m'} -CAfile company-certificate.pem -out pack.tar`,
    '  tar -xf pack.tar',
    `  cd ${bagName} && sha256sum -c manifest-sha256.txt && sha256sum -c tagmanifest-sha256.txt`,
    '',
    'company-certificate.pem：公司证书；请与公司另行提供的证书指纹核对。',
    "company-certificate.pem: the company's certificate; compare its fingerprint with the one the company gave you separately.",
    '',
  ].join('\n');
}

function auditEntries(vault: OpenVault, f: ClosureFacts): BagEntry[] {
  const rows = vault.db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[];
  const entries = rows.map((r) => {
    const { seq, at, userName, op, params, counts, outcome, prevHash, hash } = fromRow(r);
    return {
      seq,
      at,
      userName,
      op,
      params,
      counts,
      outcome,
      prevHash,
      hash,
      signature: r.signature ?? null,
      signer: r.signer ?? null,
    };
  });
  const out: BagEntry[] = [
    {
      path: 'data/audit/audit-chain.json',
      content: json({
        format: 'closeout-audit-export',
        version: 1,
        vaultId: f.vault.vaultId,
        chain: f.audit,
        entries,
      }),
    },
    {
      path: 'data/audit/audit-chain.csv',
      content: csv(
        ['seq', 'time', 'user', 'operation', 'parameters', 'counts', 'outcome', 'previous hash', 'hash'],
        entries.map((e) => [
          e.seq,
          e.at,
          e.userName,
          e.op,
          JSON.stringify(e.params),
          JSON.stringify(e.counts),
          e.outcome,
          e.prevHash,
          e.hash,
        ]),
      ),
    },
  ];
  for (const row of listCheckpoints(vault.db)) {
    const c = exportCheckpoint(vault.vaultId, row);
    out.push({ path: `data/audit/checkpoints/${c.name}.txt`, content: Buffer.from(c.content) });
    out.push({ path: `data/audit/checkpoints/${c.name}.p7s`, content: text(c.signaturePem) });
  }
  return out;
}

function backupEntries(vault: OpenVault): BagEntry[] {
  const backups = listBackups(vault.db);
  const out: BagEntry[] = [{ path: 'data/backups/backups.json', content: json(backups) }];
  for (const b of backups) {
    if (!b.present) continue;
    for (const file of [manifestPathFor(b.path), signaturePathFor(b.path)])
      if (existsSync(file))
        out.push({ path: `data/backups/manifests/${safeName(basename(file))}`, content: readFileSync(file) });
  }
  return out;
}

function recordList(vault: OpenVault): BagEntry {
  const rows = vault.db
    .prepare(
      `SELECT id, name, organisation, disposition, disposition_basis, retain_until, disposition_recipient
       FROM customers WHERE merged_into IS NULL ORDER BY id`,
    )
    .raw()
    .all() as unknown[][];
  return {
    path: 'data/records/dispositions.csv',
    content: csv(['id', 'name', 'organisation', 'disposition', 'basis', 'retain_until', 'recipient'], rows),
  };
}

export async function packContents(
  vault: OpenVault,
  signer: DocumentSigner,
  options: { now: Date; bagName: string; encrypted: boolean; includeRecordList: boolean },
): Promise<BagEntry[]> {
  const { now } = options;
  const f = gatherFacts(vault, now, await verifiedAuditFacts(vault, null));
  const report = buildReport(vault, undefined, now, f);
  const ropa = ropaOf(vault, f);
  const people = listPeople(vault);
  const risks = listRisks(vault, f);
  const files = listEvidenceFiles(vault.db);
  const entries: BagEntry[] = [
    { path: 'data/README.txt', content: text(readme(f, options.bagName, options.encrypted)) },
    { path: 'data/company-certificate.pem', content: text(signer.companyPem) },
    { path: 'data/compliance/report.json', content: json(report) },
    { path: 'data/compliance/report.pdf', content: await renderReportPdf(report) },
    { path: 'data/plan/closure-plan.json', content: json(planOf(f)) },
    {
      path: 'data/ropa/ropa.json',
      content: json({ format: 'closeout-ropa', version: 1, vaultId: vault.vaultId, ...ropa }),
    },
    { path: 'data/ropa/ropa.csv', content: text(ropaCsv(ropa)) },
    { path: 'data/ropa/ropa.pdf', content: await renderRopaPdf(ropa, vault.vaultId, now) },
    { path: 'data/retention/retention-schedule.json', content: json(ropa.retention) },
    {
      path: 'data/retention/retention-schedule.csv',
      content: csv(
        ['basis', 'preset', 'records', 'earliest', 'latest', 'expired'],
        ropa.retention.rows.map((r) => [r.basis, r.preset, r.records, r.earliest, r.latest, r.expired]),
      ),
    },
    { path: 'data/risks/risk-register.json', content: json(risks) },
    {
      path: 'data/risks/risk-register.csv',
      content: csv(
        [
          'id',
          'source',
          'category',
          'title',
          'title_zh',
          'likelihood',
          'impact',
          'score',
          'level',
          'owner',
          'treatment',
          'status',
          'finding',
        ],
        risks.map((r) => [
          r.id,
          r.source,
          r.category,
          r.title.en,
          r.title['zh-CN'],
          r.likelihood,
          r.impact,
          r.score,
          r.level,
          r.owner,
          r.treatment,
          r.status,
          r.finding?.en ?? '',
        ]),
      ),
    },
    { path: 'data/people/people-and-training.json', content: json(people) },
    {
      path: 'data/people/training-log.csv',
      content: csv(
        ['held_on', 'topic', 'trainer', 'attendees', 'note', 'recorded_by'],
        people.training.map((t) => [
          t.heldOn,
          t.topic,
          t.trainer,
          t.attendees.map((a) => a.name).join('; '),
          t.note,
          t.recordedBy,
        ]),
      ),
    },
    {
      path: 'data/evidence-files/index.json',
      content: json(
        files.map(({ content: _content, ...rest }) => ({
          ...rest,
          path: `data/evidence-files/${rest.sha256.slice(0, 12)}-${safeName(rest.name)}`,
        })),
      ),
    },
    ...files.map((file) => ({
      path: `data/evidence-files/${file.sha256.slice(0, 12)}-${safeName(file.name)}`,
      content: file.content,
    })),
    ...backupEntries(vault),
    ...auditEntries(vault, f),
  ];
  for (const kind of ASSESSMENT_KINDS) {
    const a = getAssessment(vault, kind, now);
    if (a.version === 0) continue;
    const record = {
      format: 'closeout-impact-assessment' as const,
      formatVersion: 1 as const,
      vaultId: vault.vaultId,
      writtenAt: now.toISOString(),
      appVersion: pkg.version,
      ...a,
    };
    entries.push({ path: `data/assessments/${kind}.json`, content: json(record) });
    entries.push({ path: `data/assessments/${kind}.pdf`, content: await renderAssessmentPdf(record) });
  }
  entries.push(...(await handoverSection(vault.db, now)));
  entries.push(...requestsSection(vault, now));
  const wipe = wipeSection(vault.db);
  entries.push(...wipe.entries);
  if (options.includeRecordList) entries.push(recordList(vault));
  entries.push({
    path: 'data/contents.json',
    content: json({
      included: entries.map((e) => e.path),
      personalData: options.includeRecordList ? "record list included at the owner's request" : 'none',
      notYetRecorded: NOT_YET.map(([section, what]) => ({ section, what })),
      wipeCertificatesNotFound: wipe.missing,
    }),
  });
  return entries;
}
