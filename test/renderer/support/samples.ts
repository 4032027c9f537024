// Values the fake engine answers with: shaped like the engine's (typed by the contract), small and made up.
import type { VaultSummary } from '../../../shared/contract';

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
    present: true,
    ...change,
  };
}

export const SOURCE_ID = '5d0f5a7e-2c0b-4d6e-8f3a-9b1c2d3e4f50';
