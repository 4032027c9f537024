// Signed checkpoints of the audit chain: the company's key signs the chain head every 100 entries and
// at irreversible steps, so rewriting the chain from some entry on (or cutting its tail) is detectable
// even by someone who recomputes every hash after it. Each checkpoint can be checked with openssl.
import { EngineError } from '../kernel/engine-error';
import { auditHead } from './audit';
import type { VaultDb } from './database';
import { signDetached, verifyDetached, type CompanyIdentity } from './identity';

const CHECKPOINT_INTERVAL = 100;

const CHECKPOINT_FORMAT = 'closeout-audit-checkpoint/1';

export interface CheckpointRow {
  seq: number;
  headHash: string;
  at: string;
  reason: string;
  /** Detached CMS SignedData over checkpointContent(...), PEM ("-----BEGIN PKCS7-----"). */
  signature: string;
}

type CheckpointProblem = { kind: 'signature' | 'head-mismatch' | 'beyond-chain'; seq: number };

export interface CheckpointVerification {
  /** Checkpoints that passed, in seq order, before the first problem (all of them when there is none). */
  checked: number;
  firstProblem: CheckpointProblem | null;
}

interface DbRow {
  seq: number;
  head_hash: string;
  at: string;
  reason: string;
  signature: string;
}

const fromRow = (row: DbRow): CheckpointRow => ({
  seq: row.seq,
  headHash: row.head_hash,
  at: row.at,
  reason: row.reason,
  signature: row.signature,
});

const ONE_LINE = /^[^\r\n]*$/;

/**
 * The signed document, UTF-8, every line ending in LF (0x0A), no BOM, nothing else:
 *
 *   closeout-audit-checkpoint/1
 *   vault: <vault id>
 *   seq: <decimal seq of the audit entry>
 *   head: <that entry's hash, 64 lower-case hex digits>
 *   at: <ISO 8601 UTC time the checkpoint was made, e.g. 2025-01-31T08:00:00.000Z>
 *   reason: <why: 'periodic', or the operation name such as vault.create>
 */
export function checkpointContent(
  vaultId: string,
  seq: number,
  headHash: string,
  at: string,
  reason: string,
): Buffer {
  for (const [name, value] of Object.entries({ vaultId, headHash, at, reason })) {
    if (!ONE_LINE.test(value))
      throw new EngineError('INVALID_INPUT', { detail: `checkpoint ${name} has a line break` });
  }
  if (!Number.isSafeInteger(seq) || seq < 1)
    throw new EngineError('INVALID_INPUT', { detail: 'checkpoint seq' });
  const lines = [
    CHECKPOINT_FORMAT,
    `vault: ${vaultId}`,
    `seq: ${seq}`,
    `head: ${headHash}`,
    `at: ${at}`,
    `reason: ${reason}`,
  ];
  return Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
}

function checkpointAt(db: VaultDb, seq: number): CheckpointRow | null {
  const row = db.prepare('SELECT * FROM audit_checkpoints WHERE seq = ?').get(seq) as DbRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * Signs the current audit head and stores the checkpoint. Call it inside the caller's transaction, after
 * the audit entry it covers. Returns the existing row without signing again if that seq already has one,
 * and null when the chain is still empty.
 */
export function writeCheckpoint(
  db: VaultDb,
  vaultId: string,
  identity: CompanyIdentity,
  reason: string,
  now = new Date(),
): CheckpointRow | null {
  const head = auditHead(db);
  if (head.seq === 0) return null;
  const existing = checkpointAt(db, head.seq);
  if (existing) return existing;
  const at = now.toISOString();
  const signature = signDetached(identity, checkpointContent(vaultId, head.seq, head.hash, at, reason), now);
  const row: CheckpointRow = { seq: head.seq, headHash: head.hash, at, reason, signature };
  db.prepare(
    'INSERT INTO audit_checkpoints (seq, head_hash, at, reason, signature) VALUES (@seq, @headHash, @at, @reason, @signature)',
  ).run(row);
  return row;
}

/** True when the head sits on a multiple of CHECKPOINT_INTERVAL that has no checkpoint yet. */
export function shouldCheckpoint(db: VaultDb): boolean {
  const head = auditHead(db);
  return head.seq > 0 && head.seq % CHECKPOINT_INTERVAL === 0 && checkpointAt(db, head.seq) === null;
}

export function listCheckpoints(db: VaultDb): CheckpointRow[] {
  return (db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq').all() as DbRow[]).map(fromRow);
}

/**
 * Checks every checkpoint in seq order: its signature (by `certificatePem`) over the content rebuilt from
 * the row, then that the audit entry at its seq still has the signed hash. A checkpoint past the last
 * entry means entries were cut from the end of the chain. Stops at the first problem.
 */
export function verifyCheckpoints(
  db: VaultDb,
  vaultId: string,
  certificatePem: string,
): CheckpointVerification {
  const lastSeq = auditHead(db).seq;
  const entryHash = db.prepare('SELECT hash FROM audit WHERE seq = ?');
  let checked = 0;
  for (const row of listCheckpoints(db)) {
    let content: Buffer;
    try {
      content = checkpointContent(vaultId, row.seq, row.headHash, row.at, row.reason);
    } catch {
      return { checked, firstProblem: { kind: 'signature', seq: row.seq } }; // a row no signature can cover
    }
    if (!verifyDetached(certificatePem, content, row.signature)) {
      return { checked, firstProblem: { kind: 'signature', seq: row.seq } };
    }
    if (row.seq > lastSeq) return { checked, firstProblem: { kind: 'beyond-chain', seq: row.seq } };
    const entry = entryHash.get(row.seq) as { hash: string } | undefined;
    if (entry?.hash !== row.headHash)
      return { checked, firstProblem: { kind: 'head-mismatch', seq: row.seq } };
    checked++;
  }
  return { checked, firstProblem: null };
}

export interface ExportedCheckpoint {
  /** A file name stem, e.g. `checkpoint-000200`: write `<stem>.txt` and `<stem>.p7s`. */
  name: string;
  content: Buffer;
  signaturePem: string;
}

/**
 * The two files a person needs to check one checkpoint by hand, with the company certificate:
 *   openssl cms -verify -binary -inform PEM -in checkpoint-000200.p7s -content checkpoint-000200.txt \
 *     -CAfile company-certificate.pem -out /dev/null
 */
export function exportCheckpoint(vaultId: string, row: CheckpointRow): ExportedCheckpoint {
  return {
    name: `checkpoint-${String(row.seq).padStart(6, '0')}`,
    content: checkpointContent(vaultId, row.seq, row.headHash, row.at, row.reason),
    signaturePem: row.signature,
  };
}
