// Use cases throw EngineError for expected failures; the router turns it into a Result value.
import { formatError, type ErrorCode } from '../../../shared/errors';

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    super(formatError(code, 'en', details));
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

const CORRUPTION = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_IOERR_SHORT_READ',
]);

/** SQLite's own corruption errors are a damaged vault, not an internal error. */
export function asEngineError(error: unknown, file: string | undefined): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && CORRUPTION.has(code))
    return new EngineError('VAULT_DAMAGED', { path: file ?? '?', reason: (error as Error).message });
  return error;
}
