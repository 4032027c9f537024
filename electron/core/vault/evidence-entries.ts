// The per-entry half of verify-evidence.ts: the vault's certificates (which were issued by a company CA
// of the vault) and each entry's signature and signer, named with entry, user and reason.
import { X509Certificate } from 'node:crypto';
import type { AuditProblem } from '../../../shared/contract';
import type { AuditEntry, AuditRow } from './audit';
import { listCertificates, type CertificateRow } from './certificates';
import type { VaultDb } from './database';
import { entrySignatureHolds } from './signer';

const MAX_LISTED = 200;

export class Findings {
  problems: AuditProblem[] = [];
  warnings: AuditProblem[] = [];
  problemCount = 0;
  problem(p: AuditProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }
  warn(p: AuditProblem): void {
    if (this.warnings.length < MAX_LISTED) this.warnings.push(p);
  }
}

export interface Certs {
  all: CertificateRow[];
  companies: CertificateRow[];
  bySerial: Map<string, CertificateRow>;
  issuedByCompany: Map<string, boolean>;
}

export function loadCertificates(db: VaultDb, f: Findings): Certs | null {
  let all: CertificateRow[];
  try {
    all = listCertificates(db);
  } catch {
    f.problem({
      seq: null,
      user: null,
      kind: 'certificates-missing',
      detail: 'the certificates table is missing',
      params: {},
    });
    return null;
  }
  const companies = all.filter((c) => c.kind === 'company' && c.pem);
  const companyX509 = companies.map((c) => new X509Certificate(c.pem!));
  const issuedByCompany = new Map<string, boolean>();
  for (const c of all) {
    if (!c.pem || !c.serial) continue;
    let ok: boolean;
    try {
      const x = new X509Certificate(c.pem);
      ok =
        c.kind === 'company'
          ? x.verify(x.publicKey) && x.checkIssued(x)
          : companyX509.some((ca) => x.checkIssued(ca) && x.verify(ca.publicKey));
    } catch {
      ok = false;
    }
    issuedByCompany.set(c.serial, ok);
  }
  return {
    all,
    companies,
    bySerial: new Map(all.filter((c) => c.serial).map((c) => [c.serial!, c])),
    issuedByCompany,
  };
}

export function checkEntrySigner(
  vaultId: string,
  entry: AuditEntry,
  row: AuditRow,
  certs: Certs,
  legacy: number,
  recoveryV1: boolean,
  f: Findings,
): void {
  const at = { seq: entry.seq, user: entry.userName };
  if (!row.signature || !row.signer) {
    if (entry.seq <= legacy) return;
    if (recoveryV1 && entry.userId === null) {
      // A version 1 recovery key is the vault key, which every user holds: such a session has no key
      // to sign with, and what it did is attributable to no one in particular. Said, not hidden.
      f.warn({
        ...at,
        kind: 'unsigned-recovery-v1',
        detail: `entry ${entry.seq} was made with a version 1 recovery key and cannot be signed`,
        params: {},
      });
      return;
    }
    f.problem({
      ...at,
      kind: 'unsigned',
      detail: `entry ${entry.seq} by ${entry.userName ?? '—'} is not signed`,
      params: {},
    });
    return;
  }
  if (row.signer.startsWith('key:')) {
    const fp = row.signer.slice(4);
    const cert = certs.all.find(
      (c) => c.kind === 'user' && c.keyFingerprint === fp && c.userId === entry.userId,
    );
    if (
      !cert ||
      !entrySignatureHolds(
        cert.pem
          ? (new X509Certificate(cert.pem).publicKey.export({ format: 'pem', type: 'spki' }) as string)
          : cert.publicKey,
        vaultId,
        entry.seq,
        entry.hash,
        row.signature,
      )
    ) {
      f.problem({
        ...at,
        kind: cert ? 'bad-signature' : 'signer-unknown',
        detail: `entry ${entry.seq}: ${cert ? 'the signature does not hold' : 'signed by a key the vault does not know for this user'}`,
        params: {},
      });
      return;
    }
    if (cert.status === 'pending')
      f.warn({
        ...at,
        kind: 'pending-key',
        detail: `entry ${entry.seq} is signed by ${entry.userName}'s key awaiting certification`,
        params: { key: fp },
      });
    if (cert.status === 'revoked' && cert.revokedAt && cert.revokedAt <= entry.at)
      f.problem({
        ...at,
        kind: 'signer-revoked',
        detail: `entry ${entry.seq}: the key was revoked on ${cert.revokedAt}`,
        params: { revokedAt: cert.revokedAt },
      });
    return;
  }
  const cert = certs.bySerial.get(row.signer);
  if (!cert?.pem) {
    f.problem({
      ...at,
      kind: 'signer-unknown',
      detail: `entry ${entry.seq}: signer ${row.signer} has no certificate in the vault`,
      params: { serial: row.signer },
    });
    return;
  }
  if (!certs.issuedByCompany.get(row.signer)) {
    f.problem({
      ...at,
      kind: 'signer-not-company',
      detail: `entry ${entry.seq}: certificate ${row.signer} was not issued by the company CA`,
      params: { serial: row.signer },
    });
    return;
  }
  const expectedUser = cert.kind === 'company' ? null : cert.userId;
  if (expectedUser !== entry.userId || (cert.kind === 'company' && cert.status === 'retired')) {
    f.problem({
      ...at,
      kind: 'signer-wrong-user',
      detail: `entry ${entry.seq}: certificate ${row.signer} is not ${entry.userName ?? 'the recovery key'}'s`,
      params: { serial: row.signer },
    });
    return;
  }
  if (cert.status === 'revoked' && cert.revokedAt && cert.revokedAt <= entry.at) {
    f.problem({
      ...at,
      kind: 'signer-revoked',
      detail: `entry ${entry.seq}: certificate ${row.signer} was revoked on ${cert.revokedAt}`,
      params: { revokedAt: cert.revokedAt },
    });
    return;
  }
  const publicKey = new X509Certificate(cert.pem).publicKey.export({ format: 'pem', type: 'spki' }) as string;
  if (!entrySignatureHolds(publicKey, vaultId, entry.seq, entry.hash, row.signature))
    f.problem({
      ...at,
      kind: 'bad-signature',
      detail: `entry ${entry.seq}: the signature by ${entry.userName ?? 'the company'} does not hold`,
      params: {},
    });
}
