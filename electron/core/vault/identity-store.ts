// Reads and stores the company identity (certificate + private key) inside the encrypted vault.
import type { VaultDb } from './database';
import type { CompanyIdentity } from './identity';

export function loadIdentity(db: VaultDb): CompanyIdentity | null {
  const row = db.prepare('SELECT certificate_pem, private_key_pem FROM identity WHERE id = 1').get() as
    { certificate_pem: string; private_key_pem: string } | undefined;
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null;
}

export function storeIdentity(db: VaultDb, identity: CompanyIdentity, now = new Date()): void {
  db.prepare(
    `INSERT INTO identity (id, certificate_pem, private_key_pem, created_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET certificate_pem = excluded.certificate_pem,
       private_key_pem = excluded.private_key_pem, created_at = excluded.created_at`,
  ).run(identity.certificatePem, identity.privateKeyPem, now.toISOString());
}
