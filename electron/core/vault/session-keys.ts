// What an unlocked session signs with, worked out at unlock: the user's own certified key; for owners the
// company key too (opened with the CKEK from their slot); for a version 2 recovery key the company key
// (the CKEK's recovery copy). Upgrades happen here, at a user's first unlock after schema 5: a version 1
// slot becomes version 2 with fresh keys, the first owner creates the new company CA, an owner's key is
// certified at once, and anyone else's waits for an owner's certification.
import { X509Certificate, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { CompanyCa } from '../pki';
import {
  activeCompanyCertificate,
  certifyUserKey,
  companyKekFromRecovery,
  currentUserCertificate,
  keyFingerprint,
  newCompanyCa,
  newCompanyKek,
  openCompany,
  registerPendingKey,
  storeCompany,
  storeUserCertificate,
} from './certificates';
import type { VaultDb } from './database';
import {
  companyKekEnvelopeFor,
  isV2,
  makeSlot,
  newSlotKeys,
  openCompanyKek,
  writeKeyring,
  type CompanyKek,
  type KeySlotV2,
  type Keyring,
  type OpenedSlot,
} from './keyring';
import type { VaultMeta } from './meta';
import type { Actor, OpenVault, SessionKeys } from './open-vault';
import type { RecoveryMaterial } from './recovery-secret';
import { NO_SIGNER, certifiedSigner, companySigner, pendingSigner, type SessionSigner } from './signer';

export interface SessionSetup {
  keys: SessionKeys;
  /** Writes what the unlock created (company CA, certificate, pending key), each with its audit entry. */
  record: (vault: OpenVault) => void;
}

export const newSigningKey = (): KeyObject => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

const serialOf = (pem: string) => new X509Certificate(pem).serialNumber.toUpperCase();

function companyKeyOf(ca: CompanyCa): KeyObject {
  return createPrivateKey(ca.privateKeyPem);
}

/** The signer for a user key: certified when its certificate is there, else pending. */
export function userSigner(db: VaultDb, userId: string, signing: KeyObject): SessionSigner {
  const current = currentUserCertificate(db, userId);
  const company = activeCompanyCertificate(db);
  if (
    current?.status === 'certified' &&
    current.pem &&
    current.serial &&
    current.keyFingerprint === keyFingerprint(signing)
  )
    return certifiedSigner(signing, current.pem, current.serial, company?.pem ?? current.pem);
  return pendingSigner(signing);
}

export async function passphraseSession(
  db: VaultDb,
  meta: VaultMeta,
  file: string,
  keyring: Keyring,
  opened: OpenedSlot,
  passphrase: string,
  vaultKey: Buffer,
  actor: Actor,
  now: Date,
): Promise<SessionSetup> {
  const user = { id: actor.userId!, name: actor.userName, role: actor.role };
  let keys = opened.keys;
  let slot = opened.slot;
  let keyringChanged = false;
  if (!keys || !isV2(slot)) {
    keys = newSlotKeys(newSigningKey());
    const upgraded = await makeSlot(keyring, vaultKey, user, passphrase, keys, null);
    keyring.slots = keyring.slots.map((s) => (s === slot ? upgraded : s));
    slot = upgraded;
    keyringChanged = true;
  }
  const v2 = slot as KeySlotV2;

  let ckek: CompanyKek | null = null;
  let company: CompanyCa | null = null;
  let created: { ca: CompanyCa; ckek: CompanyKek } | null = null;
  const active = activeCompanyCertificate(db);
  if (actor.role === 'owner') {
    ckek = openCompanyKek(keyring, v2, keys.box);
    if (!active) {
      // An upgraded vault's first owner unlock: a new company CA whose key no operator ever held.
      ckek?.key.fill(0);
      created = {
        ca: await newCompanyCa({ clientName: meta.clientName, creditCode: meta.creditCode }, now),
        ckek: newCompanyKek(),
      };
      ckek = created.ckek;
      v2.companyKek = companyKekEnvelopeFor(keyring, v2, ckek);
      keyringChanged = true;
      company = created.ca;
    } else if (ckek) company = openCompany(db, meta.vaultId, ckek);
  }

  const current = currentUserCertificate(db, user.id);
  const fp = keyFingerprint(keys.signing);
  let signer: SessionSigner;
  let issued: string | null = null;
  const companyPem = company?.certificatePem ?? active?.pem ?? null;
  if (
    current?.status === 'certified' &&
    current.keyFingerprint === fp &&
    current.pem &&
    current.serial &&
    companyPem
  )
    signer = certifiedSigner(keys.signing, current.pem, current.serial, companyPem);
  else if (company) {
    issued = await certifyUserKey(company, user, keys.signing, now);
    signer = certifiedSigner(keys.signing, issued, serialOf(issued), company.certificatePem);
  } else signer = pendingSigner(keys.signing);

  if (keyringChanged) writeKeyring(file, keyring); // before the database names a key only this keyring holds
  const signing = keys.signing;
  return {
    keys: { signer, company, ckek, slotId: slot.id },
    record: (vault) => {
      if (created) {
        const ca = created;
        vault.change(
          (row) => ({
            op: 'vault.upgrade',
            params: { companyCertificate: row.fingerprint ?? '', retiredKeyWasShared: true },
            outcome: 'ok',
          }),
          () => {
            const row = storeCompany(vault.db, vault.vaultId, ca.ca, ca.ckek, null, now);
            if (issued) storeUserCertificate(vault.db, user, issued, now);
            return row;
          },
        );
      } else if (issued) {
        const pem = issued;
        vault.change(
          () => ({
            op: 'users.certify',
            params: { userId: user.id, serial: serialOf(pem), self: true },
            outcome: 'ok',
          }),
          () => storeUserCertificate(vault.db, user, pem, now),
        );
      } else if (
        signer.kind === 'pending' &&
        !(current?.status === 'pending' && current.keyFingerprint === fp)
      ) {
        vault.change(
          () => ({ op: 'users.registerKey', params: { userId: user.id, key: fp }, outcome: 'ok' }),
          () => registerPendingKey(vault.db, user, signing, now),
        );
      }
    },
  };
}

export function recoverySession(db: VaultDb, vaultId: string, material: RecoveryMaterial): SessionSetup {
  const ckek = material.companyKekKey ? companyKekFromRecovery(db, vaultId, material.companyKekKey) : null;
  const company = ckek ? openCompany(db, vaultId, ckek) : null;
  const active = activeCompanyCertificate(db);
  const signer =
    company && active?.serial
      ? companySigner(companyKeyOf(company), company.certificatePem, active.serial)
      : NO_SIGNER;
  return { keys: { signer, company, ckek, slotId: null }, record: () => undefined };
}
