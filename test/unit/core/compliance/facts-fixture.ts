// Closure facts built by hand for the pure rules: `sound()` is a closure with everything done and every
// later feature's evidence present; tests change one thing at a time.
import type { ClosureFacts } from '../../../../electron/core/compliance/facts';

export function sound(today = '2026-03-10'): ClosureFacts {
  const now = new Date(`${today}T10:00:00Z`);
  const recent = new Date(now.getTime() - 5 * 24 * 3600 * 1000).toISOString();
  return {
    now,
    today,
    vault: {
      vaultId: '00000000-0000-4000-8000-000000000001',
      clientName: '杭州示例商贸有限公司',
      creditCode: '91350100M000100Y43',
      contact: null,
      closureReason: null,
      keyDates: {},
      createdAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 5,
      recoveryKeyConfirmed: true,
      idleTimeoutMinutes: 15,
      encryptedAtRest: true,
      cipher: 'sqlcipher',
      companyCertificate: { subject: 'X', notAfter: '2035-01-01T00:00:00.000Z', valid: true },
    },
    users: { active: [{ id: 'u1', name: 'owner', role: 'owner', passphraseScore: 4 }], weak: [] },
    audit: { entries: 40, head: 'a'.repeat(64), checkpoints: 2, ok: true, firstProblem: null },
    backups: {
      copies: 2,
      present: 2,
      onVaultDisk: 0,
      verified: 2,
      lastVerifiedAt: recent,
      lastDrill: { at: recent, ok: true },
      lastPassedDrillAt: recent,
    },
    customers: {
      total: 100,
      individual: 80,
      business: 20,
      unknownType: 0,
      withoutDisposition: 0,
      dispositions: { RETAIN: 40, TRANSFER: 30, ANONYMISE: 10, DESTROY: 0 },
      sensitive: 12,
      sensitiveByKind: [{ kind: 'id-number', records: 12 }],
      sensitiveTransfer: 0,
      minors: 2,
      minorsTransfer: 0,
      stale: 5,
      unclassified: 0,
      regions: { mainland: 90, hk_mo_tw: 4, overseas: 6, unknown: 0 },
      countries: { CN: 90, DE: 3, US: 3 },
      eu: 3,
      us: 3,
      california: 2,
      retainIncomplete: 0,
      retainExpired: 0,
      destroyPending: 0,
      transferNoRecipient: 0,
      recipients: [{ name: '宁波承接贸易有限公司', records: 30 }],
      dataKinds: [{ field: 'name', records: 100 }],
      retention: [
        { basis: 'accounting', records: 40, earliest: '2056-12-31', latest: '2056-12-31', expired: 0 },
      ],
      pendingClusters: 0,
    },
    sources: { count: 2, plaintextKept: 0, lastImportAt: '2026-01-02T00:00:00.000Z' },
    lastProcessingChangeAt: '2026-02-01T00:00:00.000Z',
    compliance: {
      settings: {
        applicability: null,
        'plan.dates': null,
        'plan.confirm.notify': null,
        'plan.confirm.handover': null,
        'plan.certified': null,
        'ropa.writtenAt': '2026-03-01T00:00:00.000Z',
        'report.writtenAt': null,
        'evidence.lastPack': {
          at: '2026-03-01T00:00:00.000Z',
          sha256: 'b'.repeat(64),
          keepUntil: '2029-03-01',
        },
      },
      answers: 0,
      assessments: {
        pipia: { status: 'approved', approvedAt: '2026-02-15T00:00:00.000Z' },
        dpia: { status: 'approved', approvedAt: '2026-02-15T00:00:00.000Z' },
      },
      people: 3,
      custodian: { name: '王芳', contact: null },
      withoutUndertaking: 0,
      untrained: 0,
      trainingSessions: 1,
      lastTrainingOn: '2026-02-01',
    },
    handover: {
      handovers: 1,
      withReceipt: 1,
      recipients: 1,
      recipientsVetted: 1,
      noticesPending: 0,
      consentsMissing: 0,
      crossBorderRecipients: 0,
      crossBorderWithRoute: 0,
      objectionDeadline: null,
    },
    wipe: { certificates: 1, purgedRecords: 20, paperLogs: 1, cloudLogs: 1 },
    requests: { logged: 3, open: 0, overdue: 0 },
    incidents: { incidents: 0, notificationsPending: 0, responsePlan: true },
  };
}

/** A fresh copy to change. */
export const clone = (f: ClosureFacts): ClosureFacts => structuredClone(f);
