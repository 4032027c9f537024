// Child process for the kill -9 test: opens the vault with the recovery key through the real engine and
// makes backups into one folder, one after another, until it is killed.
import { createEngine } from '../../../../electron/core/host/in-process';

const [vaultFile, recoveryKey, dataDir, dest] = process.argv.slice(2);

async function main(): Promise<void> {
  const engine = createEngine({ dataDir, electronVersion: null });
  const unlocked = await engine.call('vault.unlock', { vault: { path: vaultFile }, recoveryKey });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    const res = await engine.call('backup.create', { dir: { path: dest } });
    if (!res.ok) throw new Error(res.error.message);
    process.stdout.write(`done ${n}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
