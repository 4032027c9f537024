// A wipe's certificate is signed by the acting user's certified key. A session that has none — an
// operator of an upgraded vault whose key still awaits an owner's certification — is refused before
// anything happens: no journal, no certificate, no audit entry, the keyring untouched.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { generateCustomers } from '../../../fixtures/customers';
import { tempDir } from '../../helpers';
import { insertCustomers } from '../../support/records-fixture';
import { makeLegacyVault, type LegacyVault } from '../../support/legacy-vault';
import { OPERATOR_PASS, OWNER_PASS, unwrap } from '../../support/vault-fixture';

const dir = tempDir('closeout-wipe-unsigned-');
const dataDir = join(dir.path, 'data');
let legacy: LegacyVault;
let engine: EngineClient;
beforeAll(async () => {
  legacy = await makeLegacyVault(join(dir.path, 'old.cvault'), [
    { name: 'owner', role: 'owner', passphrase: OWNER_PASS },
    { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS },
  ]);
  engine = createEngine({ dataDir, electronVersion: null });
  // The owner's first unlock upgrades the vault to today's schema; the operator's key stays pending.
  unwrap(
    await engine.call('vault.unlock', {
      vault: { path: legacy.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  unwrap(await engine.call('vault.lock', {}));
  // Customers, every fifth with disposition DESTROY: a wipe that would have something to do.
  const db = openVaultDatabase(legacy.file, recoveryVaultKey(legacy.recoveryKey));
  try {
    insertCustomers(db, generateCustomers(5, 25), { file: 'customers.csv' });
  } finally {
    db.close();
  }
}, 120_000);
afterAll(async () => {
  await engine?.close();
  dir.remove();
});

test('a session whose key awaits certification cannot wipe, and nothing changes', async () => {
  unwrap(
    await engine.call('vault.unlock', {
      vault: { path: legacy.file },
      userName: 'operator',
      passphrase: OPERATOR_PASS,
    }),
  );
  const users = unwrap(await engine.call('users.list', {}));
  expect(users.find((u) => u.name === 'operator')?.certificate).toMatchObject({ status: 'pending' });
  const keyring = readFileSync(`${legacy.file}.keys`);
  const certs = join(dir.path, 'certs');
  mkdirSync(certs);

  // The dry run still shows the plan; the real run is refused with the catalogue's error.
  expect(unwrap(await engine.call('wipe.records', { dryRun: true })).plan.records.destroy).toBe(5);
  const before = unwrap(await engine.call('audit.list', {})).length;
  const res = await engine.call('wipe.records', { certificateDir: { path: certs } });
  expect(res.ok ? 'ok' : res.error.code).toBe('SIGNING_KEY_PENDING');

  expect(readdirSync(certs)).toEqual([]);
  expect(existsSync(join(dataDir, 'wipes')) ? readdirSync(join(dataDir, 'wipes')) : []).toEqual([]);
  expect(unwrap(await engine.call('audit.list', {})).length).toBe(before);
  expect(readFileSync(`${legacy.file}.keys`).equals(keyring)).toBe(true);
});
