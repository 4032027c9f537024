// vault.check and audit.verify: SQLite's page check (every page decrypted and its HMAC checked — bsmc's
// cipher_integrity_check is a silent no-op, so quick_check is the real page check), the structural
// integrity check, the audit hash chain and the signed checkpoints.
import type { AuditReport, VaultCheckReport } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import { verifyAuditChain } from './audit';
import { verifyCheckpoints } from './checkpoints';
import { loadIdentity } from './identity-store';
import type { OpenVault } from './open-vault';

function pragmaLines(vault: OpenVault, pragma: string): string[] {
  try {
    const rows = vault.db.pragma(pragma) as Array<Record<string, string>>;
    return rows.map((row) => String(Object.values(row)[0]));
  } catch (error) {
    return [`error: ${(error as Error).message}`];
  }
}

export function auditReport(vault: OpenVault): AuditReport {
  const chain = verifyAuditChain(vault.db);
  const identity = loadIdentity(vault.db);
  const checkpoints = identity
    ? verifyCheckpoints(vault.db, vault.vaultId, identity.certificatePem)
    : { checked: 0, firstProblem: null };
  const firstProblem = chain.firstProblem
    ? { seq: chain.firstProblem.seq, kind: chain.firstProblem.kind }
    : checkpoints.firstProblem
      ? { seq: checkpoints.firstProblem.seq, kind: `checkpoint-${checkpoints.firstProblem.kind}` }
      : null;
  return {
    entries: chain.entries,
    head: chain.head,
    checkpoints: checkpoints.checked,
    ok: firstProblem === null,
    firstProblem,
  };
}

export async function checkVault(vault: OpenVault, job: JobContext): Promise<VaultCheckReport> {
  job.progress(0, 3, 'pages');
  const pageCheck = pragmaLines(vault, 'quick_check');
  await job.checkpoint();
  job.progress(1, 3, 'structure');
  const integrityCheck = pragmaLines(vault, 'integrity_check');
  await job.checkpoint();
  job.progress(2, 3, 'audit');
  const audit = auditReport(vault);
  job.progress(3, 3, 'done');
  const ok = pageCheck.join() === 'ok' && integrityCheck.join() === 'ok' && audit.ok;
  vault.audit({
    op: 'vault.check',
    params: {},
    counts: { auditEntries: audit.entries },
    outcome: ok ? 'ok' : 'failed',
  });
  return { ok, pageCheck, integrityCheck, audit };
}
