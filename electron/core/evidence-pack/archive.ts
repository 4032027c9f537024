// The evidence archive, <data folder>/evidence/<vault id>/: where evidence packs and approved PIPIA/DPIA
// are kept for at least three years, outside every vault and every customer-data file, so they outlive
// the wipe (docs/FORMATS.md §14). Owner-only permissions.
import { join } from 'node:path';
import { ensureDir } from './signed-files';

const KEEP_YEARS = 3;

export function archiveDir(dataDir: string, vaultId: string): string {
  const dir = join(dataDir, 'evidence', vaultId);
  ensureDir(dir);
  return dir;
}

/** The day, `KEEP_YEARS` after `at` (PIPL Art. 56: at least three years). */
export function keepUntil(at: Date): string {
  const d = at.toISOString().slice(0, 10);
  return `${Number(d.slice(0, 4)) + KEEP_YEARS}${d.slice(4)}`;
}
