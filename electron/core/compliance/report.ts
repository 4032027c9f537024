// compliance.report: the checklist as a signed report — JSON (the facts), its detached CMS signature and a
// Chinese and English PDF — written into the folder the person chose.
import { randomUUID } from 'node:crypto';
import type { ComplianceReportFiles, OpParsedInput, Regime } from '../../../shared/contract';
import { REGIMES } from '../../../shared/contract';
import pkg from '../../../package.json';
import { documentSigner } from '../vault/signer';
import { stampedName, writeSignedDocument } from '../evidence-pack/signed-files';
import { certificateInfo } from '../pki';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { evaluateChecklist } from './checklist';
import { gatherFacts, verifiedAuditFacts } from './facts';
import { renderReportPdf, REPORT_FORMAT, type ComplianceReport } from './report-pdf';
import { writeSetting } from './settings';

/** The report's facts, without writing anything (the evidence pack carries the same JSON). */
export function buildReport(
  vault: OpenVault,
  regimes: readonly Regime[] | undefined,
  now: Date,
  facts = gatherFacts(vault, now),
): ComplianceReport {
  const checklist = evaluateChecklist(vault, regimes, facts);
  const signer = documentSigner(vault.signer);
  const info = certificateInfo(signer.certificatePem);
  const included = REGIMES.filter((r) => checklist.items.some((i) => i.regime === r) || regimes?.includes(r));
  return {
    format: REPORT_FORMAT,
    version: 1,
    reportId: randomUUID(),
    generatedAt: now.toISOString(),
    generatedBy: vault.actor.userName,
    vault: { vaultId: vault.vaultId, clientName: facts.vault.clientName, creditCode: facts.vault.creditCode },
    applicability: checklist.applicability,
    regimes: included,
    summary: checklist.summary,
    items: checklist.items,
    audit: { entries: facts.audit.entries, head: facts.audit.head, ok: facts.audit.ok },
    signer: { subject: info.subject, fingerprintSha256: info.fingerprintSha256 },
    appVersion: pkg.version,
  };
}

export async function writeComplianceReport(
  vault: OpenVault,
  input: OpParsedInput<'compliance.report'>,
  now = new Date(),
): Promise<ComplianceReportFiles> {
  const dir = pathOf(input.dir);
  const facts = gatherFacts(vault, now, await verifiedAuditFacts(vault, null));
  const report = buildReport(vault, input.regimes, now, facts);
  const pdf = await renderReportPdf(report);
  const files = await writeSignedDocument(
    dir,
    stampedName('compliance', vault.vaultId, now),
    { json: report, pdf },
    documentSigner(vault.signer),
    now,
  );
  vault.change(
    () => ({
      op: 'compliance.report',
      params: { reportId: report.reportId, regimes: report.regimes },
      counts: { ...report.summary },
      outcome: 'ok',
    }),
    () => writeSetting(vault.db, 'report.writtenAt', now.toISOString()),
  );
  return { pdf: files.pdf, json: files.json, signature: files.signature, summary: report.summary };
}
