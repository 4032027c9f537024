// Child process for the kill -9 test of a rekey: unlocks a vault as its owner and rotates its keys,
// printing a line when unlocked and one when the rotation has returned.
import fs from 'node:fs';
import { createEngine } from '../../../electron/core/host/in-process';

// With REKEY_KILL_AFTER_RENAME=1 the process kills itself the moment the re-encrypted copy has replaced
// the vault (the one atomic step), before the keyring is brought in step: the crash the next open must
// finish. Test instrumentation of this child only; the product has no such hook.
if (process.env.REKEY_KILL_AFTER_RENAME === '1') {
  const rename = fs.renameSync;
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    rename(from, to);
    if (String(from).endsWith('.rekey')) process.kill(process.pid, 'SIGKILL');
  };
}

async function main(): Promise<void> {
  const [file, dataDir, passphrase] = process.argv.slice(2);
  const engine = createEngine({ dataDir, electronVersion: null });
  const opened = await engine.call('vault.unlock', { vault: { path: file }, userName: 'owner', passphrase });
  if (!opened.ok) throw new Error(opened.error.code);
  process.stdout.write('unlocked\n');
  const rotated = await engine.call('vault.rotateKeys', {});
  process.stdout.write(
    `${JSON.stringify(rotated.ok ? { generation: rotated.value.generation } : rotated.error)}\n`,
  );
  await engine.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
