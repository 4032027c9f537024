// The audit chain: every change, and every bulk read of customer data, appends an entry whose hash
// covers the previous hash, so editing, deleting or reordering any entry breaks every later link.
// hash_n = SHA-256(hash_{n-1} ‖ "\n" ‖ canonical JSON of entry n); the first entry chains from 64 zeros.
import { createHash } from 'node:crypto';
import type { VaultDb } from './database';
import { canonicalJson } from './canonical-json';
import { signEntry, type SessionSigner } from './signer';

const GENESIS_HASH = '0'.repeat(64);

/**
 * An audit entry lists the ids of the records it changed when there are at most this many; a bulk
 * operation names its scope (filter, counts) instead. records.get finds a record's history by these ids.
 */
export const AUDIT_IDS_MAX = 1000;

export interface AuditInput {
  op: string;
  /** A summary of the parameters: ids, counts, options. Never a customer value or a secret. */
  params: Record<string, unknown>;
  counts?: Record<string, number>;
  outcome: 'ok' | 'refused' | 'failed';
}

export interface AuditActor {
  userId: string | null;
  userName: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  op: string;
  params: Record<string, unknown>;
  counts: Record<string, number>;
  outcome: string;
  prevHash: string;
  hash: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  op: string;
  params: string;
  counts: string;
  outcome: string;
  prev_hash: string;
  hash: string;
  /** Schema 5 on: the entry's signature (base64) and its signer (certificate serial or key:<fingerprint>). */
  signature?: string | null;
  signer?: string | null;
}

export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  const canonical = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    userId: entry.userId,
    userName: entry.userName,
    op: entry.op,
    params: entry.params,
    counts: entry.counts,
    outcome: entry.outcome,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

export const fromRow = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  at: row.at,
  userId: row.user_id,
  userName: row.user_name,
  op: row.op,
  params: JSON.parse(row.params) as Record<string, unknown>,
  counts: JSON.parse(row.counts) as Record<string, number>,
  outcome: row.outcome,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export function auditHead(db: VaultDb): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends one entry, signed by `signed.signer` when given (schema 5 on). Call it inside the transaction
 * of the change it records: if the entry cannot be written, the change is rolled back with it.
 */
export function appendAudit(
  db: VaultDb,
  actor: AuditActor,
  input: AuditInput,
  now = new Date(),
  signed?: { vaultId: string; signer: SessionSigner },
): AuditEntry {
  const head = auditHead(db);
  const base = {
    seq: head.seq + 1,
    at: now.toISOString(),
    userId: actor.userId,
    userName: actor.userName,
    op: input.op,
    params: input.params,
    counts: input.counts ?? {},
    outcome: input.outcome,
  };
  const hash = entryHash(head.hash, base);
  const row = {
    ...base,
    params: canonicalJson(base.params),
    counts: canonicalJson(base.counts),
    prevHash: head.hash,
    hash,
  };
  if (signed) {
    db.prepare(
      `INSERT INTO audit (seq, at, user_id, user_name, op, params, counts, outcome, prev_hash, hash, signature, signer)
       VALUES (@seq, @at, @userId, @userName, @op, @params, @counts, @outcome, @prevHash, @hash, @signature, @signer)`,
    ).run({ ...row, ...signEntry(signed.signer, signed.vaultId, base.seq, hash) });
  } else {
    db.prepare(
      `INSERT INTO audit (seq, at, user_id, user_name, op, params, counts, outcome, prev_hash, hash)
       VALUES (@seq, @at, @userId, @userName, @op, @params, @counts, @outcome, @prevHash, @hash)`,
    ).run(row);
  }
  return { ...base, prevHash: head.hash, hash };
}

type AuditProblem =
  | { kind: 'gap'; seq: number; expected: number }
  | { kind: 'link'; seq: number }
  | { kind: 'hash'; seq: number }
  | { kind: 'unreadable'; seq: number; reason: string };

export interface AuditVerification {
  entries: number;
  head: string;
  firstProblem: AuditProblem | null;
}

/** Walks the whole chain in order and names the first entry that does not follow from the one before. */
export function verifyAuditChain(db: VaultDb): AuditVerification {
  let prev = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.seq !== expected)
      return { entries, head: prev, firstProblem: { kind: 'gap', seq: row.seq, expected } };
    if (row.prev_hash !== prev) return { entries, head: prev, firstProblem: { kind: 'link', seq: row.seq } };
    let entry: AuditEntry;
    try {
      entry = fromRow(row);
    } catch (error) {
      return {
        entries,
        head: prev,
        firstProblem: { kind: 'unreadable', seq: row.seq, reason: (error as Error).message },
      };
    }
    if (entryHash(prev, entry) !== row.hash)
      return { entries, head: prev, firstProblem: { kind: 'hash', seq: row.seq } };
    prev = row.hash;
    expected++;
  }
  return { entries, head: prev, firstProblem: null };
}
