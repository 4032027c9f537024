// What the vault keeps about imports: the sources (files imported, with their SHA-256 and counts), the
// quarantined rows and their CSV export, and deleting a plaintext source file once it is safely imported.
import { closeSync, fsyncSync, unlinkSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { OpParsedInput } from '../../../shared/contract';
import { csvLine, UTF8_BOM } from '../../../shared/csv';
import type { QuarantinePage, QuarantineRow, SourceDeleted, SourceInfo } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { createExclusive } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { hashOpened, overwriteAndUnlink, withOpenedFile } from '../util/wipe-file';
import { guardWrite } from '../util/write-guard';
import { recordOutputs } from '../wipe/outputs';

interface SourceRow {
  id: string;
  name: string;
  sha256: string;
  bytes: number;
  format: string;
  encoding: string | null;
  sheet: string | null;
  imported_at: string;
  imported_by: string | null;
  rows_read: number;
  imported: number;
  quarantined: number;
  source_deleted_at: string | null;
}

export function listSources(vault: OpenVault): SourceInfo[] {
  const rows = vault.db.prepare('SELECT * FROM sources ORDER BY imported_at, rowid').all() as SourceRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sha256: r.sha256,
    bytes: r.bytes,
    format: r.format,
    encoding: r.encoding,
    sheet: r.sheet,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    rowsRead: r.rows_read,
    imported: r.imported,
    quarantined: r.quarantined,
    sourceDeletedAt: r.source_deleted_at,
  }));
}

interface QuarantineDbRow {
  id: number;
  source_id: string;
  file: string;
  line: number;
  sheet: string | null;
  kind: string;
  reason: string;
  raw: string | null;
}

const QUARANTINE_SELECT = `SELECT q.id, q.source_id, s.name AS file, q.line, q.sheet, q.kind, q.reason, q.raw
  FROM quarantine q JOIN sources s ON s.id = q.source_id`;

const toQuarantineRow = (r: QuarantineDbRow): QuarantineRow => ({
  id: r.id,
  sourceId: r.source_id,
  file: r.file,
  sheet: r.sheet,
  row: r.line,
  kind: r.kind,
  reason: r.reason,
  raw: r.raw,
});

export function quarantinePage(vault: OpenVault, input: OpParsedInput<'import.quarantine'>): QuarantinePage {
  const where = input.sourceId ? 'WHERE q.source_id = ?' : '';
  const args = input.sourceId ? [input.sourceId] : [];
  const total = (
    vault.db.prepare(`SELECT count(*) AS n FROM quarantine q ${where}`).get(...args) as { n: number }
  ).n;
  const items = (
    vault.db
      .prepare(`${QUARANTINE_SELECT} ${where} ORDER BY s.imported_at, q.source_id, q.line LIMIT ? OFFSET ?`)
      .all(...args, input.limit, input.offset) as QuarantineDbRow[]
  ).map(toQuarantineRow);
  return { total, items };
}

/**
 * The quarantined rows as CSV for a person to fix in Excel or WPS: UTF-8 with BOM (so Excel reads the
 * Chinese), cells that would run as formulas neutralised. Never writes over an existing file. The rows
 * are customer data leaving the vault, so the export is recorded (counts only).
 */
export function exportQuarantine(
  vault: OpenVault,
  input: OpParsedInput<'import.exportQuarantine'>,
  dataDir: string | null,
): { path: string; rows: number } {
  const path = pathOf(input.out);
  guardWrite(path, { vault, dataDir });
  let fd: number;
  try {
    fd = createExclusive(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new EngineError('FILE_EXISTS', { path });
    if (code === 'ELOOP') throw new EngineError('FILE_IS_SYMLINK', { path });
    throw new EngineError('WRITE_FAILED', { path, reason: code ?? String(error) });
  }
  let rows = 0;
  try {
    try {
      const where = input.sourceId ? 'WHERE q.source_id = ?' : '';
      const statement = vault.db.prepare(
        `${QUARANTINE_SELECT} ${where} ORDER BY s.imported_at, q.source_id, q.line`,
      );
      let chunk = UTF8_BOM + csvLine(['file', 'sheet', 'row', 'kind', 'reason', 'raw']);
      for (const r of statement.iterate(
        ...(input.sourceId ? [input.sourceId] : []),
      ) as Iterable<QuarantineDbRow>) {
        chunk += csvLine([r.file, r.sheet ?? '', String(r.line), r.kind, r.reason, r.raw ?? '']);
        rows++;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    vault.change(
      () => ({
        op: 'import.exportQuarantine',
        params: { sourceId: input.sourceId ?? null },
        counts: { rows },
        outcome: 'ok',
      }),
      () => recordOutputs(vault.db, 'quarantine-export', [path], vault.actor.userName),
    );
  } catch (error) {
    unlinkSync(path);
    if (error instanceof EngineError) throw error;
    throw new EngineError('WRITE_FAILED', { path, reason: (error as Error).message });
  }
  return { path, rows };
}

/**
 * Deletes the plaintext file a person imported, once they say so: only a file whose SHA-256 is that of a
 * source in this vault (so nothing else can be deleted this way), never a file Closeout manages, never
 * through a link. The file is opened once and hashed, overwritten with one pass of random data and
 * flushed through that one descriptor, then deleted only while its path still names that file (the one
 * overwrite Closeout has: util/wipe-file.ts, which the wipe uses too). On SSDs
 * (wear levelling) and copy-on-write file systems (APFS, Btrfs, ZFS) the old blocks may survive the
 * overwrite: the result and the window say so.
 */
export async function deleteSource(
  vault: OpenVault,
  input: OpParsedInput<'import.deleteSource'>,
  dataDir: string | null,
): Promise<SourceDeleted> {
  const path = pathOf(input.file);
  guardWrite(path, { vault, dataDir });
  const { hashed, sources } = await withOpenedFile(path, async (file) => {
    const hashed = await hashOpened(file);
    const sources = vault.db
      .prepare('SELECT id FROM sources WHERE sha256 = ? ORDER BY imported_at')
      .all(hashed.sha256) as Array<{ id: string }>;
    if (sources.length === 0) throw new EngineError('IMPORT_SOURCE_UNKNOWN', { path: basename(path) });
    overwriteAndUnlink(file);
    return { hashed, sources };
  });
  const deletedAt = new Date().toISOString();
  vault.change(
    () => ({
      op: 'import.deleteSource',
      params: { sourceIds: sources.map((s) => s.id), sha256: hashed.sha256.slice(0, 16), overwritten: 1 },
      counts: { bytes: hashed.size },
      outcome: 'ok',
    }),
    () => {
      const update = vault.db.prepare('UPDATE sources SET source_deleted_at = ? WHERE id = ?');
      for (const s of sources) update.run(deletedAt, s.id);
    },
    true,
  );
  return { sourceId: sources[0].id, path, bytes: hashed.size, deletedAt, ssdCaveat: true };
}
