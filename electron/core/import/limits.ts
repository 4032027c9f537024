// Default limits for reading untrusted files. They bound memory and work (ZIP bombs, runaway quotes) while
// staying well above anything a real customer export holds; a caller may tighten or loosen them.
import type { ImportLimits } from './types';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const DEFAULT_LIMITS: Readonly<ImportLimits> = {
  // Excel caps a cell at 32 767 characters; 4 Mi characters is a whole row of such cells and then some.
  maxRecordChars: 4 * MiB,
  maxZipEntries: 10_000,
  maxTotalBytes: 4 * GiB,
  // A 1M-row, 11-column sheet is about 0.5 GiB of XML.
  maxPartBytes: 1 * GiB,
  // Real sheet XML deflates 5–30×; a bomb ~1000×. Applied to parts over 16 MiB only.
  maxCompressionRatio: 200,
  // Excel's own maximum is 1 048 576 rows and 16 384 columns.
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // Every shared string is held in memory while the sheet is read: this keeps an import under ~400 MB.
  maxSharedStrings: 3_000_000,
  maxSharedStringsBytes: 192 * MiB,
  // About 100–200 rows. The rows of a whole 1 MiB chunk (~7 000) are all made before the first is
  // written: they outlive two young-generation collections, are promoted, and die in the old generation,
  // which grows until a full collection. A slice's rows are written before the collection after next.
  parseChars: 16 * 1024,
};

export function resolveLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/** "1 GiB", "192 MiB", "4096 bytes": how a limit is named in an error message. */
export function formatBytes(bytes: number): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GiB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}
