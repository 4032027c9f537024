// import.preview and import.run: customer files → customer records in the vault.
//
// The run is ONE transaction for every file of the call: rows are written as they are read (prepared
// statements, nothing collected in memory), each classified under the current rules as it is written,
// then one audit entry is appended; a cancel, any error or the process dying leaves the vault exactly as it was. Rows a reader
// could not read, and rows that name no one, go to the quarantine table with file, row and reason, so
// rowsRead === imported + quarantined for every file.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { OpParsedInput } from '../../../shared/contract';
import type { ColumnMapping, ColumnTarget, CustomerField } from '../../../shared/customer';
import {
  LAST_MAPPING,
  type ImportInputResult,
  type ImportPreview,
  type ImportRunResult,
  type QuarantineItem,
} from '../../../shared/contract';
import { duplicateTargets, fieldForHeader } from '../../../shared/mapping';
import { fieldList, IDENTIFYING_FIELDS, recordFields } from '../../../shared/customer/columns';
import { parseExtra } from '../records/record-view';
import { sha256File } from '../backup/file-hash';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { ImportClassifier } from '../classification/classify';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { collectGarbage } from '../util/collect-garbage';
import { pathOf } from '../util/file-ref';
import { readMapping, writeMapping } from './mappings';
import { normaliseRecord, phoneSeriesOf, type PreparedMapping } from './normalise-record';
import { previewSource, readSource } from './read-source';
import { deferIndexes, Writer } from './row-writer';
import type { ReadOptions, RowProblem } from './types';
import { isZipFile, surveyWorkbook } from './workbook-survey';
import type { CustomerTally } from '../compliance/customer-tally';

type ImportInput = OpParsedInput<'import.preview'>;
type ImportItem = OpParsedInput<'import.run'>['inputs'][number];

/**
 * The sheets one input imports: the ones named (`sheets`, or `sheet`), else every sheet that holds
 * customers; [undefined] for a file that is not a workbook, or a workbook where none is recognised (its
 * first visible sheet is read, and says what it found).
 */
async function sheetsToImport(path: string, item: ImportItem): Promise<Array<string | undefined>> {
  const named = item.sheets ?? (item.sheet !== undefined ? [item.sheet] : null);
  // Sheets named for every input of a call (the CLI's --sheet) mean nothing to a CSV among them.
  if (named) return (await isZipFile(path)) ? [...new Set(named)] : [undefined];
  const survey = await surveyWorkbook(path, readOptions(item), false);
  const customers = (survey ?? []).filter((s) => s.holdsCustomers).map((s) => s.name);
  return customers.length > 0 ? customers : [undefined];
}

const PREVIEW_ROWS = 20;
/** Quarantined rows listed in the result per file; all of them are in the vault. */
const LISTED_QUARANTINE = 100;
const PROGRESS_EVERY_ROWS = 1000;
/**
 * Rows between the full collections a large import asks for: the garbage of rows that outlived the young
 * generation is freed long before V8's own first full collection (the bench at 1M rows: peak RSS 465 MB
 * without, 358 MB with; CPU 220 s without, 211 s with).
 */
const COLLECT_EVERY_ROWS = 50_000;
/**
 * The import's page cache, in KiB (negative: SQLite's way of giving it in KiB): half the other jobs'
 * cache. New rows are appended, the kept indexes grow at their right edge and the random-key ones are
 * built afterwards, so a larger cache saves little; the whole of it is resident until the import ends.
 */
const IMPORT_CACHE_KIB = -65536;

function readOptions(input: ImportInput): ReadOptions {
  const options: ReadOptions = {};
  if (input.sheet !== undefined) options.sheet = input.sheet;
  if (input.encoding !== undefined) options.encoding = input.encoding;
  if (input.delimiter !== undefined) options.delimiter = input.delimiter;
  if (input.headerRow !== undefined) options.headerRow = input.headerRow;
  return options;
}

function checkMapping(file: string, mapping: ColumnMapping | undefined): void {
  if (!mapping) return;
  const twice = duplicateTargets(mapping);
  if (twice.length > 0)
    throw new EngineError('IMPORT_MAPPING_INVALID', {
      file,
      reason: `more than one column is mapped to ${twice.join(', ')}`,
    });
}

/** The same file, or for a workbook the same sheet of it: a sheet is a source of its own. */
function alreadyImported(
  db: VaultDb,
  sha256: string,
  sheet: string | null,
): { at: string; name: string } | null {
  const row = db
    .prepare(
      'SELECT imported_at AS at, name FROM sources WHERE sha256 = ? AND (? IS NULL OR sheet IS NULL OR sheet = ?) ORDER BY imported_at LIMIT 1',
    )
    .get(sha256, sheet, sheet) as { at: string; name: string } | undefined;
  return row ?? null;
}

/**
 * The mapping of one file as its rows arrive: what the person chose (or the client's last mapping) for
 * the headers it names, the automatic suggestion for the others, each field at most once. JSON keys can
 * first appear deep in a file, so headers are resolved when they are first seen, not up front.
 */
class MappingResolver {
  readonly mapping: ColumnMapping = {};
  readonly prepared: PreparedMapping = { fields: new Map(), skipped: new Set(), phoneSeries: null };
  private readonly taken = new Set<CustomerField>();

  constructor(private readonly given: ColumnMapping | null) {}

  see(values: Record<string, string>): void {
    let fresh: string[] | null = null;
    for (const header in values) if (!(header in this.mapping)) (fresh ??= []).push(header);
    if (fresh) this.resolve(fresh);
  }

  /** New headers: the given mapping's choices first (they win over a suggestion), then suggestions. */
  resolve(headers: readonly string[]): void {
    const given = this.given;
    const named = (h: string) => given !== null && Object.prototype.hasOwnProperty.call(given, h);
    for (const header of headers) if (named(header)) this.assign(header, given![header]);
    for (const header of headers)
      if (!named(header) && !(header in this.mapping)) this.assign(header, fieldForHeader(header) ?? 'extra');
  }

  private assign(header: string, wanted: ColumnTarget): void {
    // Each field takes one column: the first one seen keeps it, later ones are kept as extra.
    const target = isField(wanted) && this.taken.has(wanted) ? 'extra' : wanted;
    this.mapping[header] = target;
    if (target === 'skip') this.prepared.skipped.add(header);
    else if (isField(target)) {
      this.taken.add(target);
      this.prepared.fields.set(header, target);
      if (target === 'phone') this.prepared.phoneSeries = phoneSeriesOf(header);
    }
  }
}

const isField = (target: ColumnTarget): target is CustomerField => target !== 'extra' && target !== 'skip';

/** The mapping a file starts from: the one given, else the client's last one, else none (suggested). */
function startingMapping(db: VaultDb, given: ColumnMapping | undefined) {
  if (given) return { mapping: given, from: 'given' as const };
  const saved = readMapping(db, LAST_MAPPING);
  return saved ? { mapping: saved, from: 'saved' as const } : { mapping: null, from: 'suggested' as const };
}

export async function previewImport(vault: OpenVault, input: ImportInput): Promise<ImportPreview> {
  const path = pathOf(input.file);
  const file = basename(path);
  checkMapping(file, input.mapping);
  const options = readOptions(input);
  const survey = await surveyWorkbook(path, options, true);
  // A workbook opens on its first sheet with customers (the suppliers may come first).
  if (survey && options.sheet === undefined) {
    const first = survey.find((s) => s.holdsCustomers);
    if (first) options.sheet = first.name;
  }
  const preview = await previewSource(path, { ...options, rows: PREVIEW_ROWS });
  const { sha256 } = await sha256File(path);
  const start = startingMapping(vault.db, input.mapping);
  const resolver = new MappingResolver(start.mapping);
  resolver.resolve(preview.headers);
  const today = new Date();
  const rows = preview.rows.map((row) => {
    resolver.see(row.values);
    const record = normaliseRecord(row, resolver.prepared, { today });
    return {
      row: row.line,
      sheet: row.sheet ?? null,
      values: row.values,
      record: { ...recordFields(record.columns), extra: parseExtra(record.columns.extra) },
      problems: record.problems,
      quarantine: record.quarantine,
      readerProblem: row.problem ?? null,
    };
  });
  return {
    file,
    bytes: preview.bytes,
    sha256,
    format: preview.format,
    encoding: preview.encoding ?? null,
    delimiter: preview.delimiter ?? null,
    sheet: preview.sheet ?? null,
    sheets: survey ?? [],
    headers: preview.headers,
    headerRow: preview.headerRow,
    mapping: resolver.mapping,
    mappingFrom: start.from,
    rows,
    problems: preview.problems.map((p) => quarantineItem(file, p)),
    notes: preview.notes.map((n) => ({ kind: n.kind, message: n.message })),
    alreadyImported: alreadyImported(vault.db, sha256, preview.sheet ?? null),
  };
}

const quarantineItem = (file: string, p: RowProblem): QuarantineItem => ({
  file,
  sheet: p.sheet ?? null,
  row: p.line,
  kind: p.kind,
  reason: p.reason,
});

const QUARANTINE_REASONS: Record<string, string> = {
  'no-identifying-field': `no ${fieldList(IDENTIFYING_FIELDS, 'en')}: the row names no one`,
};

export async function runImport(
  vault: OpenVault,
  input: OpParsedInput<'import.run'>,
  job: JobContext,
  now = new Date(),
  tally: CustomerTally | null = null,
): Promise<ImportRunResult> {
  const db = vault.db;
  // Everything that can be refused is refused before the transaction starts.
  const files: Array<{ item: ImportItem; path: string; file: string }> = [];
  for (const item of input.inputs) {
    const path = pathOf(item.file);
    checkMapping(basename(path), item.mapping);
    for (const sheet of await sheetsToImport(path, item))
      files.push({ item: { ...item, sheet }, path, file: basename(path) });
    await job.checkpoint();
  }
  const hashed: Array<{ sha256: string; size: number }> = [];
  for (const f of files) {
    try {
      hashed.push(await sha256File(f.path));
    } catch (error) {
      throw new EngineError('FILE_UNREADABLE', {
        path: f.path,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
    await job.checkpoint();
  }
  if (!input.allowSameSource) {
    const seen = new Map<string, string>();
    files.forEach((f, i) => {
      const sheet = f.item.sheet ?? null;
      const before = alreadyImported(db, hashed[i].sha256, sheet);
      const name = sheet === null ? f.file : `${f.file} [${sheet}]`;
      if (before) throw new EngineError('IMPORT_SAME_SOURCE', { file: name, at: before.at });
      const key = `${hashed[i].sha256}\u0000${sheet ?? ''}`;
      if (seen.has(key))
        throw new EngineError('IMPORT_SAME_SOURCE', {
          file: name,
          at: `${now.toISOString()} (${seen.get(key)})`,
        });
      seen.set(key, f.file);
    });
  }

  const totalBytes = Math.max(
    1,
    hashed.reduce((sum, h) => sum + h.size, 0),
  );
  const at = now.toISOString();
  const results: ImportInputResult[] = [];
  let rowsDone = 0;
  let bytesBefore = 0;
  let bytesNow = 0;
  const report = () => {
    // Rows read so far and the rows the whole call will read, estimated from the bytes read: so the
    // runner's rate is rows per second and its ETA follows the files' bytes.
    const estimate = bytesNow > 0 ? Math.max(rowsDone, Math.round((rowsDone * totalBytes) / bytesNow)) : null;
    job.progress(rowsDone, estimate, 'importing');
  };
  const readerJob: JobContext = {
    id: job.id,
    signal: job.signal,
    checkpoint: () => job.checkpoint(),
    progress: (done) => {
      bytesNow = bytesBefore + done;
      report();
    },
  };

  // A larger page cache while the transaction grows: with SQLite's default (~8 MB) the cache spills
  // dirty pages, each encrypted and written to the WAL, and then reread for the next index insert.
  // Bounded (not a function of the file's size), and set back afterwards.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    // The rules are read (the defaults stored on first use) inside the transaction, like every write.
    const writer = new Writer(db, at, new ImportClassifier(db, now, tally));
    const deferred = deferIndexes(db, totalBytes);
    let lastMapping: ColumnMapping | null = null;
    for (const [i, f] of files.entries()) {
      const sourceId = randomUUID();
      const start = startingMapping(db, f.item.mapping);
      const resolver = new MappingResolver(start.mapping);
      db.prepare(
        `INSERT INTO sources (id, name, sha256, bytes, format, sheet, imported_at, imported_by, rows_read, imported, quarantined, mapping)
         VALUES (?, ?, ?, ?, '', ?, ?, ?, 0, 0, 0, '{}')`,
      ).run(
        sourceId,
        f.file,
        hashed[i].sha256,
        hashed[i].size,
        f.item.sheet ?? null,
        at,
        vault.actor.userName,
      );

      let imported = 0;
      let quarantined = 0;
      let hiddenCharacters = 0;
      let malformed = 0;
      const listed: QuarantineItem[] = [];
      const listQuarantine = (item: QuarantineItem) => {
        if (listed.length < LISTED_QUARANTINE) listed.push(item);
      };
      const today = now;
      const result = await readSource(
        f.path,
        {
          ...readOptions(f.item),
          maxProblems: 0,
          onProblem: (p) => {
            if (p.emitted) return;
            quarantined++;
            rowsDone++;
            writer.quarantine(sourceId, p.line, p.sheet ?? null, p.kind, p.reason, p.raw ?? null);
            listQuarantine(quarantineItem(f.file, p));
          },
        },
        (row) => {
          resolver.see(row.values);
          const record = normaliseRecord(row, resolver.prepared, { today });
          if (record.quarantine) {
            quarantined++;
            const reason = QUARANTINE_REASONS[record.quarantine];
            writer.quarantine(sourceId, row.line, row.sheet ?? null, record.quarantine, reason, row.raw);
            listQuarantine({
              file: f.file,
              sheet: row.sheet ?? null,
              row: row.line,
              kind: record.quarantine,
              reason,
            });
          } else {
            writer.customer(sourceId, row, record.columns);
            imported++;
            hiddenCharacters += record.columns.hidden_characters;
            if (record.columns.malformed !== null) malformed++;
          }
          if (++rowsDone % PROGRESS_EVERY_ROWS === 0) {
            report();
            if (rowsDone % COLLECT_EVERY_ROWS === 0) collectGarbage();
          }
        },
        readerJob,
      );
      bytesBefore += hashed[i].size;
      bytesNow = bytesBefore;
      report();
      db.prepare(
        `UPDATE sources SET format = ?, encoding = ?, sheet = ?, rows_read = ?, imported = ?, quarantined = ?, mapping = ?
         WHERE id = ?`,
      ).run(
        result.format,
        result.encoding ?? null,
        result.sheet ?? null,
        result.rowsRead,
        imported,
        quarantined,
        JSON.stringify(resolver.mapping),
        sourceId,
      );
      lastMapping = resolver.mapping;
      results.push({
        file: f.file,
        sourceId,
        sha256: hashed[i].sha256,
        bytes: hashed[i].size,
        format: result.format,
        encoding: result.encoding ?? null,
        delimiter: result.delimiter ?? null,
        sheet: result.sheet ?? null,
        headerRow: result.headerRow,
        mapping: resolver.mapping,
        rowsRead: result.rowsRead,
        imported,
        quarantined,
        blankRows: result.blankRows,
        flagged: result.rowsFlagged,
        hiddenCharacters,
        malformed,
        quarantine: listed,
        quarantineOmitted: quarantined - listed.length,
        notes: result.notes.map((n) => ({ kind: n.kind, message: n.message })),
      });
      await job.checkpoint();
    }

    if (deferred.length > 0) {
      job.progress(rowsDone, rowsDone, 'indexing');
      for (const sql of deferred) db.exec(sql);
      await job.checkpoint();
    }
    const totals = {
      rowsRead: sum(results, 'rowsRead'),
      imported: sum(results, 'imported'),
      quarantined: sum(results, 'quarantined'),
      blankRows: sum(results, 'blankRows'),
    };
    // Every imported record was classified as it was written.
    const classified = totals.imported;
    let mappingSaved: string | null = null;
    // The audit entry, the saved mappings and the counts commit with the rows, or nothing does.
    vault.change(
      () => ({
        op: 'import.run',
        // No file names: they often are people's names. Source ids, formats and hash prefixes identify them.
        params: {
          sources: results.map((r) => ({
            sourceId: r.sourceId,
            format: r.format,
            encoding: r.encoding,
            sha256: r.sha256.slice(0, 16),
          })),
          allowSameSource: input.allowSameSource,
          mappingSaved: mappingSaved !== null,
        },
        counts: { files: results.length, ...totals, classified },
        outcome: 'ok',
      }),
      () => {
        if (lastMapping) {
          writeMapping(db, LAST_MAPPING, lastMapping, at);
          if (input.saveMappingAs) {
            writeMapping(db, input.saveMappingAs, results[0].mapping, at);
            mappingSaved = input.saveMappingAs;
          }
        }
      },
    );
    // The last chance to cancel: after COMMIT the import has happened.
    await job.checkpoint();
    db.exec('COMMIT');
    job.progress(rowsDone, rowsDone, 'done');
    return { inputs: results, totals, mappingSaved, classified };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (db.open) db.pragma(`cache_size = ${cacheSize}`);
  }
}

function sum(
  results: ImportInputResult[],
  key: 'rowsRead' | 'imported' | 'quarantined' | 'blankRows',
): number {
  let total = 0;
  for (const r of results) total += r[key];
  return total;
}
