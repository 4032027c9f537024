// `closeout recovery-key decode`: the raw key as hex, for opening a vault with any SQLCipher 4 client.
import { readFileSync } from 'node:fs';
import { decodeRecoveryKey } from '../../../shared/recovery-key';
import { CliError } from '../cli-error';

/** `closeout recovery-key decode`: the raw key as hex, for opening a vault with any SQLCipher 4 client. */
export async function decodeRecoveryKeyCommand(file: string | undefined): Promise<string> {
  const text = file ? readFileSync(file, 'utf8') : await readKeyFromStdin();
  try {
    return Buffer.from(decodeRecoveryKey(text.trim())).toString('hex');
  } catch {
    throw CliError.of('RECOVERY_KEY_MALFORMED', { group: '?' });
  }
}

/** One line from a person at a terminal (with a prompt), or everything piped in. */
async function readKeyFromStdin(): Promise<string> {
  if (!process.stdin.isTTY) return readFileSync(0, 'utf8');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('恢复密钥 / recovery key: ');
  } finally {
    rl.close();
  }
}
