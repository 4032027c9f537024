// Dates as a PDF prints them, and writing a finished PDF to disk.
import { writeFileAtomic } from '../util/atomic-write';

/** "2025-03-14 18:05 (UTC+08:00)": local wall time with its offset, unambiguous on paper. */
export function formatDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())} (UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)})`
  );
}

/**
 * Writes a finished document so a crash leaves the old file or the new one, never half of one. Owner-only
 * by default: most Closeout documents name a client, and the recovery sheet holds a key.
 */
export function writeDocument(file: string, pdf: Uint8Array, mode = 0o600): void {
  writeFileAtomic(file, pdf, mode);
}
