// Child process for the kill -9 test: commits large transactions into a vault one after another and
// prints the number of each one once its COMMIT has returned.
import { openVaultDatabase } from '../../../electron/core/vault/database';

const [file, keyHex] = process.argv.slice(2);
const db = openVaultDatabase(file, Buffer.from(keyHex, 'hex'));
db.exec(
  'CREATE TABLE IF NOT EXISTS crash_probe (batch INTEGER NOT NULL, n INTEGER NOT NULL, payload TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO crash_probe (batch, n, payload) VALUES (?, ?, ?)');
const payload = 'x'.repeat(300);
const start =
  ((db.prepare('SELECT max(batch) AS b FROM crash_probe').get() as { b: number | null }).b ?? 0) + 1;
for (let batch = start; ; batch++) {
  db.transaction(() => {
    for (let n = 0; n < 2000; n++) insert.run(batch, n, payload);
  })();
  process.stdout.write(`${batch}\n`);
}
