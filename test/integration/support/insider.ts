// What an insider can do with a copy of a vault, its keyring and their own passphrase: open it with the
// vault key (the same for every slot) in any SQLCipher client, drop triggers, edit rows, recompute
// hashes and sign with any key they hold. The tamper suites use these on real copies of real vaults.
import { X509Certificate, sign, type KeyObject } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../electron/core/host/in-process';
import { entryHash, fromRow, type AuditRow } from '../../../electron/core/vault/audit';
import { openVaultDatabase, type VaultDb } from '../../../electron/core/vault/database';
import { openSlot, readKeyring } from '../../../electron/core/vault/keyring';
import { recoveryVaultKey } from '../../../electron/core/vault/recovery-secret';
import { entryMessage } from '../../../electron/core/vault/signer';
import type { AuditReport, VaultCheckReport } from '../../../shared/contract';
import {
  AUDITOR_PASS,
  OPERATOR_PASS,
  OWNER_PASS,
  makeVault,
  unwrap,
  type VaultFixture,
} from './vault-fixture';

export const PASSES = { owner: OWNER_PASS, operator: OPERATOR_PASS, auditor: AUDITOR_PASS } as const;

/** A vault used by three people: the owner, an operator and an auditor each wrote entries. */
export async function makeTeamVault(): Promise<VaultFixture> {
  const v = await makeVault();
  const call = v.engine.call.bind(v.engine);
  unwrap(await call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  unwrap(await call('users.add', { name: 'auditor', role: 'auditor', passphrase: AUDITOR_PASS }));
  for (let i = 0; i < 3; i++) unwrap(await call('vault.updateDetails', { contact: `owner ${i}` }));
  await call('vault.lock', {});
  unwrap(
    await call('vault.unlock', { vault: { path: v.file }, userName: 'operator', passphrase: OPERATOR_PASS }),
  );
  unwrap(await call('audit.verify', {}));
  await call('vault.lock', {});
  unwrap(await call('vault.unlock', { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS }));
  unwrap(await call('vault.updateDetails', { contact: 'owner last' }));
  await call('vault.lock', {});
  return v;
}

/** A copy of the vault and its keyring under another name in the same folder. */
export function copyOf(v: VaultFixture, name: string, from = v.file): string {
  const file = join(v.dir, `${name}.cvault`);
  copyFileSync(from, file);
  copyFileSync(`${from}.keys`, `${file}.keys`);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${file}-wal`);
  return file;
}

/** Raw SQL on a vault file with its SQLCipher key, as any SQLCipher 4 client would. */
export function tamper(file: string, recoveryKey: string, work: (db: VaultDb) => void): void {
  const db = openVaultDatabase(file, recoveryVaultKey(recoveryKey));
  try {
    work(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export const dropAuditTriggers = (db: VaultDb) =>
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');

/** Recomputes every hash from `seq` to the end, so the chain links again (signatures untouched). */
export function rehashFrom(db: VaultDb, seq: number): void {
  const rows = db.prepare('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(seq) as AuditRow[];
  let prev =
    (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq - 1) as { hash: string } | undefined)?.hash ??
    '0'.repeat(64);
  const update = db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const hash = entryHash(prev, fromRow({ ...row, prev_hash: prev }));
    update.run(prev, hash, row.seq);
    prev = hash;
  }
}

/** Signs entry `seq` again with `key`, naming `signer` (a certificate serial or key:<fingerprint>). */
export function resign(db: VaultDb, vaultId: string, seq: number, key: KeyObject, signer: string): void {
  const { hash } = db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq) as { hash: string };
  db.prepare('UPDATE audit SET signature = ?, signer = ? WHERE seq = ?').run(
    sign('sha256', entryMessage(vaultId, seq, hash), key).toString('base64'),
    signer,
    seq,
  );
}

/** The signing key and certificate serial an insider holds: their own slot opened with their passphrase. */
export async function ownKey(
  file: string,
  db: VaultDb,
  userName: string,
  passphrase: string,
): Promise<{ key: KeyObject; serial: string }> {
  const keyring = readKeyring(file);
  const slot = keyring.slots.find((s) => s.userName === userName)!;
  const opened = await openSlot(keyring, slot, passphrase);
  const pem = (
    db
      .prepare("SELECT pem FROM certificates WHERE user_id = ? AND status = 'certified'")
      .get(slot.userId) as { pem: string }
  ).pem;
  return { key: opened!.keys!.signing, serial: new X509Certificate(pem).serialNumber.toUpperCase() };
}

/** Opens the file as `userName` in a fresh engine and runs audit.verify and vault.check. */
export async function verifyAs(
  file: string,
  dataDir: string,
  userName: keyof typeof PASSES = 'owner',
): Promise<{ audit: AuditReport; check: VaultCheckReport }> {
  const engine = createEngine({ dataDir, electronVersion: null });
  try {
    unwrap(
      await engine.call('vault.unlock', { vault: { path: file }, userName, passphrase: PASSES[userName] }),
    );
    const audit = unwrap(await engine.call('audit.verify', {}));
    const check = unwrap(await engine.call('vault.check', {}));
    return { audit, check };
  } finally {
    await engine.close();
  }
}

export const kinds = (problems: Array<{ kind: string }>) => [...new Set(problems.map((p) => p.kind))].sort();
