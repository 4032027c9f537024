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
