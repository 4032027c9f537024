// Child process for the concurrent-writes test: another program writing the vault while backups are
// made. Each transaction adds the same ids to two tables (so a torn snapshot shows as unequal counts),
// with payloads large enough to fill pages fast, and asks for a checkpoint after each commit (so it tries
// to write into the main file the backup is copying). Prints the number of each committed transaction.
import { randomBytes } from 'node:crypto';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';

const [file, recoveryKey] = process.argv.slice(2);
const db = openVaultDatabase(file, recoveryVaultKey(recoveryKey));
const a = db.prepare('INSERT INTO ledger_a (payload) VALUES (?)');
const b = db.prepare('INSERT INTO ledger_b (id, payload) VALUES (?, ?)');

function commit(n: number): void {
  db.transaction(() => {
    for (let i = 0; i < 40; i++) {
      const payload = randomBytes(300).toString('hex');
      b.run(a.run(payload).lastInsertRowid, payload);
    }
  })();
  db.pragma('wal_checkpoint(PASSIVE)');
  process.stdout.write(`${n}\n`);
  setImmediate(() => commit(n + 1)); // lets stdout drain and a kill arrive
}
commit(1);
