// Anchors outside the database: after every write and at lock, the registry keeps the newest audit head
// this installation has seen for the vault, signed (CMS) by the user who made it, and pins the company
// CA's fingerprint the first time it sees one. Backup manifests carry a signed head too. `vault check`
// compares the vault with every anchor it can reach and says in words when the vault's chain is shorter
// (a cut or a rollback) or differs where an anchor saw it (a fork: another copy was put in its place).
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AuditProblem } from '../../../shared/contract';
import { auditHead } from './audit';
import { activeCompanyCertificate } from './certificates';
import type { VaultDb } from './database';
import type { OpenVault } from './open-vault';
import { readRegistry, upsertRegistry, type RegistryEntry } from './registry';
import { cmsSign, type SessionSigner } from './signer';

type Anchor = NonNullable<RegistryEntry['anchor']>;

/**
 * The signed document, UTF-8, LF line ends: `closeout-audit-head/1`, `vault: <id>`, `seq: <n>`,
 * `head: <64 hex>`, `at: <ISO 8601>`.
 */
function headContent(vaultId: string, seq: number, hash: string, at: string): Buffer {
  return Buffer.from(
    `closeout-audit-head/1\nvault: ${vaultId}\nseq: ${seq}\nhead: ${hash}\nat: ${at}\n`,
    'utf8',
  );
}

/** A signed head of the vault's chain now (signature empty when the session has no certified key). */
export function signedHead(
  db: VaultDb,
  vaultId: string,
  signer: SessionSigner,
  now = new Date(),
): Anchor | null {
  const head = auditHead(db);
  if (head.seq === 0) return null;
  const at = now.toISOString();
  return {
    seq: head.seq,
    hash: head.hash,
    at,
    signer: signer.certificatePem ? (signer.id ?? '') : '',
    signature: cmsSign(signer, headContent(vaultId, head.seq, head.hash, at), now) ?? '',
  };
}

const hashAt = (db: VaultDb, seq: number): string | null =>
  (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;

/** True when the vault's chain holds the anchor's head (it is the same chain, at or past that point). */
const descends = (db: VaultDb, anchor: { seq: number; hash: string }): boolean =>
  hashAt(db, anchor.seq) === anchor.hash;

/**
 * Moves the registry's anchor forward to the vault's head, and pins the company CA if none is pinned.
 * A vault that does not descend from the anchor (rolled back, or another copy) never moves it back.
 * Best effort: the registry is a convenience, and a write that fails must not fail the operation.
 */
export function noteAnchor(dataDir: string, vault: OpenVault): void {
  try {
    const entry = readRegistry(dataDir).find((v) => v.id === vault.vaultId);
    const previous = entry?.anchor ?? null;
    const head = auditHead(vault.db);
    const pem = activeCompanyCertificate(vault.db)?.pem;
    const company = pem ? new X509Certificate(pem).fingerprint256.toUpperCase() : null;
    const pins = entry?.pinnedCompany ?? [];
    const pinnedCompany = pins.length === 0 && company ? [company] : undefined;
    if (previous && (head.seq <= previous.seq || !descends(vault.db, previous))) {
      if (pinnedCompany) upsertRegistry(dataDir, { id: vault.vaultId, pinnedCompany });
      return;
    }
    const anchor = signedHead(vault.db, vault.vaultId, vault.signer);
    if (anchor)
      upsertRegistry(dataDir, { id: vault.vaultId, anchor, ...(pinnedCompany ? { pinnedCompany } : {}) });
  } catch {
    // The next write or lock tries again.
  }
}

export function pinnedCompany(dataDir: string, vaultId: string): string[] {
  try {
    return readRegistry(dataDir).find((v) => v.id === vaultId)?.pinnedCompany ?? [];
  } catch {
    return [];
  }
}

interface SeenHead {
  seq: number;
  hash: string;
  at: string;
  source: 'registry' | 'backup';
  name: string;
}

/** Heads recorded by backup manifests of this vault in the folders its listed backups are in. */
function backupHeads(db: VaultDb, vaultId: string): SeenHead[] {
  let dirs: string[];
  try {
    dirs = [
      ...new Set(
        (db.prepare('SELECT path FROM backups').all() as Array<{ path: string }>).map((r) => dirname(r.path)),
      ),
    ];
  } catch {
    return [];
  }
  const seen: SeenHead[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.cobackup.manifest.json'));
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const m = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
          vaultId?: string;
          createdAt?: string;
          auditHead?: { seq: number; hash: string };
        };
        if (m.vaultId !== vaultId || !m.auditHead || m.auditHead.seq < 1) continue;
        seen.push({
          ...m.auditHead,
          at: m.createdAt ?? '',
          source: 'backup',
          name: basename(name, '.manifest.json'),
        });
      } catch {
        // Not a manifest we can read: backup.verify reports it.
      }
    }
  }
  return seen;
}

/** The vault compared with every anchor at hand: a rollback, a cut or a fork, in words. */
export function compareAnchors(dataDir: string, vault: OpenVault): AuditProblem[] {
  const heads: SeenHead[] = [];
  try {
    const anchor = readRegistry(dataDir).find((v) => v.id === vault.vaultId)?.anchor;
    if (anchor) heads.push({ ...anchor, source: 'registry', name: 'registry' });
  } catch {
    // An unreadable registry is reported by vault.list.
  }
  heads.push(...backupHeads(vault.db, vault.vaultId));
  const head = auditHead(vault.db);
  const problems: AuditProblem[] = [];
  for (const seen of heads) {
    const where =
      seen.source === 'registry'
        ? `this computer's registry saw seq ${seen.seq} on ${seen.at}`
        : `backup ${seen.name} of ${seen.at} was made at seq ${seen.seq}`;
    const params = {
      vaultSeq: head.seq,
      anchorSeq: seen.seq,
      source: seen.source,
      name: seen.name,
      at: seen.at,
    };
    if (seen.seq > head.seq)
      problems.push({
        seq: head.seq,
        user: null,
        kind: 'rollback',
        detail: `the vault's chain ends at seq ${head.seq}; ${where}`,
        params,
      });
    else if (hashAt(vault.db, seen.seq) !== seen.hash)
      problems.push({
        seq: seen.seq,
        user: null,
        kind: 'fork',
        detail: `the vault's entry ${seen.seq} is not the one recorded: ${where} with another entry there`,
        params,
      });
  }
  return problems;
}
