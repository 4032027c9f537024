// records.export: the selected records (search + filters, as on the Records page) to a file a person
// opens in Excel or WPS, or to JSON for scripts. Streams in id order, one chunk of rows at a time between
// checkpoints (so a cancel arrives and the engine's one connection is free for the page between chunks);
// written beside the target and renamed over it only when complete, so a cancel, a crash or a full disk
// leaves no half file. Every text cell that a spreadsheet could take for a formula (= + - @ tab CR at
// its start) is neutralised with an apostrophe, in CSV and XLSX alike (shared/csv.ts).
import ExcelJS from 'exceljs';
import { rmSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { OpParsedInput } from '../../../shared/contract';
import type { CustomerRecord } from '../../../shared/customer';
import { csvCell, UTF8_BOM } from '../../../shared/csv';
import type { RecordExportResult } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { openAtomic, type AtomicFile } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
import type { OpenVault } from '../vault/open-vault';
import { recordOutputs } from '../wipe/outputs';
import { EXPORT_COLUMNS, type CellValue } from './export-columns';
import { countSelection, selectionSql } from './query-records';
import { CUSTOMER_ROW_COLUMNS, recordsFromRows, type CustomerRow } from './record-view';

const CHUNK = 1000;
/** A worksheet holds 1 048 576 rows; longer exports continue on a second sheet. */
const XLSX_ROWS_PER_SHEET = 1_000_000;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The same neutralisation as csvCell, for an XLSX text cell (which needs no quoting). A carriage return
 * is written as OOXML's `_x000D_` (as Excel does), since XML readers turn a raw CR or CRLF into LF; a
 * literal `_xHHHH_` in the text is escaped as `_x005F_xHHHH_` so it is not read back as a character.
 */
export const xlsxText = (text: string): string => {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  if (!safe.includes('\r') && !safe.includes('_x')) return safe;
  return safe.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/\r/g, '_x000D_');
};

const csvValue = (value: CellValue): string => (typeof value === 'number' ? String(value) : csvCell(value));

interface Sink {
  begin(header: string[]): void;
  records(records: CustomerRecord[]): Promise<void>;
  end(): Promise<void>;
}

function csvSink(file: AtomicFile, encoding: 'utf-8' | 'gb18030'): Sink {
  const write = (text: string) => file.write(encoding === 'utf-8' ? text : iconv.encode(text, 'gb18030'));
  const line = (cells: string[]) => cells.join(',') + '\r\n';
  return {
    begin(header) {
      // The BOM is what makes Excel read UTF-8; GB18030 is what it reads without one on Chinese Windows.
      write((encoding === 'utf-8' ? UTF8_BOM : '') + line(header.map((h) => csvCell(h))));
    },
    async records(records) {
      write(records.map((r) => line(EXPORT_COLUMNS.map((c) => csvValue(c.value(r))))).join(''));
    },
    async end() {},
  };
}

function jsonSink(file: AtomicFile): Sink {
  let first = true;
  return {
    begin() {
      file.write('[\n');
    },
    async records(records) {
      if (records.length === 0) return;
      file.write((first ? '' : ',\n') + records.map((r) => JSON.stringify(r)).join(',\n'));
      first = false;
    },
    async end() {
      file.write(first ? ']\n' : '\n]\n');
    },
  };
}

const XLSX_MAX_QUEUED = 8 << 20;

interface QueueProbe {
  stream?: {
    buffers?: Array<{ length?: number }>;
    pipes?: Array<{
      writableLength?: number;
      readableLength?: number;
      // archiver wraps the worksheet in readable-stream 2's PassThrough, which has only these.
      _writableState?: { length?: number };
      _readableState?: { length?: number };
    }>;
  };
}

/**
 * Bytes of a worksheet not yet taken by the zip's deflate: in exceljs' own buffers, and in the stream
 * archiver reads it through. Internal fields, read defensively: if they change, this reads 0 and the
 * export still works, only without the bound.
 */
function queued(sheet: ExcelJS.Worksheet | null): number {
  const stream = (sheet as unknown as QueueProbe | null)?.stream;
  if (!stream) return 0;
  const own = (stream.buffers ?? []).reduce((n, b) => n + (b.length ?? 0), 0);
  const piped = (stream.pipes ?? []).reduce(
    (n, p) =>
      n +
      (p.writableLength ?? p._writableState?.length ?? 0) +
      (p.readableLength ?? p._readableState?.length ?? 0),
    0,
  );
  return own + piped;
}

function xlsxSink(file: AtomicFile): Sink {
  // Rows are committed as they are written and no shared-string table is kept, so memory stays flat.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file.temp,
    useSharedStrings: false,
    useStyles: false,
  });
  let header: string[] = [];
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsInSheet = 0;
  let sheets = 0;
  const nextSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? 'records' : `records ${sheets}`);
    sheet.addRow(header.map(xlsxText)).commit();
    rowsInSheet = 0;
  };
  return {
    begin(h) {
      header = h;
      nextSheet();
    },
    async records(records) {
      for (const r of records) {
        if (rowsInSheet >= XLSX_ROWS_PER_SHEET) nextSheet();
        const cells = EXPORT_COLUMNS.map((c) => {
          const v = c.value(r);
          return typeof v === 'string' ? xlsxText(v) : v;
        });
        sheet!.addRow(cells).commit();
        rowsInSheet++;
      }
      // exceljs writes committed rows into the zip's input with no backpressure: wait while more than a
      // few MB wait there to be compressed, or memory grows with the export on a slow or busy machine.
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (let waited = 0; queued(sheet) > XLSX_MAX_QUEUED && waited < 10_000; waited += 5)
        await new Promise<void>((resolve) => setTimeout(resolve, 5));
    },
    async end() {
      sheet?.commit();
      await workbook.commit();
    },
  };
}

export async function exportRecords(
  vault: OpenVault,
  input: OpParsedInput<'records.export'>,
  job: JobContext,
  dataDir: string | null,
): Promise<RecordExportResult> {
  const target = pathOf(input.file);
  // Never onto the vault, its keyring, a backup or the registry, nor through a link (and again at the end).
  const scope = { vault, dataDir };
  guardWrite(target, scope);
  const db = vault.db;
  const sql = selectionSql(input);
  job.progress(0, null, 'counting');
  const total = countSelection(db, sql, null);
  job.progress(0, total, 'writing');

  let file: AtomicFile;
  try {
    file = openAtomic(target);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: target,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  const sink =
    input.format === 'json'
      ? jsonSink(file)
      : input.format === 'xlsx'
        ? xlsxSink(file)
        : csvSink(file, input.format === 'csv' ? 'utf-8' : 'gb18030');
  const where = [...sql.where, `${sql.idColumn} > ?`];
  const chunk = db.prepare(
    `SELECT ${CUSTOMER_ROW_COLUMNS} FROM ${sql.from} WHERE ${where.join(' AND ')}
      ORDER BY ${sql.idColumn} LIMIT ${CHUNK}`,
  );

  let count = 0;
  try {
    sink.begin(EXPORT_COLUMNS.map((c) => (input.headers === 'zh-CN' ? c.zh : c.en)));
    let after = 0;
    while (!sql.empty) {
      const rows = chunk.all(...sql.args, after) as CustomerRow[];
      if (rows.length === 0) break;
      await sink.records(recordsFromRows(db, rows));
      count += rows.length;
      after = rows[rows.length - 1].id;
      job.progress(count, total);
      await job.checkpoint();
    }
    await sink.end();
    await job.checkpoint();
    guardWrite(target, scope);
    file.commit();
  } catch (error) {
    file.abort();
    if (error instanceof EngineError) throw error;
    throw new EngineError('WRITE_FAILED', {
      path: target,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }

  const { size } = statSync(target);
  try {
    // Which records left the vault and how (never the path, the search text or any value).
    vault.change(
      () => ({
        op: 'records.export',
        params: {
          format: input.format,
          searched: (input.query ?? '').trim() !== '',
          filter: input.filter ?? {},
        },
        counts: { records: count },
        outcome: 'ok',
      }),
      // Where the file went, for the wipe (the outputs register, never the audit chain).
      () => recordOutputs(vault.db, 'records-export', [target], vault.actor.userName),
    );
  } catch (error) {
    // An export the audit chain cannot record does not stay on disk.
    rmSync(target, { force: true });
    throw error;
  }
  return { path: target, format: input.format, count, bytes: size };
}
