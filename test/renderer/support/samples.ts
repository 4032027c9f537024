// Values the fake engine answers with: shaped like the engine's (typed by the contract), small and made up.
import type { BackupRecord, CustomerStats, SessionInfo, VaultSummary } from '../../../shared/contract';
import type { CustomerRecord } from '../../../shared/customer';

export const VAULT_ID = '0b5c6f0e-4a51-4c1e-9a53-0d7d3f1f2a10';

export function vaultSummary(change: Partial<VaultSummary> = {}): VaultSummary {
  return {
    id: VAULT_ID,
    path: '/vaults/杭州示例茶叶有限公司.cvault',
    clientName: '杭州示例茶叶有限公司',
    creditCode: '91350100M000100Y43',
    stage: 'intake',
    lastOpenedAt: null,
    lastBackupAt: null,
    lastVerifiedBackupAt: null,
    lastRestoreVerifiedAt: null,
    lastVerifyFailure: null,
    customers: null,
    withoutDisposition: null,
    nextDeadline: null,
    blockers: null,
    present: true,
    ...change,
  };
}

export const SOURCE_ID = '5d0f5a7e-2c0b-4d6e-8f3a-9b1c2d3e4f50';

export function session(change: Partial<SessionInfo> = {}): SessionInfo {
  return {
    vaultId: VAULT_ID,
    path: '/vaults/杭州示例茶叶有限公司.cvault',
    clientName: '杭州示例茶叶有限公司',
    userName: '陈静',
    role: 'owner',
    viaRecoveryKey: false,
    idleTimeoutMinutes: 15,
    ...change,
  };
}

export function backupRecord(change: Partial<BackupRecord> = {}): BackupRecord {
  return {
    id: 'b0000001-0000-4000-8000-000000000001',
    createdAt: '2025-03-01T08:00:00.000Z',
    path: '/media/usb/acme-20250301.cobackup',
    volume: null,
    sha256: 'ab'.repeat(32),
    size: 123_456,
    manifestSha256: 'cd'.repeat(32),
    lastVerifiedAt: null,
    lastVerifyOk: null,
    drills: [],
    present: true,
    deletedAt: null,
    ...change,
  };
}

/** A file as the shell's dialog answers: an opaque handle (the contract's pattern) and the name. */
export function chosen(name: string, n = 1): { handle: string; name: string } {
  return { handle: `h-chosen-${String(n).padStart(4, '0')}`, name };
}

/** A customer record as records.query answers, numbered `id`. */
export function customerRecord(id: number, change: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    id,
    sources: [{ sourceId: SOURCE_ID, file: '客户名单.csv', sheet: null, row: id + 1 }],
    name: `客户${id}`,
    organisation: null,
    customerType: null,
    phone: '+8613800138000',
    phones: [{ number: '+8613800138000', extension: null, status: 'valid' }],
    wechat: null,
    email: null,
    idNumber: null,
    creditCode: null,
    address: '浙江省杭州市西湖区文三路 90 号',
    country: 'CN',
    product: null,
    lastOrderDate: null,
    lifetimeValue: null,
    currency: null,
    notes: null,
    extra: {},
    status: {
      phone: 'valid',
      email: 'missing',
      idNumber: 'missing',
      creditCode: 'missing',
      wechat: 'missing',
    },
    type: 'individual',
    region: 'mainland',
    regionCountry: 'CN',
    category: null,
    flags: {
      stale: false,
      minor: false,
      sensitive: [],
      formulaLike: false,
      incomplete: false,
      typeDoubtful: false,
      regionConflict: false,
      hiddenCharacters: false,
      malformed: null,
    },
    completeness: 75,
    cluster: null,
    mergedInto: null,
    disposition: null,
    dispositionBasis: null,
    retainUntil: null,
    dispositionRecipient: null,
    overrides: [],
    ...change,
  };
}

/** records.stats for a vault of `customers` records, all individuals in the mainland, none decided. */
export function customerStats(customers: number, change: Partial<CustomerStats> = {}): CustomerStats {
  return {
    customers,
    type: { individual: customers, business: 0, unknown: 0 },
    region: { mainland: customers, hk_mo_tw: 0, overseas: 0, unknown: 0 },
    countries: { CN: customers },
    categories: { 办公用品: customers, unmatched: 0 },
    flags: {
      sensitive: 0,
      minor: 0,
      stale: 0,
      invalid_id_number: 0,
      invalid_credit_code: 0,
      invalid_phone: 0,
      invalid_email: 0,
      formula_like: 0,
      incomplete: 0,
      type_doubtful: 0,
      region_conflict: 0,
      no_activity_date: 0,
    },
    sensitiveKinds: {},
    duplicates: { clusters: 0, records: 0 },
    disposition: { none: customers, RETAIN: 0, TRANSFER: 0, ANONYMISE: 0, DESTROY: 0 },
    unclassified: 0,
    rulesVersion: 1,
    ...change,
  };
}
