// audit.list and audit.export: reading the chain for people (the Audit page) and for auditors
// (CSV for Excel, plus JSON with a detached CMS signature that `openssl cms -verify` checks).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntryView, OpParsedInput } from '../../../shared/contract';
import { csvLine, UTF8_BOM } from '../../../shared/csv';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import { fromRow, type AuditRow } from '../vault/audit';
import { signedHead } from '../vault/anchors';
import { requireCompanyCertificate } from '../vault/certificates';
import { auditReport } from '../vault/check-vault';
import { exportCheckpoint, listCheckpoints } from '../vault/checkpoints';
import { cmsSign } from '../vault/signer';
import { recordedOpNames } from '../../../shared/contract/renamed';
import type { OpenVault } from '../vault/open-vault';

/** The view the renderer and exports get: an entry without its user id and previous hash. */
const toView = (row: AuditRow): AuditEntryView => {
  const { seq, at, userName, op, params, counts, outcome, hash } = fromRow(row);
  return { seq, at, userName, op, params, counts, outcome, hash };
};

export function listAuditEntries(vault: OpenVault, input: OpParsedInput<'audit.list'>): AuditEntryView[] {
  const where: string[] = [];
  const args: unknown[] = [];
  const filter = (clause: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    args.push(value);
  };
  filter('user_name = ?', input.userName);
  if (input.op) {
    // Entries of vaults written before an operation was renamed carry its old name.
    const names = recordedOpNames(input.op);
    where.push(`op IN (${names.map(() => '?').join(', ')})`);
    args.push(...names);
  }
  filter('at >= ?', input.from && new Date(input.from).toISOString());
  filter('at <= ?', input.to && new Date(input.to).toISOString());
  filter('seq < ?', input.beforeSeq);
  const sql = `SELECT * FROM audit
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`;
  return (vault.db.prepare(sql).all(...args, input.limit) as AuditRow[]).map(toView);
}

export async function exportAudit(
  vault: OpenVault,
  input: OpParsedInput<'audit.export'>,
  dataDir: string | null,
  now = new Date(),
): Promise<{ files: string[] }> {
  const scope = { vault, dataDir };
  const dir = pathOf(input.dir);
  const company = requireCompanyCertificate(vault.db);
  if (!vault.signer.certificatePem) throw new EngineError('SIGNING_KEY_PENDING');
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const base = join(dir, `closeout-audit-${vault.vaultId.slice(0, 8)}-${stamp}`);
  const files = [`${base}.csv`, `${base}.json`, `${base}.json.p7s`, `${base}.certificate.pem`];
  for (const file of files) {
    guardWrite(file, scope);
    if (existsSync(file)) throw new EngineError('VAULT_EXISTS', { path: file });
  }

  const rows = vault.db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditRow[];
  const entries = rows.map(toView);
  const report = await auditReport(vault, dataDir);
  const csv =
    UTF8_BOM +
    csvLine(['seq', 'time', 'user', 'operation', 'parameters', 'counts', 'outcome', 'hash']) +
    entries
      .map((e) => csvLine([e.seq, e.at, e.userName, e.op, e.params, e.counts, e.outcome, e.hash]))
      .join('');
  const json = JSON.stringify(
    {
      format: 'closeout-audit-export',
      version: 2,
      vaultId: vault.vaultId,
      exportedAt: now.toISOString(),
      exportedBy: vault.actor.userName,
      companyCertificate: company.fingerprint,
      signedHead: signedHead(vault.db, vault.vaultId, vault.signer, now),
      chain: report,
      entries,
    },
    null,
    2,
  );
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(files[0], csv, 0o600);
    writeFileAtomic(files[1], json, 0o600);
    writeFileAtomic(files[2], cmsSign(vault.signer, Buffer.from(json, 'utf8'), now) ?? '', 0o600);
    writeFileAtomic(files[3], company.pem!, 0o644);
    // Each signed checkpoint as the two files `openssl cms -verify` needs (docs/FORMATS.md §5).
    const checkpointDir = `${base}.checkpoints`;
    mkdirSync(checkpointDir, { recursive: true });
    for (const row of listCheckpoints(vault.db)) {
      const exported = exportCheckpoint(vault.vaultId, row);
      const [text, signature] = [`${exported.name}.txt`, `${exported.name}.p7s`].map((n) =>
        join(checkpointDir, n),
      );
      guardWrite(text, scope);
      guardWrite(signature, scope);
      writeFileAtomic(text, exported.content, 0o644);
      writeFileAtomic(signature, exported.signaturePem, 0o644);
    }
    files.push(checkpointDir);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('WRITE_FAILED', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  vault.audit({
    op: 'audit.export',
    params: { entries: entries.length },
    counts: { files: files.length },
    outcome: 'ok',
  });
  return { files };
}
