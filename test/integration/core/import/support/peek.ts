// A second connection to a test vault's file, to look at what an operation committed.
import { openVaultDatabase, type VaultDb } from '../../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../../electron/core/vault/recovery-secret';
import type { VaultFixture } from '../../../support/vault-fixture';

export function peek<T>(fixture: VaultFixture, fn: (db: VaultDb) => T): T {
  const db = openVaultDatabase(fixture.file, recoveryVaultKey(fixture.created.recoveryKey));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
