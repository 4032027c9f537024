// Numbers, durations and dates in the current language.
import type { TFunction } from 'i18next';
import type { Lang } from '../../../shared/errors';

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
}

export function formatDuration(t: TFunction, seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  if (total < 60) return t('job.seconds', { s: total });
  if (total < 3600) return t('job.minutes', { m: Math.floor(total / 60), s: total % 60 });
  return t('job.hours', { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) });
}

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar date (yyyy-mm-dd) as written in the language; read as a date, never shifted by time zone. */
export function formatDate(lang: Lang, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The last part of a path, whichever separator the platform uses. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** Date and time to the second, for audit entries. */
export function formatTimestamp(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
