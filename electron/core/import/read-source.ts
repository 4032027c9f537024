// readSource / previewSource: sniff the file (content first, name second), refuse what is not a customer
// file with one clear error, and hand the rest to the reader for its format.
import { open, stat } from 'node:fs/promises';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { RowCollector } from './collector';
import type { TextReaderContext } from './context';
import { readCsv } from './csv';
import { createDecoder, detectEncoding, isKnownEncoding, sampleFile, utf8Break } from './encoding';
import { readJson, readJsonLines } from './json';
import { resolveLimits } from './limits';
import { extensionOf, formatFromName, looksBinary, sniffMagic, textFormat, textRefusal } from './sniff';
import type { TableAssembler } from './table';
import type { ReadOptions, ReadResult, RowSink, SourceFormat, SourcePreview, SourceRow } from './types';
import { readVCard } from './vcard';
import { closeWorkbook, openWorkbook, readXlsx } from './xlsx';

const DEFAULT_PREVIEW_ROWS = 50;

function invalid(detail: string): EngineError {
  return new EngineError('INVALID_INPUT', { detail });
}

function checkOptions(options: ReadOptions): void {
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding))
    throw invalid(`unknown encoding ${options.encoding}`);
  if (
    options.delimiter !== undefined &&
    (options.delimiter.length !== 1 || /["\r\n]/.test(options.delimiter))
  )
    throw invalid('the delimiter must be one character other than a quote or a line break');
  if (options.headerRow !== undefined && !(Number.isSafeInteger(options.headerRow) && options.headerRow >= 0))
    throw invalid('headerRow must be a whole number ≥ 0');
  if (options.maxRows !== undefined && !(Number.isSafeInteger(options.maxRows) && options.maxRows >= 0))
    throw invalid('maxRows must be a whole number ≥ 0');
}

function fileError(file: string, error: unknown): EngineError {
  const e = error as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOENT'
      ? 'it does not exist'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'EISDIR'
          ? 'it is a folder'
          : (e.message ?? String(error));
  return new EngineError('FILE_UNREADABLE', { path: file, reason });
}

const isIoError = (error: unknown) =>
  typeof (error as NodeJS.ErrnoException)?.code === 'string' &&
  /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);

interface Run {
  result: ReadResult;
  table: TableAssembler | null;
}

async function run(
  file: string,
  options: ReadOptions,
  onRow: RowSink,
  job: JobContext | undefined,
): Promise<Run> {
  checkOptions(options);
  const limits = resolveLimits(options.limits);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw Object.assign(new Error('not a file'), { code: info.isDirectory() ? 'EISDIR' : 'EINVAL' });
    size = info.size;
  } catch (error) {
    throw fileError(file, error);
  }
  const named = formatFromName(file);

  if (size === 0) {
    const out = new RowCollector(options.format ?? named ?? 'csv', 0, options, onRow, job);
    out.note('empty-file', 'the file is empty (0 bytes): there is nothing to import');
    return { result: out.result, table: null };
  }

  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileError(file, error);
  }
  let sampled;
  try {
    sampled = await sampleFile(handle, size);
  } catch (error) {
    throw fileError(file, error);
  } finally {
    await handle.close();
  }
  const { head, sample } = sampled;

  const verdict = sniffMagic(head);
  if (verdict.kind === 'refuse')
    throw new EngineError('INPUT_NOT_SUPPORTED', { path: file, reason: verdict.reason });

  try {
    if (verdict.kind === 'zip') {
      if (options.format !== undefined && options.format !== 'xlsx')
        throw new EngineError('INPUT_NOT_SUPPORTED', {
          path: file,
          reason: `a ZIP file (a workbook or an archive), not ${options.format.toUpperCase()} text`,
        });
      const out = new RowCollector('xlsx', size, options, onRow, job);
      if (named && named !== 'xlsx')
        out.note(
          'extension-mismatch',
          `the name says ${extensionOf(file)} but the content is an XLSX workbook`,
        );
      const wb = await openWorkbook({ file, limits });
      try {
        const table = await readXlsx({ file, size, options, limits, out }, wb);
        return { result: finish(out), table };
      } finally {
        closeWorkbook(wb);
      }
    }

    // Binary or not is decided on the detected encoding, whatever encoding the person chose to read with.
    const detected = detectEncoding(sample).encoding;
    const encoding = options.encoding ?? detected;
    // UTF-8 lines, then lines in another encoding: one clear answer naming the line, never "binary".
    if (options.encoding === undefined || encoding === 'utf-8') {
      const broken = utf8Break(head);
      if (broken)
        throw new EngineError('INPUT_MIXED_ENCODING', {
          path: file,
          line: broken.line,
          encoding: 'UTF-8',
          other: broken.other,
        });
    }
    if (looksBinary(createDecoder(detected).write(head)))
      throw new EngineError('INPUT_NOT_SUPPORTED', {
        path: file,
        reason: 'binary data, not text or a workbook (a program, an image, an archive or a damaged file)',
      });
    const text = createDecoder(encoding).write(head);
    const refusal = textRefusal(text);
    if (refusal) throw new EngineError('INPUT_NOT_SUPPORTED', { path: file, reason: refusal });
    const format: SourceFormat = options.format ?? textFormat(text, file);
    if (format === 'xlsx')
      throw new EngineError('INPUT_NOT_SUPPORTED', { path: file, reason: 'text, not an XLSX workbook' });
    const out = new RowCollector(format, size, options, onRow, job);
    if (named && named !== format && !(named === 'json' && format === 'jsonl'))
      out.note(
        'extension-mismatch',
        `the name says ${extensionOf(file)} but the content reads as ${format.toUpperCase()}`,
      );
    const ctx: TextReaderContext = {
      file,
      size,
      options,
      limits,
      out,
      encoding,
      sample: text,
      sampleComplete: size <= head.length,
      checkMix: options.encoding === undefined,
    };
    let table: TableAssembler | null = null;
    if (format === 'csv') table = await readCsv(ctx, ['.tsv', '.tab'].includes(extensionOf(file)));
    else if (format === 'json') await readJson(ctx);
    else if (format === 'jsonl') await readJsonLines(ctx);
    else await readVCard(ctx);
    return { result: finish(out), table };
  } catch (error) {
    if (error instanceof EngineError) throw error;
    if (isIoError(error)) throw fileError(file, error);
    // Whatever else goes wrong inside a workbook's package is the file's fault; its message (a library's
    // internals) is not for the person importing.
    if (verdict.kind === 'zip')
      throw new EngineError('INPUT_UNREADABLE', {
        path: file,
        reason:
          'its parts could not be read as a workbook (damaged, or not written as XLSX); open it in Excel or WPS and save it again',
      });
    throw error;
  }
}

function finish(out: RowCollector): ReadResult {
  const r = out.result;
  if (r.rowsRead === 0 && !r.truncated)
    out.note(
      'no-rows',
      r.blankRows > 0
        ? `no customer rows: the ${r.blankRows} row(s) below the header are blank`
        : 'no customer rows were found',
    );
  return r;
}

/**
 * Reads `file` into a stream of source rows: `onRow` is called (and awaited when it returns a promise)
 * for every row, in file order. Nothing is lost silently: rowsRead === rowsEmitted + rowsRejected, and
 * every rejected or flagged row is in `problems`. With a job, progress is reported in bytes of the file
 * (phase 'reading') and cancellation is honoured every few thousand rows.
 */
export async function readSource(
  file: string,
  options: ReadOptions,
  onRow: RowSink,
  job?: JobContext,
): Promise<ReadResult> {
  return (await run(file, options, onRow, job)).result;
}

/**
 * The first `rows` rows (default 50) with what was detected (format, encoding, delimiter, sheets, header
 * row), for the mapping step; reads only as much of the file as that needs.
 */
export async function previewSource(
  file: string,
  options: ReadOptions & { rows?: number } = {},
): Promise<SourcePreview> {
  const { rows: wanted, ...rest } = options;
  const rows: SourceRow[] = [];
  const { result, table } = await run(
    file,
    { ...rest, maxRows: wanted ?? DEFAULT_PREVIEW_ROWS },
    (row) => {
      rows.push(row);
    },
    undefined,
  );
  return { ...result, rows, leading: table?.leading ?? [] };
}
