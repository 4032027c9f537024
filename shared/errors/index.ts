// The one catalogue of error codes. Every code has a zh-CN and an en message; each namespace keeps its
// codes in its own file, merged here into the one ERRORS object that the renderer's i18n resources and
// the CLI both read, so there is no second list.
import { analyticsErrors } from './analytics';
import { appErrors } from './app';
import { auditErrors } from './audit';
import { backupErrors } from './backup';
import { cliErrors } from './cli';
import { commonErrors } from './common';
import { complianceErrors } from './compliance';
import { duplicatesErrors } from './duplicates';
import { handoverErrors } from './handover';
import { importErrors } from './import';
import { incidentsErrors } from './incidents';
import { recordsErrors } from './records';
import { requestsErrors } from './requests';
import { usersErrors } from './users';
import { vaultErrors } from './vault';
import { wipeErrors } from './wipe';
import type { ErrorEntry, Lang } from './entry';
import { gapsText } from '../handover';

export type { Lang };

export const ERRORS = {
  ...commonErrors,
  ...appErrors,
  ...analyticsErrors,
  ...cliErrors,
  ...vaultErrors,
  ...usersErrors,
  ...auditErrors,
  ...backupErrors,
  ...importErrors,
  ...recordsErrors,
  ...duplicatesErrors,
  ...complianceErrors,
  ...wipeErrors,
  ...handoverErrors,
  ...requestsErrors,
  ...incidentsErrors,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/**
 * Details some messages show in the reader's language, derived from codes the engine put in the details
 * (the CLI through formatError, the window's ErrorAlert): HANDOVER_NOT_READY's `gaps` as `missing`.
 */
export function localizedDetails(
  code: string,
  lang: Lang,
  details: Record<string, unknown> = {},
): Record<string, unknown> {
  if (code === 'HANDOVER_NOT_READY' && Array.isArray(details.gaps))
    return { ...details, missing: gapsText(details.gaps, lang) };
  return details;
}

/** Fills `{{name}}` placeholders from details; unknown placeholders are left visible, never dropped. */
export function formatError(code: ErrorCode, lang: Lang, details: Record<string, unknown> = {}): string {
  const values = localizedDetails(code, lang, details);
  return ERRORS[code][lang].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
