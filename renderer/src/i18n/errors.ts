// The `errors` namespace, built from the one catalogue in shared/errors/ so no message is written twice.
import { ERROR_CODES, ERRORS, type ErrorCode, type Lang } from '../../../shared/errors';

/** i18next's placeholder delimiters, set explicitly in i18n/index.ts so the conversion below stays true. */
export const INTERPOLATION_PREFIX = '{{';
export const INTERPOLATION_SUFFIX = '}}';

// The catalogue's placeholder syntax, as shared/errors formatError() reads it.
const CATALOGUE_PLACEHOLDER = /\{\{(\w+)\}\}/g;

function toI18nextTemplate(message: string): string {
  return message.replace(
    CATALOGUE_PLACEHOLDER,
    (_whole, name: string) => `${INTERPOLATION_PREFIX}${name}${INTERPOLATION_SUFFIX}`,
  );
}

export type ErrorMessages = Record<ErrorCode, string>;

export function errorMessages(lang: Lang): ErrorMessages {
  return Object.fromEntries(
    ERROR_CODES.map((code) => [code, toI18nextTemplate(ERRORS[code][lang])]),
  ) as ErrorMessages;
}

/** Details as interpolation values: strings as they are, anything else as JSON (never "[object Object]"). */
export function interpolationValues(details: Record<string, unknown> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).map(([name, value]) => [
      name,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}
