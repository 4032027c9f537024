// The vault's own details (table meta): client company, key dates, stage, settings. No customer values.
import type { ClosureStage, KeyDates } from '../../../shared/contract';
import type { VaultDb } from './database';

export interface VaultMeta {
  vaultId: string;
  clientName: string;
  creditCode: string | null;
  contact: string | null;
  closureReason: string | null;
  keyDates: KeyDates;
  stage: ClosureStage;
  createdAt: string;
  idleTimeoutMinutes: number;
  recoveryKeyConfirmed: boolean;
  /** 1: the recovery key is the vault key (vaults made before schema 5, until a rotation); 2: it derives it. */
  recoveryKeyVersion: 1 | 2;
}

const DEFAULT_IDLE_MINUTES = 15;

export function readMeta(db: VaultDb): VaultMeta {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  const m = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return {
    vaultId: String(m.get('vault_id') ?? ''),
    clientName: String(m.get('client_name') ?? ''),
    creditCode: (m.get('credit_code') as string | null) ?? null,
    contact: (m.get('contact') as string | null) ?? null,
    closureReason: (m.get('closure_reason') as string | null) ?? null,
    keyDates: (m.get('key_dates') as KeyDates) ?? {},
    stage: (m.get('stage') as ClosureStage) ?? 'setup',
    createdAt: String(m.get('created_at') ?? ''),
    idleTimeoutMinutes: Number(m.get('idle_timeout_minutes') ?? DEFAULT_IDLE_MINUTES),
    recoveryKeyConfirmed: m.get('recovery_key_confirmed') === true,
    recoveryKeyVersion: m.get('recovery_key_version') === 2 ? 2 : 1,
  };
}

const KEYS: Record<keyof VaultMeta, string> = {
  vaultId: 'vault_id',
  clientName: 'client_name',
  creditCode: 'credit_code',
  contact: 'contact',
  closureReason: 'closure_reason',
  keyDates: 'key_dates',
  stage: 'stage',
  createdAt: 'created_at',
  idleTimeoutMinutes: 'idle_timeout_minutes',
  recoveryKeyConfirmed: 'recovery_key_confirmed',
  recoveryKeyVersion: 'recovery_key_version',
};

/** Values are stored as JSON so types survive (null, numbers, objects). */
export function writeMeta(db: VaultDb, values: Partial<VaultMeta>): void {
  const upsert = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    upsert.run(KEYS[field as keyof VaultMeta], JSON.stringify(value));
  }
}

export { DEFAULT_IDLE_MINUTES };
