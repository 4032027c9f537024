// Passphrases reach the CLI only from a file or the environment: argv is visible to every user of the
// machine (ps, /proc) and lands in shell history.
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

const FORBIDDEN = /^(--passphrase|--new-passphrase|--password|--pass|--recovery-key)(=|$)/;

/** Refuses a passphrase given on the command line before anything else runs. */
export function refusePassphraseInArgv(argv: readonly string[]): void {
  if (argv.some((arg) => FORBIDDEN.test(arg))) throw CliError.of('PASSPHRASE_ON_COMMAND_LINE', {}, 2);
}

/** A field that holds a secret: a passphrase, a recovery key, any password (`adminPassword`, …). */
const isSecretField = (key: string): boolean =>
  /(passphrase|password|recoverykey)$/.test(key.toLowerCase().replace(/[^a-z]/g, ''));

/**
 * `--input` JSON never carries a secret, anywhere in it. A column mapping's keys are the headers of a
 * customer file (a shop's export may have a "password" column), not secrets: they are not looked at.
 */
export function refuseSecretsInInput(value: unknown, at = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => refuseSecretsInInput(item, `${at}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    const field = at ? `${at}.${key}` : key;
    if (isSecretField(key)) throw CliError.of('SECRET_IN_INPUT', { field }, 2);
    if (key !== 'mapping') refuseSecretsInInput(inner, field);
  }
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
