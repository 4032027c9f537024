// `closeout recovery-key decode`: the SQLCipher key as hex, for opening a vault with any SQLCipher 4
// client (a version 1 recovery key is that key; a version 2 key derives it with HKDF-SHA256).
import { readFileSync } from 'node:fs';
import { recoveryVaultKey } from '../../core/vault/recovery-secret';
import { CliError } from '../cli-error';

/** `closeout recovery-key decode`: the SQLCipher key as hex, for opening a vault with any SQLCipher 4 client. */
export async function decodeRecoveryKeyCommand(file: string | undefined): Promise<string> {
  const text = file ? readFileSync(file, 'utf8') : await readKeyFromStdin();
  try {
    const key = recoveryVaultKey(text.trim());
    try {
      return key.toString('hex');
    } finally {
      key.fill(0);
    }
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
