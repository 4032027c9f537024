// vault.check and audit.verify: SQLite's page check (every page decrypted and its HMAC checked — bsmc's
// cipher_integrity_check is a silent no-op, so quick_check is the real page check), the structural
// integrity check, the evidence (verify-evidence.ts) and, for vault.check, the anchors outside the
// vault (registry, backup manifests) that show a rollback, a cut or a fork.
import type { AuditReport, VaultCheckReport } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import { compareAnchors, pinnedCompany } from './anchors';
import type { OpenVault } from './open-vault';
import { verifyEvidence } from './verify-evidence';

function pragmaLines(vault: OpenVault, pragma: string): string[] {
  try {
    const rows = vault.db.pragma(pragma) as Array<Record<string, string>>;
    return rows.map((row) => String(Object.values(row)[0]));
  } catch (error) {
    return [`error: ${(error as Error).message}`];
  }
}

export async function auditReport(vault: OpenVault, dataDir: string | null): Promise<AuditReport> {
  return verifyEvidence(vault.db, vault.vaultId, {
    pinnedCompany: dataDir ? pinnedCompany(dataDir, vault.vaultId) : [],
  });
}

export async function checkVault(
  vault: OpenVault,
  job: JobContext,
  dataDir: string,
): Promise<VaultCheckReport> {
  job.progress(0, 3, 'pages');
  const pageCheck = pragmaLines(vault, 'quick_check');
  await job.checkpoint();
  job.progress(1, 3, 'structure');
  const integrityCheck = pragmaLines(vault, 'integrity_check');
  await job.checkpoint();
  job.progress(2, 3, 'audit');
  const audit = await auditReport(vault, dataDir);
  const anchors = compareAnchors(dataDir, vault);
  job.progress(3, 3, 'done');
  const ok = pageCheck.join() === 'ok' && integrityCheck.join() === 'ok' && audit.ok && anchors.length === 0;
  vault.audit({
    op: 'vault.check',
    params: {},
    counts: { auditEntries: audit.entries, problems: audit.problemCount + anchors.length },
    outcome: ok ? 'ok' : 'failed',
  });
  return { ok, pageCheck, integrityCheck, audit, anchors };
}
