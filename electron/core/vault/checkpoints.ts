// Signed checkpoints of the audit chain: the acting user's key (its certificate issued by the company
// CA, which travels in the signature) signs the chain head at seq 1, every 100 entries and at every
// irreversible act, as detached CMS SignedData that `openssl cms -verify -CAfile company.pem` checks.
import { EngineError } from '../kernel/engine-error';
import { auditHead } from './audit';
import type { VaultDb } from './database';
import { cmsSign, type SessionSigner } from './signer';

const CHECKPOINT_INTERVAL = 100;

/**
 * The operations that cannot be undone: each entry of one is followed by a checkpoint (the one list the
 * writer and the verifier both use). A recovery-key unlock counts too (see requiresCheckpoint).
 */
const IRREVERSIBLE_OPS: readonly string[] = [
  'vault.create',
  'vault.upgrade',
  'vault.rotateKeys',
  'users.remove',
  'import.deleteSource',
  'backup.prune',
  'backup.drill',
];

type EntryFacts = { seq: number; op: string; params: Record<string, unknown> };

const irreversibleEntry = (entry: EntryFacts): boolean =>
  IRREVERSIBLE_OPS.includes(entry.op) ||
  (entry.op === 'vault.unlock' && entry.params.viaRecoveryKey === true);

/** Whether an entry must be followed by a checkpoint at its own seq. */
export function requiresCheckpoint(entry: EntryFacts): boolean {
  return entry.seq === 1 || entry.seq % CHECKPOINT_INTERVAL === 0 || irreversibleEntry(entry);
}

/** The checkpoint's reason line: the operation, or 'periodic' for a round hundred. */
export const checkpointReason = (entry: EntryFacts): string =>
  entry.seq % CHECKPOINT_INTERVAL === 0 && !irreversibleEntry(entry) && entry.seq !== 1
    ? 'periodic'
    : entry.op;

const CHECKPOINT_FORMAT = 'closeout-audit-checkpoint/1';

export interface CheckpointRow {
  seq: number;
  headHash: string;
  at: string;
  reason: string;
  /**
   * Detached CMS SignedData over checkpointContent(...), PEM ("-----BEGIN PKCS7-----"); empty when the
   * session had no certified key to sign with (a key awaiting certification, a version 1 recovery key).
   */
  signature: string;
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
  signer: SessionSigner,
  reason: string,
  now = new Date(),
): CheckpointRow | null {
  const head = auditHead(db);
  if (head.seq === 0) return null;
  const existing = checkpointAt(db, head.seq);
  if (existing) return existing;
  const at = now.toISOString();
  const signature = cmsSign(signer, checkpointContent(vaultId, head.seq, head.hash, at, reason), now) ?? '';
  const row: CheckpointRow = { seq: head.seq, headHash: head.hash, at, reason, signature };
  db.prepare(
    'INSERT INTO audit_checkpoints (seq, head_hash, at, reason, signature) VALUES (@seq, @headHash, @at, @reason, @signature)',
  ).run(row);
  return row;
}

export function listCheckpoints(db: VaultDb): CheckpointRow[] {
  return (db.prepare('SELECT * FROM audit_checkpoints ORDER BY seq').all() as DbRow[]).map(fromRow);
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
  // An unsigned checkpoint is exported with an empty .p7s: the verification report says why.
  return {
    name: `checkpoint-${String(row.seq).padStart(6, '0')}`,
    content: checkpointContent(vaultId, row.seq, row.headHash, row.at, row.reason),
    signaturePem: row.signature,
  };
}
