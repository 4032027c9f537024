// The vault's certificates (table certificates): the company CA and one certificate per user key, each
// with its status (pending certification, certified, superseded, revoked, retired), and the company's
// private key, kept only sealed under the company key-encryption key (CKEK; table company_keys) so that
// operators and auditors, who hold the vault key, never hold the company key.
import {
  X509Certificate,
  createHash,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { createCompanyCa, issueUserCertificate, type CompanyCa } from '../pki';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from './database';
import type { CompanyKek } from './keyring';
import { privateDer, privateFromDer, seal, sealedSchema, unseal, type Sealed } from './sealing';

type CertificateStatus = 'pending' | 'certified' | 'superseded' | 'revoked' | 'retired';

export interface CertificateRow {
  id: number;
  kind: 'company' | 'user';
  userId: string | null;
  role: string | null;
  keyFingerprint: string;
  publicKey: string;
  serial: string | null;
  fingerprint: string | null;
  pem: string | null;
  status: CertificateStatus;
  createdAt: string;
  certifiedAt: string | null;
  revokedAt: string | null;
  note: string | null;
}

interface DbRow {
  id: number;
  kind: 'company' | 'user';
  user_id: string | null;
  role: string | null;
  key_fingerprint: string;
  public_key: string;
  serial: string | null;
  fingerprint: string | null;
  pem: string | null;
  status: CertificateStatus;
  created_at: string;
  certified_at: string | null;
  revoked_at: string | null;
  note: string | null;
}

const fromRow = (r: DbRow): CertificateRow => ({
  id: r.id,
  kind: r.kind,
  userId: r.user_id,
  role: r.role,
  keyFingerprint: r.key_fingerprint,
  publicKey: r.public_key,
  serial: r.serial,
  fingerprint: r.fingerprint,
  pem: r.pem,
  status: r.status,
  createdAt: r.created_at,
  certifiedAt: r.certified_at,
  revokedAt: r.revoked_at,
  note: r.note,
});

/** SHA-256 of a public key's SPKI DER, as openssl prints fingerprints (AB:CD:…). */
const publicOf = (key: KeyObject): KeyObject => (key.type === 'public' ? key : createPublicKey(key));

export function keyFingerprint(key: KeyObject): string {
  const spki = publicOf(key).export({ format: 'der', type: 'spki' });
  return (createHash('sha256').update(spki).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

export function listCertificates(db: VaultDb): CertificateRow[] {
  return (db.prepare('SELECT * FROM certificates ORDER BY id').all() as DbRow[]).map(fromRow);
}

/** The company CA in use (status certified), or null (an upgraded vault before its first owner unlock). */
export function activeCompanyCertificate(db: VaultDb): CertificateRow | null {
  const row = db
    .prepare(
      "SELECT * FROM certificates WHERE kind = 'company' AND status = 'certified' ORDER BY id DESC LIMIT 1",
    )
    .get() as DbRow | undefined;
  return row ? fromRow(row) : null;
}

export function userCertificates(db: VaultDb, userId: string): CertificateRow[] {
  return (
    db
      .prepare("SELECT * FROM certificates WHERE kind = 'user' AND user_id = ? ORDER BY id")
      .all(userId) as DbRow[]
  ).map(fromRow);
}

/** The user's current key: certified, or pending certification. */
export function currentUserCertificate(db: VaultDb, userId: string): CertificateRow | null {
  const rows = userCertificates(db, userId).filter((c) => c.status === 'certified' || c.status === 'pending');
  return rows.at(-1) ?? null;
}

function insert(db: VaultDb, row: Omit<CertificateRow, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO certificates (kind, user_id, role, key_fingerprint, public_key, serial, fingerprint, pem,
           status, created_at, certified_at, revoked_at, note)
         VALUES (@kind, @userId, @role, @keyFingerprint, @publicKey, @serial, @fingerprint, @pem, @status,
           @createdAt, @certifiedAt, @revokedAt, @note)`,
      )
      .run(row).lastInsertRowid,
  );
}

const certFacts = (pem: string) => {
  const x509 = new X509Certificate(pem);
  return { serial: x509.serialNumber.toUpperCase(), fingerprint: x509.fingerprint256.toUpperCase() };
};

// ---- the company: CA, CKEK, sealing ----

const companyKeyAad = (vaultId: string, fingerprint: string, ckekId: string) =>
  `closeout-company-key:v2:${vaultId}:${fingerprint}:${ckekId}`;
const recoveryAad = (vaultId: string, ckekId: string) =>
  `closeout-company-kek-recovery:v2:${vaultId}:${ckekId}`;

export const newCompanyKek = (): CompanyKek => ({ id: randomUUID(), key: randomBytes(32) });

export async function newCompanyCa(
  details: { clientName: string; creditCode: string | null },
  now: Date,
): Promise<CompanyCa> {
  return createCompanyCa({ name: details.clientName, creditCode: details.creditCode, now });
}

/**
 * Stores a new company CA: its certificate (status certified) and its private key sealed under the CKEK,
 * with the CKEK's own recovery copy sealed under the key a version 2 recovery key derives (or none).
 */
export function storeCompany(
  db: VaultDb,
  vaultId: string,
  ca: CompanyCa,
  ckek: CompanyKek,
  recoveryKekKey: Buffer | null,
  now: Date,
): CertificateRow {
  const facts = certFacts(ca.certificatePem);
  const x509 = new X509Certificate(ca.certificatePem);
  const at = now.toISOString();
  const id = insert(db, {
    kind: 'company',
    userId: null,
    role: null,
    keyFingerprint: keyFingerprint(x509.publicKey),
    publicKey: x509.publicKey.export({ format: 'pem', type: 'spki' }) as string,
    serial: facts.serial,
    fingerprint: facts.fingerprint,
    pem: ca.certificatePem,
    status: 'certified',
    createdAt: at,
    certifiedAt: at,
    revokedAt: null,
    note: null,
  });
  db.prepare(
    'INSERT INTO company_keys (fingerprint, ckek_id, wrapped, recovery, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    facts.fingerprint,
    ckek.id,
    JSON.stringify(sealCompanyKey(vaultId, facts.fingerprint, ca, ckek)),
    recoverySeal(vaultId, ckek, recoveryKekKey),
    at,
  );
  return fromRow(db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as DbRow);
}

function sealCompanyKey(vaultId: string, fingerprint: string, ca: CompanyCa, ckek: CompanyKek): Sealed {
  const der = privateDer(createPrivateKey(ca.privateKeyPem));
  try {
    return seal(ckek.key, der, companyKeyAad(vaultId, fingerprint, ckek.id));
  } finally {
    der.fill(0);
  }
}

const recoverySeal = (vaultId: string, ckek: CompanyKek, recoveryKekKey: Buffer | null): string | null =>
  recoveryKekKey ? JSON.stringify(seal(recoveryKekKey, ckek.key, recoveryAad(vaultId, ckek.id))) : null;

interface CompanyKeyRow {
  fingerprint: string;
  ckek_id: string;
  wrapped: string;
  recovery: string | null;
}

function companyKeyRow(db: VaultDb, fingerprint: string): CompanyKeyRow | null {
  return (
    (db.prepare('SELECT * FROM company_keys WHERE fingerprint = ?').get(fingerprint) as
      CompanyKeyRow | undefined) ?? null
  );
}

const parseSealed = (json: string): Sealed | null => {
  try {
    return sealedSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
};

/** The company CA with its private key, opened with the CKEK; null when the CKEK does not open it. */
export function openCompany(db: VaultDb, vaultId: string, ckek: CompanyKek): CompanyCa | null {
  const active = activeCompanyCertificate(db);
  if (!active?.pem || !active.fingerprint) return null;
  const row = companyKeyRow(db, active.fingerprint);
  const sealed = row && row.ckek_id === ckek.id ? parseSealed(row.wrapped) : null;
  const der = sealed ? unseal(ckek.key, sealed, companyKeyAad(vaultId, active.fingerprint, ckek.id)) : null;
  if (!der) return null;
  try {
    const key = privateFromDer(der);
    if (!new X509Certificate(active.pem).checkPrivateKey(key)) return null;
    return {
      certificatePem: active.pem,
      privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }) as string,
    };
  } finally {
    der.fill(0);
  }
}

/** The CKEK from its recovery copy in the vault (version 2 recovery keys only). */
export function companyKekFromRecovery(
  db: VaultDb,
  vaultId: string,
  recoveryKekKey: Buffer,
): CompanyKek | null {
  const active = activeCompanyCertificate(db);
  const row = active?.fingerprint ? companyKeyRow(db, active.fingerprint) : null;
  const sealed = row?.recovery ? parseSealed(row.recovery) : null;
  const key = sealed ? unseal(recoveryKekKey, sealed, recoveryAad(vaultId, row!.ckek_id)) : null;
  return key ? { id: row!.ckek_id, key } : null;
}

/** Whether the recovery key can restore the company key (false after an upgrade until keys are rotated). */
export function recoveryCoversCompany(db: VaultDb): boolean {
  const active = activeCompanyCertificate(db);
  return Boolean(active?.fingerprint && companyKeyRow(db, active.fingerprint)?.recovery);
}

/** Reseals the company key under a new CKEK (and its recovery copy under a new recovery key). */
export function resealCompany(
  db: VaultDb,
  vaultId: string,
  ca: CompanyCa,
  ckek: CompanyKek,
  recoveryKekKey: Buffer | null,
): void {
  const { fingerprint } = certFacts(ca.certificatePem);
  db.prepare('UPDATE company_keys SET ckek_id = ?, wrapped = ?, recovery = ? WHERE fingerprint = ?').run(
    ckek.id,
    JSON.stringify(sealCompanyKey(vaultId, fingerprint, ca, ckek)),
    recoverySeal(vaultId, ckek, recoveryKekKey),
    fingerprint,
  );
}

// ---- users ----

/** Issues a certificate for a user's key (the company key is needed) and records it as certified. */
export async function certifyUserKey(
  ca: CompanyCa,
  user: { id: string; name: string; role: string },
  publicKey: KeyObject,
  now: Date,
): Promise<string> {
  return issueUserCertificate(
    ca,
    { userId: user.id, userName: user.name, role: user.role, publicKey: publicOf(publicKey) },
    { now },
  );
}

/** Records a user's certificate; the user's earlier certified or pending keys become superseded. */
export function storeUserCertificate(
  db: VaultDb,
  user: { id: string; role: string },
  pem: string,
  now: Date,
): CertificateRow {
  const x509 = new X509Certificate(pem);
  const fp = keyFingerprint(x509.publicKey);
  const at = now.toISOString();
  const pending = db
    .prepare(
      "SELECT id FROM certificates WHERE kind = 'user' AND user_id = ? AND status = 'pending' AND key_fingerprint = ?",
    )
    .get(user.id, fp) as { id: number } | undefined;
  supersede(db, user.id, pending?.id ?? null);
  const facts = certFacts(pem);
  if (pending) {
    db.prepare(
      "UPDATE certificates SET status = 'certified', serial = ?, fingerprint = ?, pem = ?, role = ?, certified_at = ? WHERE id = ?",
    ).run(facts.serial, facts.fingerprint, pem, user.role, at, pending.id);
    return fromRow(db.prepare('SELECT * FROM certificates WHERE id = ?').get(pending.id) as DbRow);
  }
  const id = insert(db, {
    kind: 'user',
    userId: user.id,
    role: user.role,
    keyFingerprint: fp,
    publicKey: x509.publicKey.export({ format: 'pem', type: 'spki' }) as string,
    serial: facts.serial,
    fingerprint: facts.fingerprint,
    pem,
    status: 'certified',
    createdAt: at,
    certifiedAt: at,
    revokedAt: null,
    note: null,
  });
  return fromRow(db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as DbRow);
}

function supersede(db: VaultDb, userId: string, except: number | null): void {
  db.prepare(
    "UPDATE certificates SET status = 'superseded' WHERE kind = 'user' AND user_id = ? AND status IN ('certified', 'pending') AND id IS NOT ?",
  ).run(userId, except);
}

/** A user's own new key, awaiting an owner's certification (upgraded vaults; no company key at hand). */
export function registerPendingKey(
  db: VaultDb,
  user: { id: string; role: string },
  publicKey: KeyObject,
  now: Date,
): CertificateRow {
  const fp = keyFingerprint(publicKey);
  const existing = db
    .prepare(
      "SELECT * FROM certificates WHERE kind = 'user' AND user_id = ? AND key_fingerprint = ? AND status IN ('pending', 'certified')",
    )
    .get(user.id, fp) as DbRow | undefined;
  if (existing) return fromRow(existing);
  supersede(db, user.id, null);
  const id = insert(db, {
    kind: 'user',
    userId: user.id,
    role: user.role,
    keyFingerprint: fp,
    publicKey: publicOf(publicKey).export({ format: 'pem', type: 'spki' }) as string,
    serial: null,
    fingerprint: null,
    pem: null,
    status: 'pending',
    createdAt: now.toISOString(),
    certifiedAt: null,
    revokedAt: null,
    note: null,
  });
  return fromRow(db.prepare('SELECT * FROM certificates WHERE id = ?').get(id) as DbRow);
}

/** Marks every current certificate of a user revoked (the signed CRL is written beside it). */
export function revokeUser(db: VaultDb, userId: string, now: Date): CertificateRow[] {
  const current = userCertificates(db, userId).filter(
    (c) => c.status === 'certified' || c.status === 'pending',
  );
  db.prepare(
    "UPDATE certificates SET status = 'revoked', revoked_at = ? WHERE kind = 'user' AND user_id = ? AND status IN ('certified', 'pending')",
  ).run(now.toISOString(), userId);
  return current;
}

export function requireCompanyCertificate(db: VaultDb): CertificateRow {
  const active = activeCompanyCertificate(db);
  if (!active?.pem) throw new EngineError('IDENTITY_MISSING');
  return active;
}

/** Every company certificate a database names (current and retired; the identity table before schema 5). */
export function companyCertificatePems(db: VaultDb): string[] {
  try {
    return (
      db.prepare("SELECT pem FROM certificates WHERE kind = 'company' AND pem IS NOT NULL").all() as Array<{
        pem: string;
      }>
    ).map((r) => r.pem);
  } catch {
    try {
      const row = db.prepare('SELECT certificate_pem FROM identity WHERE id = 1').get() as
        { certificate_pem: string } | undefined;
      return row ? [row.certificate_pem] : [];
    } catch {
      return [];
    }
  }
}
