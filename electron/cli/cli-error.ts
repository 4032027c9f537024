// A failure the CLI reports as one line on stderr (`closeout: CODE: message`) with a non-zero exit.
import { formatError, type ErrorCode, type Lang } from '../../shared/errors';
import type { ErrorValue } from '../../shared/result';

export class CliError extends Error {
  constructor(
    readonly error: ErrorValue,
    readonly exitCode = 1,
  ) {
    super(error.message);
  }

  static of(code: ErrorCode, details: Record<string, unknown> = {}, exitCode = 1): CliError {
    return new CliError({ code, message: formatError(code, 'en', details), details }, exitCode);
  }
}

/** Standard output was closed by its reader (`| head -1`): the command stops quietly (exit 141). */
export class OutputClosed extends Error {
  constructor() {
    super('the reader of standard output has gone');
  }
}

export function errorLine(error: ErrorValue, lang: Lang): string {
  const message = formatError(error.code, lang, error.details ?? {});
  return `closeout: ${error.code}: ${message.replace(/\s*\n\s*/g, ' ')}`;
}
