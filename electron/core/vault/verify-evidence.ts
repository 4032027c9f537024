// Verifies the evidence inside a vault and names every failure with its entry, user and reason: the
// hash chain, each entry's signature and signer (certified by the company CA, not revoked before the
// entry, the entry's own user), the checkpoints a chain must have (seq 1, every 100, every irreversible
// act) and their CMS signatures, the company certificate (and, given pins, that it is the pinned one),
// and the protective triggers. What only weakens the evidence (entries from before signing, keys awaiting
// certification, checkpoints by the retired company key) is a warning.
import { X509Certificate } from 'node:crypto';
import type { AuditReport } from '../../../shared/contract';
import { verifyDetached } from '../pki';
import { entryHash, fromRow, type AuditEntry, type AuditRow } from './audit';
import { checkpointContent, listCheckpoints, requiresCheckpoint, type CheckpointRow } from './checkpoints';
import type { VaultDb } from './database';
import { sql as schema1 } from './migrations/0001-initial';
import { sql as schema5 } from './migrations/0005-signed-evidence';
import { checkEntrySigner, Findings, loadCertificates, type Certs } from './evidence-entries';

const GENESIS_HASH = '0'.repeat(64);

/** The triggers that must exist with exactly this SQL (whitespace aside). */
const REQUIRED_TRIGGERS: ReadonlyMap<string, string> = new Map(
  [...`${schema1}\n${schema5}`.matchAll(/CREATE TRIGGER (\w+)[\s\S]*?END;/g)].map((m) => [
    m[1],
    norm(m[0].slice(0, -1)),
  ]),
);

function norm(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

export interface EvidenceOptions {
  /** Company CA fingerprints pinned outside the vault (the registry); empty: nothing to compare with. */
  pinnedCompany?: string[];
}

function legacyHead(db: VaultDb): number {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'legacy_audit_head'").get() as
      { value: string } | undefined;
    return row ? Number((JSON.parse(row.value) as { seq: number }).seq) || 0 : 0;
  } catch {
    return 0;
  }
}

function checkTriggers(db: VaultDb, f: Findings): void {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{
    name: string;
    sql: string;
  }>;
  const found = new Map(rows.map((r) => [r.name, norm(r.sql ?? '')]));
  for (const [name, sql] of REQUIRED_TRIGGERS) {
    const present = found.get(name);
    if (present === undefined)
      f.problem({
        seq: null,
        user: null,
        kind: 'trigger-missing',
        detail: `the protective trigger ${name} is missing`,
        params: { name },
      });
    else if (present !== sql)
      f.problem({
        seq: null,
        user: null,
        kind: 'trigger-altered',
        detail: `the protective trigger ${name} was changed`,
        params: { name },
      });
  }
}

function checkCompany(
  certs: Certs,
  options: EvidenceOptions,
  signedEntries: boolean,
  f: Findings,
): string | null {
  const active = certs.companies.filter((c) => c.status === 'certified');
  if (active.length === 0) {
    const p = {
      seq: null,
      user: null,
      kind: 'identity-missing',
      detail: 'the vault has no company certificate',
      params: {},
    };
    if (signedEntries) f.problem(p);
    else
      f.warn({
        ...p,
        kind: 'identity-pending',
        detail: 'no company certificate yet: an owner must unlock with a passphrase',
      });
    return null;
  }
  // From the certificate itself: the table's fingerprint column is as editable as any other.
  const fingerprint = new X509Certificate(active[active.length - 1].pem!).fingerprint256.toUpperCase();
  const pins = options.pinnedCompany ?? [];
  if (pins.length > 0 && !pins.includes(fingerprint))
    f.problem({
      seq: null,
      user: null,
      kind: 'company-not-pinned',
      detail: `the company certificate ${fingerprint} is not the one pinned for this vault (${pins.join(', ')})`,
      params: { fingerprint, pinned: pins.join(', ') },
    });
  return fingerprint;
}

async function checkCheckpoint(
  vaultId: string,
  cp: CheckpointRow,
  entries: Map<number, { hash: string; signer: string | null; user: string | null }>,
  lastSeq: number,
  certs: Certs | null,
  crls: string[],
  legacy: number,
  v1Seqs: Set<number>,
  f: Findings,
): Promise<boolean> {
  const at = { seq: cp.seq, user: entries.get(cp.seq)?.user ?? null };
  if (cp.seq > lastSeq) {
    f.problem({
      ...at,
      kind: 'checkpoint-beyond-chain',
      detail: `a checkpoint at seq ${cp.seq} is past the chain's end (${lastSeq}): entries were cut`,
      params: { head: lastSeq },
    });
    return false;
  }
  if (entries.get(cp.seq)?.hash !== cp.headHash) {
    f.problem({
      ...at,
      kind: 'checkpoint-head-mismatch',
      detail: `the checkpoint at seq ${cp.seq} signed another chain head`,
      params: {},
    });
    return false;
  }
  if (!cp.signature) {
    const bySigner = entries.get(cp.seq)?.signer ?? null;
    if (v1Seqs.has(cp.seq))
      f.warn({
        ...at,
        kind: 'checkpoint-unsigned-recovery-v1',
        detail: `the checkpoint at seq ${cp.seq} was made with a version 1 recovery key and is unsigned`,
        params: {},
      });
    else if (bySigner?.startsWith('key:'))
      f.warn({
        ...at,
        kind: 'checkpoint-unsigned-pending',
        detail: `the checkpoint at seq ${cp.seq} is unsigned: its user's key awaits certification`,
        params: {},
      });
    else
      f.problem({
        ...at,
        kind: 'checkpoint-unsigned',
        detail: `the checkpoint at seq ${cp.seq} is not signed`,
        params: {},
      });
    return false;
  }
  let content: Buffer;
  try {
    content = checkpointContent(vaultId, cp.seq, cp.headHash, cp.at, cp.reason);
  } catch {
    f.problem({
      ...at,
      kind: 'checkpoint-signature',
      detail: `the checkpoint at seq ${cp.seq} is malformed`,
      params: {},
    });
    return false;
  }
  const anchors = (certs?.companies ?? []).map((c) => c.pem!);
  if (anchors.length === 0) {
    f.problem({
      ...at,
      kind: 'checkpoint-signature',
      detail: `the checkpoint at seq ${cp.seq} cannot be checked: no company certificate`,
      params: {},
    });
    return false;
  }
  const result = await verifyDetached(cp.signature, content, {
    trustAnchors: anchors,
    crls,
    at: new Date(cp.at),
  });
  if (!result.ok) {
    f.problem({
      ...at,
      kind: 'checkpoint-signature',
      detail: `the checkpoint at seq ${cp.seq}: ${result.failure} (${result.detail})`,
      params: { failure: result.failure },
    });
    return false;
  }
  const retired = certs?.companies.find(
    (c) => c.status === 'retired' && c.fingerprint === result.signers[0]?.fingerprintSha256,
  );
  if (retired && cp.seq > legacy) {
    // Everyone held that key: after the upgrade, a checkpoint it signed proves nothing.
    f.problem({
      ...at,
      kind: 'checkpoint-retired-key',
      detail: `the checkpoint at seq ${cp.seq} is signed by the retired company key after the upgrade`,
      params: {},
    });
    return false;
  }
  if (retired)
    f.warn({
      ...at,
      kind: 'retired-company-key',
      detail: `the checkpoint at seq ${cp.seq} is signed by the retired company key, which every user of the vault could read`,
      params: {},
    });
  return true;
}

export async function verifyEvidence(
  db: VaultDb,
  vaultId: string,
  options: EvidenceOptions = {},
): Promise<AuditReport> {
  const f = new Findings();
  checkTriggers(db, f);
  const certs = loadCertificates(db, f);
  let crls: string[] = [];
  try {
    crls = (db.prepare('SELECT pem FROM crls ORDER BY number').all() as Array<{ pem: string }>).map(
      (r) => r.pem,
    );
  } catch {
    f.problem({
      seq: null,
      user: null,
      kind: 'certificates-missing',
      detail: 'the CRL table is missing',
      params: {},
    });
  }
  const legacy = legacyHead(db);
  // An upgraded vault's recovery key stays version 1 (= the vault key) until the first rotation.
  let recoveryV1 = legacy > 0;
  const v1Seqs = new Set<number>();

  let prev = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  let signedEntries = false;
  const heads = new Map<number, { hash: string; signer: string | null; user: string | null }>();
  const required: Array<{ seq: number; user: string | null }> = [];
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    heads.set(row.seq, { hash: row.hash, signer: row.signer ?? null, user: row.user_name });
    if (row.signature && row.signer && !row.signer.startsWith('key:')) signedEntries = true;
    let entry: AuditEntry;
    try {
      entry = fromRow(row);
    } catch (error) {
      f.problem({
        seq: row.seq,
        user: row.user_name,
        kind: 'unreadable',
        detail: (error as Error).message,
        params: {},
      });
      prev = row.hash;
      expected = row.seq + 1;
      continue;
    }
    // Each entry is checked against the one stored before it, so one edit is named once and every
    // independent edit is named too.
    if (row.seq !== expected)
      f.problem({
        seq: row.seq,
        user: row.user_name,
        kind: 'gap',
        detail: `entry ${expected} is missing before ${row.seq}`,
        params: { expected },
      });
    else if (row.prev_hash !== prev)
      f.problem({
        seq: row.seq,
        user: row.user_name,
        kind: 'link',
        detail: `entry ${row.seq} does not follow from the one before`,
        params: {},
      });
    else if (entryHash(row.prev_hash, entry) !== row.hash)
      f.problem({
        seq: row.seq,
        user: row.user_name,
        kind: 'hash',
        detail: `entry ${row.seq} was changed after it was written`,
        params: {},
      });
    if (certs) checkEntrySigner(vaultId, entry, row, certs, legacy, recoveryV1, f);
    if (recoveryV1 && !row.signature && entry.userId === null) v1Seqs.add(entry.seq);
    if (entry.params.previousRecoveryKeyVoid === true) recoveryV1 = false;
    if (requiresCheckpoint(entry)) required.push({ seq: entry.seq, user: entry.userName });
    prev = row.hash;
    expected = row.seq + 1;
  }

  const companyFingerprint = certs ? checkCompany(certs, options, signedEntries, f) : null;
  let checkpoints: CheckpointRow[] = [];
  try {
    checkpoints = listCheckpoints(db);
  } catch {
    f.problem({
      seq: null,
      user: null,
      kind: 'checkpoints-missing',
      detail: 'the checkpoints table is missing',
      params: {},
    });
  }
  const bySeq = new Set(checkpoints.map((c) => c.seq));
  for (const r of required)
    if (!bySeq.has(r.seq))
      f.problem({
        seq: r.seq,
        user: r.user,
        kind: 'checkpoint-missing',
        detail: `entry ${r.seq} must be followed by a signed checkpoint; there is none`,
        params: {},
      });
  let good = 0;
  for (const cp of checkpoints)
    if (await checkCheckpoint(vaultId, cp, heads, expected - 1, certs, crls, legacy, v1Seqs, f)) good++;
  if (legacy > 0 && entries > 0)
    f.warn({
      seq: null,
      user: null,
      kind: 'legacy-unsigned',
      detail: `entries 1–${Math.min(legacy, entries)} predate signed entries: only their hashes and the checkpoints cover them`,
      params: { upTo: Math.min(legacy, entries) },
    });

  // In chain order; problems of the whole vault (triggers, certificates) after the entries'.
  f.problems.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
  const first = f.problems[0];
  return {
    entries,
    head: prev,
    checkpoints: good,
    ok: f.problemCount === 0,
    firstProblem: first ? { seq: first.seq ?? 0, kind: first.kind } : null,
    problems: f.problems,
    problemCount: f.problemCount,
    warnings: f.warnings,
    companyFingerprint,
  };
}
