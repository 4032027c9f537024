// Passphrases reach the CLI only from a file or the environment: argv is visible to every user of the
// machine (ps, /proc) and lands in shell history.
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

const FORBIDDEN = /^(--passphrase|--new-passphrase|--password|--pass|--recovery-key)(=|$)/;

/** Refuses a passphrase given on the command line before anything else runs. */
export function refusePassphraseInArgv(argv: readonly string[]): void {
  if (argv.some((arg) => FORBIDDEN.test(arg))) throw CliError.of('PASSPHRASE_ON_COMMAND_LINE', {}, 2);
}

/** Reads a secret from a file: one trailing newline (what `echo` and editors add) is not part of it. */
export function readSecretFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw CliError.of('FILE_UNREADABLE', {
      path: file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

function fromFileOrEnv(file: string | undefined, envValue: string | undefined): string {
  const value = file ? readSecretFile(file) : envValue;
  if (value) return value;
  throw CliError.of('PASSPHRASE_MISSING');
}

export function readPassphrase(
  options: { passphraseFile?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  return fromFileOrEnv(options.passphraseFile, env.CLOSEOUT_PASSPHRASE);
}

/** A second secret for commands that set one (add a user, change a passphrase). */
export function readNewPassphrase(
  options: { newPassphraseFile?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  return fromFileOrEnv(options.newPassphraseFile, env.CLOSEOUT_NEW_PASSPHRASE);
}
