// XLSX: the workbook's parts are read by random access from our own ZIP reader (zip.ts: limits before and
// while inflating), the sheet XML is parsed by exceljs's streaming WorksheetReader, rows go through the
// table assembler (title rows and blank rows above the header are detected there).
//
// - Every worksheet is listed (name, state, size) so the window can offer a choice; the default is the
//   first visible one.
// - Dates: exceljs gives a Date for a date-formatted cell; it becomes YYYY-MM-DD (from its UTC fields, so
//   no timezone drift). Excel's built-in Chinese date formats (ids 27–36, 50–58), which exceljs does not
//   know, are added to its style table first. A formula's cached result in a date format is a date too.
// - Merged cells: the value lives in the top-left cell only, and that is what is read (a merged title
//   is one cell in column A; the other cells of a merged block are empty).
// - Rich text → its plain text; formulas → their cached result; errors → their code (#N/A).
// - Shared strings are parsed here (shared-strings.ts), limited in count and size; a preview reads only
//   as many of them as its first rows use.
//
// exceljs's WorksheetReader is reached through its WorkbookReader's internal _parseStyles and
// _parseWorksheet (typed below): its public reader wants the whole file as one forward-only stream, which
// would inflate parts before any limit could be checked, spools sheets that precede the shared strings to
// temporary files, and decodes UTF-8 chunk by chunk without carrying split characters over.
import { open, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS, { type Row } from 'exceljs';
import { EngineError } from '../kernel/engine-error';
import type { ReaderContext } from './context';
import { columnLetter } from './header';
import { SharedStringsLimitError, SharedStringsParser } from './shared-strings';
import { zipRefusal } from './sniff';
import { TableAssembler, type TableRecord } from './table';
import type { SheetInfo } from './types';
import { CJK_DATE_FORMATS, cellJson, cellText } from './xlsx-cells';
import { decodeOoxmlEscapes, elements } from './xml-text';
import { checkPart, readEntry, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip';

interface StyleManagerInternals {
  index?: { numFmt?: Record<number, string | undefined> };
}

interface WorksheetReaderInternals {
  parse(): AsyncGenerator<Array<{ eventType: string; value: unknown }>>;
}

interface WorkbookReaderInternals {
  styles: StyleManagerInternals;
  sharedStrings?: string[];
  properties?: { model?: { date1904?: boolean } };
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: WorksheetReaderInternals }>;
}

const SMALL_PART = 64 * 1024 * 1024;

interface WorkbookSheet extends SheetInfo {
  path: string;
}

export interface Workbook {
  zip: ZipDirectory;
  handle: FileHandle;
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

function unreadable(file: string, reason: string): EngineError {
  return new EngineError('INPUT_UNREADABLE', { path: file, reason });
}

/** UTF-8 text of a part, chunk by chunk, characters split between chunks kept whole. */
async function* partText(
  wb: Pick<Workbook, 'zip' | 'handle'>,
  entry: ZipEntry,
  onBytes?: (n: number) => void,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of readEntry(wb.zip, wb.handle, entry, onBytes)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function smallPart(
  wb: Pick<Workbook, 'zip' | 'handle'>,
  path: string,
  limits: ReaderContext['limits'],
) {
  const entry = wb.zip.entries.get(path);
  if (!entry) return null;
  checkPart(wb.zip, entry, Math.min(SMALL_PART, limits.maxPartBytes), limits);
  let text = '';
  for await (const piece of partText(wb, entry)) text += piece;
  return text;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function relationships(xml: string | null) {
  return (xml ? elements(xml, 'Relationship') : []).map((r) => ({
    id: r.Id ?? '',
    type: r.Type ?? '',
    target: r.Target ?? '',
    external: r.TargetMode === 'External',
  }));
}

/** Opens the workbook: ZIP directory (checked), workbook part, relationships. Nothing large is inflated. */
export async function openWorkbook(ctx: Pick<ReaderContext, 'file' | 'size' | 'limits'>): Promise<Workbook> {
  const handle = await open(ctx.file, 'r');
  try {
    const zip = await readZipDirectory(handle, ctx.size, ctx.file, ctx.limits);
    const refusal = zipRefusal(zip.entries.keys());
    if (refusal) throw new EngineError('INPUT_NOT_SUPPORTED', { path: ctx.file, reason: refusal });
    const wb = { zip, handle };
    const rootRels = relationships(await smallPart(wb, '_rels/.rels', ctx.limits));
    const office = rootRels.find((r) => /\/officeDocument$/.test(r.type));
    const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
    const workbookXml = await smallPart(wb, workbookPath, ctx.limits);
    if (workbookXml === null) throw unreadable(ctx.file, `the workbook part ${workbookPath} is missing`);
    const rels = relationships(await smallPart(wb, relsPathOf(workbookPath), ctx.limits)).filter(
      (r) => !r.external,
    );
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: WorkbookSheet[] = [];
    for (const sheet of elements(workbookXml, 'sheet')) {
      const idKey = Object.keys(sheet).find((k) => /(^|:)id$/.test(k) && k !== 'sheetId');
      const rel = idKey ? byId.get(sheet[idKey]) : undefined;
      if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart sheets and dialog sheets hold no rows
      const path = resolveTarget(workbookPath, rel.target);
      sheets.push({
        name: sheet.name ?? path,
        state: sheet.state ?? 'visible',
        bytes: zip.entries.get(path)?.uncompressedSize ?? 0,
        path,
      });
    }
    const pr = elements(workbookXml, 'workbookPr')[0];
    const date1904 = pr?.date1904 === '1' || pr?.date1904 === 'true';
    const partOf = (type: RegExp) => {
      const rel = rels.find((r) => type.test(r.type));
      return rel ? (zip.entries.get(resolveTarget(workbookPath, rel.target)) ?? null) : null;
    };
    return {
      zip,
      handle,
      sheets,
      date1904,
      sharedStrings: partOf(/\/sharedStrings$/),
      styles: partOf(/\/styles$/),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function chooseSheet(wb: Workbook, file: string, wanted: string | undefined): WorkbookSheet {
  if (wanted !== undefined) {
    const exact = wb.sheets.find((s) => s.name === wanted);
    const loose = wb.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    const sheet = exact ?? loose;
    if (!sheet) throw new EngineError('INPUT_SHEET_NOT_FOUND', { path: file, sheet: wanted });
    return sheet;
  }
  const sheet = wb.sheets.find((s) => s.state === 'visible') ?? wb.sheets[0];
  if (!sheet) throw unreadable(file, 'the workbook has no worksheets');
  return sheet;
}

async function readSharedStrings(
  wb: Workbook,
  file: string,
  limits: ReaderContext['limits'],
  stopAfter: number,
  onBytes: (n: number) => void,
): Promise<string[]> {
  const entry = wb.sharedStrings;
  if (!entry || stopAfter <= 0) return [];
  const parser = new SharedStringsParser(limits.maxSharedStrings, stopAfter);
  try {
    for await (const text of partText(wb, entry, onBytes)) {
      parser.write(text);
      if (parser.done) break;
    }
  } catch (error) {
    if (error instanceof SharedStringsLimitError)
      throw new EngineError('INPUT_TOO_LARGE', {
        path: file,
        limit: `${limits.maxSharedStrings} shared strings`,
        reason: `the workbook's shared-strings table holds ${parser.declaredCount ?? 'more than that many'} strings, all of which would have to be kept in memory; save the sheet as CSV (UTF-8) and import that`,
      });
    throw error;
  }
  return parser.strings;
}

/** A cell as exceljs gives it: value plus number format (for formula results in a date format). */
interface RawCell {
  col: number;
  value: unknown;
  numFmt: string | undefined;
}

function rowCells(row: Row, file: string, maxColumns: number): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (col > maxColumns)
      throw new EngineError('INPUT_TOO_LARGE', {
        path: file,
        limit: `${maxColumns} columns`,
        reason: `row ${row.number} has a value in column ${columnLetter(col - 1)} (${col})`,
      });
    let value: unknown = cell.value;
    // exceljs's formula value drops a cached result that is 0, '' or false; its model keeps it.
    if (typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value))
      value = { ...(value as object), result: (cell.model as { result?: unknown }).result };
    cells.push({ col, value, numFmt: cell.numFmt });
  });
  return cells;
}

function record(line: number, raw: RawCell[], strings: string[] | null, date1904: boolean): TableRecord {
  const cells: string[] = [];
  const json: Record<string, unknown> = {};
  let problem: TableRecord['problem'];
  for (const c of raw) {
    let value = c.value;
    if (strings && typeof value === 'object' && value !== null && 'sharedString' in value)
      value = strings[(value as { sharedString: number }).sharedString] ?? '';
    // A cell exceljs could not turn into a date (an ISO text date, t="d") reads as empty: say so.
    if (value instanceof Date && Number.isNaN(value.getTime()))
      problem ??= {
        kind: 'undecodable',
        reason: `cell ${columnLetter(c.col - 1)}${line} holds a date Closeout cannot read`,
      };
    const text = decodeOoxmlEscapes(cellText(value, c.numFmt, date1904));
    cells[c.col - 1] = text;
    json[columnLetter(c.col - 1)] = cellJson(value, text);
  }
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  return { line, cells, raw: JSON.stringify(json), problem };
}

/** Reads the chosen sheet into the collector; returns the table (its `leading` rows serve previews). */
export async function readXlsx(ctx: ReaderContext, wb: Workbook): Promise<TableAssembler> {
  const { out, options, limits, file } = ctx;
  const sheet = chooseSheet(wb, file, options.sheet);
  out.result.sheets = wb.sheets.map(({ name, state, bytes }) => ({ name, state, bytes }));
  out.result.sheet = sheet.name;
  const sheetEntry = wb.zip.entries.get(sheet.path);
  if (!sheetEntry) throw unreadable(file, `the part ${sheet.path} of sheet "${sheet.name}" is missing`);
  checkPart(wb.zip, sheetEntry, limits.maxPartBytes, limits);
  if (wb.sharedStrings)
    checkPart(
      wb.zip,
      wb.sharedStrings,
      Math.min(limits.maxPartBytes, limits.maxSharedStringsBytes),
      limits,
      'of shared strings',
    );

  const preview = options.maxRows !== undefined;
  const total =
    sheetEntry.uncompressedSize +
    (wb.styles?.uncompressedSize ?? 0) +
    (preview ? 0 : (wb.sharedStrings?.uncompressedSize ?? 0));
  let before = 0;
  let current = 0;
  const onBytes = (n: number) => (current = n);
  const progress = () => before + current;
  const nextPart = () => ((before += current), (current = 0));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;
  reader.properties = { model: { date1904: wb.date1904 } };
  if (wb.styles) {
    checkPart(wb.zip, wb.styles, Math.min(SMALL_PART, limits.maxPartBytes), limits);
    await reader._parseStyles(Readable.from(partText(wb, wb.styles, onBytes)));
    nextPart();
  }
  const numFmts = reader.styles.index?.numFmt;
  if (numFmts) for (const [id, format] of Object.entries(CJK_DATE_FORMATS)) numFmts[Number(id)] ??= format;

  // A full read needs every shared string before the first row; a preview reads its rows first and then
  // only the strings they use.
  const strings = preview ? null : await readSharedStrings(wb, file, limits, Infinity, onBytes);
  if (!preview) nextPart();
  reader.sharedStrings = strings ?? undefined;

  const table = new TableAssembler(out, {
    headerRow: options.headerRow,
    sheet: sheet.name,
    strictWidth: false,
  });
  // The sheet's text, remembering how it ends: XML cut short inside a valid ZIP entry parses without an
  // error, so the closing </worksheet> is checked for.
  let tail = '';
  const sheetText = async function* () {
    for await (const text of partText(wb, sheetEntry, onBytes)) {
      tail = (tail + text).slice(-64);
      yield text;
    }
  };
  const iterator = reader._parseWorksheet(sheetText(), '1').next();
  if (iterator.done) throw unreadable(file, 'exceljs gave no worksheet reader');
  const worksheet = iterator.value.value;

  let lastLine = 0;
  let rows = 0;
  const held: Array<{ line: number; cells: RawCell[] }> = [];
  const holdLimit = preview ? (options.maxRows ?? 0) + 130 : 0;
  let more = false;
  let ended = true;
  outer: for await (const events of worksheet.parse()) {
    for (const event of events) {
      if (event.eventType !== 'row') continue;
      const row = event.value as Row;
      let line = row.number;
      if (!Number.isFinite(line) || line <= lastLine) line = lastLine + 1;
      lastLine = line;
      if (++rows > limits.maxRows)
        throw new EngineError('INPUT_TOO_LARGE', {
          path: file,
          limit: `${limits.maxRows} rows`,
          reason: `sheet "${sheet.name}" has more rows than that`,
        });
      const cells = rowCells(row, file, limits.maxColumns);
      if (preview) {
        if (held.length >= holdLimit) {
          more = true;
          ended = false;
          break outer;
        }
        held.push({ line, cells });
      } else table.add(record(line, cells, null, wb.date1904));
    }
    await out.tick(progress(), total);
    if (out.done) {
      ended = false;
      break;
    }
  }
  if (ended && !/<\/([\w.-]+:)?worksheet>\s*$/.test(tail))
    throw unreadable(file, `the XML of sheet "${sheet.name}" ends before </worksheet> (the file is damaged)`);

  if (preview) {
    let maxIndex = -1;
    for (const h of held)
      for (const c of h.cells)
        if (typeof c.value === 'object' && c.value !== null && 'sharedString' in c.value)
          maxIndex = Math.max(maxIndex, (c.value as { sharedString: number }).sharedString);
    nextPart();
    const previewStrings = await readSharedStrings(wb, file, limits, maxIndex + 1, () => undefined);
    for (const h of held) {
      table.add(record(h.line, h.cells, previewStrings, wb.date1904));
      if (out.done) break;
    }
    if (more && !out.done) out.result.truncated = true;
  }
  if (!out.done) table.finish();
  await out.drain();
  return table;
}
