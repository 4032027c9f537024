// Passphrases reach the CLI only from a file or the environment: argv is visible to every user of the
// machine (ps, /proc) and lands in shell history.
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

const FORBIDDEN = /^(--passphrase|--password|--pass|--recovery-key)(=|$)/;

/** Refuses a passphrase given on the command line before anything else runs. */
export function refusePassphraseInArgv(argv: readonly string[]): void {
  if (argv.some((arg) => FORBIDDEN.test(arg))) throw CliError.of('PASSPHRASE_ON_COMMAND_LINE', {}, 2);
}

export function readPassphrase(
  options: { passphraseFile?: string },
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (options.passphraseFile) {
    let text: string;
    try {
      text = readFileSync(options.passphraseFile, 'utf8');
    } catch (error) {
      throw CliError.of('FILE_UNREADABLE', {
        path: options.passphraseFile,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
    // One trailing newline is what `echo` and editors add; it is not part of the passphrase.
    const passphrase = text.replace(/\r?\n$/, '');
    if (passphrase) return passphrase;
  } else if (env.CLOSEOUT_PASSPHRASE) {
    return env.CLOSEOUT_PASSPHRASE;
  }
  throw CliError.of('PASSPHRASE_MISSING');
}
