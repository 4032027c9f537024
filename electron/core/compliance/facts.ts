// The one place that gathers what the vault shows about the closure — the facts every checklist rule, plan
// step, assessment and detected risk is a small pure function of. A feature that lands later (handover,
// wipe, customers' requests, incidents) adds its facts here, in its own field, and the rules that read it
// stop answering "not evaluated".
import { dirname } from 'node:path';
import type { Role } from '../../../shared/contract';
import { volumeOf } from '../backup/destination';
import { listBackups } from '../backup/backups-table';
import { auditReport } from '../vault/check-vault';
import { certificateInfo } from '../pki';
import { verifyAuditChain } from '../vault/audit';
import { activeCompanyCertificate } from '../vault/certificates';
import { listCheckpoints } from '../vault/checkpoints';
import { SQLITE_PLAIN_HEADER } from '../vault/database';
import { readMeta, type VaultMeta } from '../vault/meta';
import { fileSalt } from '../vault/rekey-recovery';
import { SCHEMA_VERSION } from '../vault/migrations';
import type { OpenVault } from '../vault/open-vault';
import { handoverFacts, type HandoverFacts } from '../handover/closure-facts';
import { incidentFacts, type IncidentFacts } from '../incidents/closure-facts';
import { requestFacts, type RequestFacts } from '../requests/closure-facts';
import { wipeFacts, type WipeFacts } from '../wipe/closure-facts';
import { customerFacts, type CustomerFacts } from './customer-facts';
import { readSetting, type ComplianceSettings } from './settings';

/** Below this strength score (shared/passphrase-strength: 0 very weak … 4 strong) a passphrase is weak. */
const WEAK_PASSPHRASE_SCORE = 3;

export interface ClosureFacts {
  now: Date;
  today: string;
  vault: Pick<
    VaultMeta,
    'vaultId' | 'clientName' | 'creditCode' | 'contact' | 'closureReason' | 'keyDates' | 'createdAt'
  > & {
    schemaVersion: number;
    recoveryKeyConfirmed: boolean;
    idleTimeoutMinutes: number;
    /** The file does not start with SQLite's plain header, and the connection runs SQLCipher. */
    encryptedAtRest: boolean;
    cipher: string;
    companyCertificate: { subject: string; notAfter: string; valid: boolean } | null;
  };
  users: {
    active: Array<{ id: string; name: string; role: Role; passphraseScore: number | null }>;
    weak: string[];
  };
  audit: AuditFacts;
  backups: {
    copies: number;
    present: number;
    onVaultDisk: number;
    verified: number;
    lastVerifiedAt: string | null;
    lastDrill: { at: string; ok: boolean } | null;
    lastPassedDrillAt: string | null;
  };
  customers: CustomerFacts;
  sources: { count: number; plaintextKept: number; lastImportAt: string | null };
  /** The last audit entry of an operation that changes what is processed (import, classify, dispose, merge…). */
  lastProcessingChangeAt: string | null;
  compliance: {
    settings: { [K in keyof ComplianceSettings]: ComplianceSettings[K] | null };
    answers: number;
    assessments: Record<
      'pipia' | 'dpia',
      { status: 'new' | 'draft' | 'approved'; approvedAt: string | null }
    >;
    people: number;
    custodian: { name: string; contact: string | null } | null;
    withoutUndertaking: number;
    /** People of the closure who attended no training session in the last 12 months. */
    untrained: number;
    trainingSessions: number;
    lastTrainingOn: string | null;
  };
  /** Null while the vault holds no handover (a handover made outside Closeout is confirmed by hand). */
  handover: HandoverFacts | null;
  wipe: WipeFacts;
  requests: RequestFacts | null;
  incidents: IncidentFacts;
}

const PROCESSING_OPS = [
  'import.run',
  'classification.run',
  'classification.saveRules',
  'classification.override',
  'dispositions.apply',
  'dispositions.set',
  'duplicates.merge',
  'duplicates.unmerge',
];

/** SQLCipher's first 16 bytes are its salt; a plain SQLite file starts with its own header instead. */
const encryptedOnDisk = (file: string): boolean => fileSalt(file) !== SQLITE_PLAIN_HEADER.toString('hex');

function backupFacts(vault: OpenVault): ClosureFacts['backups'] {
  const copies = listBackups(vault.db).filter((b) => b.deletedAt === null);
  const vaultVolume = volumeOf(dirname(vault.file));
  const drills = copies.flatMap((b) => b.drills).sort((a, b) => a.at.localeCompare(b.at));
  const passed = drills.filter((d) => d.ok);
  const verified = copies.filter((b) => b.lastVerifyOk === true);
  return {
    copies: copies.length,
    present: copies.filter((b) => b.present).length,
    onVaultDisk: copies.filter((b) => b.present && vaultVolume !== null && b.volume === vaultVolume).length,
    verified: verified.length,
    lastVerifiedAt:
      verified
        .map((b) => b.lastVerifiedAt ?? b.createdAt)
        .sort()
        .at(-1) ?? null,
    lastDrill: drills.length ? { at: drills[drills.length - 1].at, ok: drills[drills.length - 1].ok } : null,
    lastPassedDrillAt: passed.length ? passed[passed.length - 1].at : null,
  };
}

function complianceFacts(vault: OpenVault, now: Date): ClosureFacts['compliance'] {
  const db = vault.db;
  const setting = <K extends keyof ComplianceSettings>(k: K) => readSetting(db, k);
  const assessment = (kind: 'pipia' | 'dpia') => {
    const row = db
      .prepare(
        `SELECT status, approved_at FROM assessments WHERE kind = ? AND handover_id IS NULL
         ORDER BY version DESC LIMIT 1`,
      )
      .get(kind) as { status: 'draft' | 'approved'; approved_at: string | null } | undefined;
    const approved = db
      .prepare(
        `SELECT MAX(approved_at) AS at FROM assessments
         WHERE kind = ? AND handover_id IS NULL AND status = 'approved'`,
      )
      .get(kind) as { at: string | null };
    return { status: row?.status ?? ('new' as const), approvedAt: approved.at };
  };
  const people = db
    .prepare(
      `SELECT id, name, duty, contact, undertaking_signed_at FROM closure_people WHERE removed_at IS NULL`,
    )
    .all() as Array<{
    id: string;
    name: string;
    duty: string;
    contact: string | null;
    undertaking_signed_at: string | null;
  }>;
  const sessions = db.prepare('SELECT held_on, attendees FROM training_log ORDER BY held_on').all() as Array<{
    held_on: string;
    attendees: string;
  }>;
  const yearAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const trained = new Set(
    sessions.filter((s) => s.held_on >= yearAgo).flatMap((s) => JSON.parse(s.attendees) as string[]),
  );
  const custodian = people.find((p) => p.duty === 'custodian');
  const answers = db.prepare('SELECT COUNT(*) AS n FROM compliance_answers').get() as { n: number };
  return {
    settings: {
      applicability: setting('applicability'),
      'plan.dates': setting('plan.dates'),
      'plan.confirm.notify': setting('plan.confirm.notify'),
      'plan.confirm.handover': setting('plan.confirm.handover'),
      'plan.certified': setting('plan.certified'),
      'ropa.writtenAt': setting('ropa.writtenAt'),
      'report.writtenAt': setting('report.writtenAt'),
      'evidence.lastPack': setting('evidence.lastPack'),
    },
    answers: answers.n,
    assessments: { pipia: assessment('pipia'), dpia: assessment('dpia') },
    people: people.length,
    custodian: custodian ? { name: custodian.name, contact: custodian.contact } : null,
    withoutUndertaking: people.filter((p) => !p.undertaking_signed_at).length,
    untrained: people.filter((p) => !trained.has(p.id)).length,
    trainingSessions: sessions.length,
    lastTrainingOn: sessions.at(-1)?.held_on ?? null,
  };
}

/**
 * The audit chain as the facts see it. Worked out after every operation that moves the closure, so by
 * default the hash chain only (`chainFacts`); the report and the evidence pack pass the full check of
 * every signature and checkpoint (`verifiedAuditFacts`).
 */
export interface AuditFacts {
  entries: number;
  head: string;
  checkpoints: number;
  /** Whether every signature and checkpoint was checked too, not only the hash chain. */
  signaturesChecked: boolean;
  ok: boolean;
  firstProblem: { seq: number; kind: string } | null;
}

function chainFacts(vault: OpenVault): AuditFacts {
  const chain = verifyAuditChain(vault.db);
  const problem = chain.firstProblem;
  return {
    entries: chain.entries,
    head: chain.head,
    checkpoints: listCheckpoints(vault.db).length,
    signaturesChecked: false,
    ok: problem === null,
    firstProblem: problem ? { seq: problem.seq, kind: problem.kind } : null,
  };
}

export async function verifiedAuditFacts(vault: OpenVault, dataDir: string | null): Promise<AuditFacts> {
  const r = await auditReport(vault, dataDir);
  return {
    entries: r.entries,
    head: r.head,
    checkpoints: r.checkpoints,
    signaturesChecked: true,
    ok: r.ok,
    firstProblem: r.firstProblem,
  };
}

/** The day the facts are for: `today` in ClosureFacts. */
export const factsDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * `customers`: the customer facts when the caller already has them for this day (an import's tally);
 * read from the records otherwise.
 */
export function gatherFacts(
  vault: OpenVault,
  now = new Date(),
  audit: AuditFacts = chainFacts(vault),
  customers: { today: string; facts: () => CustomerFacts } | null = null,
): ClosureFacts {
  const db = vault.db;
  const today = factsDay(now);
  const meta = readMeta(db);
  const company = activeCompanyCertificate(db);
  const certificate = company?.pem ? certificateInfo(company.pem) : null;
  const users = db
    .prepare(
      `SELECT u.id, u.name, u.role, p.score FROM users u LEFT JOIN passphrase_checks p ON p.user_id = u.id
       WHERE u.removed_at IS NULL ORDER BY u.created_at, u.name`,
    )
    .all() as Array<{ id: string; name: string; role: Role; score: number | null }>;
  const sources = db
    .prepare(
      `SELECT COUNT(*) AS count, COALESCE(SUM(source_deleted_at IS NULL), 0) AS kept, MAX(imported_at) AS last FROM sources`,
    )
    .get() as { count: number; kept: number; last: string | null };
  const lastChange = db
    .prepare(
      `SELECT MAX(at) AS at FROM audit WHERE outcome = 'ok' AND op IN (${PROCESSING_OPS.map(() => '?').join(', ')})`,
    )
    .get(...PROCESSING_OPS) as { at: string | null };
  return {
    now,
    today,
    vault: {
      vaultId: vault.vaultId,
      clientName: meta.clientName,
      creditCode: meta.creditCode,
      contact: meta.contact,
      closureReason: meta.closureReason,
      keyDates: meta.keyDates,
      createdAt: meta.createdAt,
      schemaVersion: SCHEMA_VERSION,
      recoveryKeyConfirmed: meta.recoveryKeyConfirmed,
      idleTimeoutMinutes: meta.idleTimeoutMinutes,
      encryptedAtRest: encryptedOnDisk(vault.file),
      cipher: String(db.pragma('cipher', { simple: true }) ?? ''),
      companyCertificate: certificate
        ? {
            subject: certificate.subject,
            notAfter: certificate.notAfter,
            valid: new Date(certificate.notAfter).getTime() > now.getTime(),
          }
        : null,
    },
    users: {
      active: users.map((u) => ({ id: u.id, name: u.name, role: u.role, passphraseScore: u.score })),
      weak: users.filter((u) => u.score !== null && u.score < WEAK_PASSPHRASE_SCORE).map((u) => u.name),
    },
    audit,
    backups: backupFacts(vault),
    customers: customers?.today === today ? customers.facts() : customerFacts(db, today),
    sources: { count: sources.count, plaintextKept: sources.kept, lastImportAt: sources.last },
    lastProcessingChangeAt: lastChange.at,
    compliance: complianceFacts(vault, now),
    // Each feature's facts from its own folder.
    handover: handoverFacts(db, now),
    wipe: wipeFacts(db),
    requests: requestFacts(vault, now),
    incidents: incidentFacts(vault, now),
  };
}
