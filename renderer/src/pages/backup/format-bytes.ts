// A file's size as people read it: B, KiB, MiB, GiB in the language's number format.
import type { Lang } from '../../i18n';
import { formatNumber } from '../../i18n/format';

export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(lang, bytes / 1024 / 1024, 1)} MiB`;
  return `${formatNumber(lang, bytes / 1024 / 1024 / 1024, 2)} GiB`;
}
