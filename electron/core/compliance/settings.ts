// The compliance centre's settings (table compliance_settings): which regimes apply, the closure's own
// dates, steps confirmed by hand, the certification, when reports were last written. Values are JSON.
import type { VaultDb } from '../vault/database';

export interface ComplianceSettings {
  applicability: {
    pipl: boolean;
    gdpr: boolean;
    ccpa: boolean;
    iso27001: boolean;
    at: string;
    by: string | null;
  };
  'plan.dates': { liquidationGroupDate: string | null; objectionDeadline: string | null };
  'plan.confirm.notify': { at: string; by: string | null; note: string };
  'plan.confirm.handover': { at: string; by: string | null; note: string };
  'plan.certified': { at: string; by: string | null };
  'ropa.writtenAt': string;
  'report.writtenAt': string;
  'evidence.lastPack': { at: string; sha256: string; keepUntil: string };
}
export type SettingKey = keyof ComplianceSettings;

export function readSetting<K extends SettingKey>(db: VaultDb, key: K): ComplianceSettings[K] | null {
  const row = db.prepare('SELECT value FROM compliance_settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ComplianceSettings[K]) : null;
}

export function writeSetting<K extends SettingKey>(db: VaultDb, key: K, value: ComplianceSettings[K]): void {
  db.prepare(
    'INSERT INTO compliance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
