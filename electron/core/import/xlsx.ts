// XLSX: the workbook's parts are read by random access through yauzl (zip.ts: limits before and while
// inflating), the sheet XML is parsed by our streaming reader on saxes (sheet-xml.ts), rows go through
// the table assembler (title rows and blank rows above the header are detected there).
//
// - Every worksheet is listed (name, state, size) so the window can offer a choice; the default is the
//   first visible one.
// - Dates: a number in a date format (the styles part's own formats, Excel's built-in ones including the
//   Chinese ids 27–36 and 50–58) becomes YYYY-MM-DD from its UTC fields, so no timezone drift. A formula's
//   cached result in a date format is a date too.
// - Merged cells: the value lives in the top-left cell only, and that is what is read.
// - Rich text → its plain text; formulas → their cached result; errors → their code (#N/A).
// - Shared strings are parsed here (shared-strings.ts), limited in count and size; a preview reads only
//   as many of them as its first rows use.
// - Whatever program wrote it: namespace prefixes (x:), rows and cells without `r`, inline strings.
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { EngineError } from '../kernel/engine-error';
import type { ReaderContext } from './context';
import { columnLetter } from './header';
import { SharedStringsLimitError, SharedStringsParser } from './shared-strings';
import { aggregateKind } from './summary-rows';
import { SheetXmlError, SheetXmlReader, type RawCell } from './sheet-xml';
import { zipRefusal } from './sniff';
import { TableAssembler, type TableRecord } from './table';
import type { SheetInfo } from './types';
import { cellJson, cellText, styleFormats } from './xlsx-cells';
import { decodeOoxmlEscapes, elements } from './xml-text';
import { checkPart, closeZip, readEntry, readZipDirectory, type ZipDirectory, type ZipEntry } from './zip';

const SMALL_PART = 64 * 1024 * 1024;

interface WorkbookSheet extends SheetInfo {
  path: string;
}

export interface Workbook {
  zip: ZipDirectory;
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
  wb: Pick<Workbook, 'zip'>,
  entry: ZipEntry,
  onBytes?: (n: number) => void,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of readEntry(wb.zip, entry, onBytes)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function smallPart(wb: Pick<Workbook, 'zip'>, path: string, limits: ReaderContext['limits']) {
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
export async function openWorkbook(ctx: Pick<ReaderContext, 'file' | 'limits'>): Promise<Workbook> {
  const zip = await readZipDirectory(ctx.file, ctx.limits);
  try {
    const refusal = zipRefusal(zip.entries.keys());
    if (refusal) throw new EngineError('INPUT_NOT_SUPPORTED', { path: ctx.file, reason: refusal });
    const wb = { zip };
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
      sheets,
      date1904,
      sharedStrings: partOf(/\/sharedStrings$/),
      styles: partOf(/\/styles$/),
    };
  } catch (error) {
    closeZip(zip);
    throw error;
  }
}

export function closeWorkbook(wb: Workbook): void {
  closeZip(wb.zip);
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

function record(line: number, raw: RawCell[], strings: string[] | null, date1904: boolean): TableRecord {
  const cells: string[] = [];
  const json: Record<string, unknown> = {};
  let problem: TableRecord['problem'];
  let aggregate: TableRecord['aggregate'] = null;
  for (const c of raw) {
    let value = c.value;
    if (typeof value === 'object' && value !== null && 'formula' in value) {
      const kind = aggregateKind(String((value as { formula: unknown }).formula ?? ''));
      if (kind) aggregate = aggregate === 'subtotal' ? aggregate : kind;
    }
    if (strings && typeof value === 'object' && value !== null && 'sharedString' in value)
      value = strings[(value as { sharedString: number }).sharedString] ?? '';
    // A date cell (t="d") whose text is not a date reads as empty: say so.
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
  return { line, cells, raw: JSON.stringify(json), problem, aggregate };
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

  let formats: Array<string | undefined> = [];
  if (wb.styles) {
    checkPart(wb.zip, wb.styles, Math.min(SMALL_PART, limits.maxPartBytes), limits);
    let xml = '';
    for await (const text of partText(wb, wb.styles, onBytes)) xml += text;
    formats = styleFormats(xml);
    nextPart();
  }

  // A full read needs every shared string before the first row; a preview reads its rows first and then
  // only the strings they use.
  const strings = preview ? null : await readSharedStrings(wb, file, limits, Infinity, onBytes);
  if (!preview) nextPart();

  const table = new TableAssembler(out, {
    headerRow: options.headerRow,
    sheet: sheet.name,
    strictWidth: false,
  });
  const reader = new SheetXmlReader(
    (style) => formats[style],
    wb.date1904,
    (col, line) => {
      if (col > limits.maxColumns)
        throw new EngineError('INPUT_TOO_LARGE', {
          path: file,
          limit: `${limits.maxColumns} columns`,
          reason: `row ${line} has a value in column ${columnLetter(col - 1)} (${col})`,
        });
    },
  );
  const notWellFormed = (error: SheetXmlError) =>
    unreadable(file, `the XML of sheet "${sheet.name}" is not well-formed (${error.message})`);

  let rows = 0;
  const held: Array<{ line: number; cells: RawCell[] }> = [];
  const holdLimit = preview ? (options.maxRows ?? 0) + 130 : 0;
  let more = false;
  let ended = true;
  try {
    outer: for await (const text of partText(wb, sheetEntry, onBytes)) {
      reader.write(text);
      const ready = reader.rows;
      reader.rows = [];
      for (const row of ready) {
        if (++rows > limits.maxRows)
          throw new EngineError('INPUT_TOO_LARGE', {
            path: file,
            limit: `${limits.maxRows} rows`,
            reason: `sheet "${sheet.name}" has more rows than that`,
          });
        if (preview) {
          if (held.length >= holdLimit) {
            more = true;
            ended = false;
            break outer;
          }
          held.push(row);
        } else table.add(record(row.line, row.cells, strings, wb.date1904));
      }
      await out.tick(progress(), total);
      if (out.done) {
        ended = false;
        break;
      }
    }
    if (ended) reader.end();
  } catch (error) {
    if (error instanceof SheetXmlError) throw notWellFormed(error);
    throw error;
  }
  // XML cut short inside a valid ZIP entry ends without an error from every parser: say so.
  if (ended && !reader.complete)
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
