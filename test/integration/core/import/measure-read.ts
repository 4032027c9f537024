// Throughput and peak memory of import on a big generated file, each step in its own process so that peak
// RSS is the reader's own. Not a jest test: big-file.test.ts (CLOSEOUT_IMPORT_BIG=1) runs it, or by hand:
//
//   node -e "import('./scripts/run-ts.mjs').then(m => m.bundleAndRun({entry: 'test/integration/core/import/measure-read.ts',
//     name: 'measure-read', args: ['generate', '--rows', '1000000', '--format', 'csv', '--out', '/tmp/big.csv']}))"
//   … args: ['read', '--file', '/tmp/big.csv', '--report', '/tmp/report.json']
//
// `read` also runs a reference beside it on the same file (papaparse alone for CSV, exceljs's streaming
// reader alone for XLSX) and reports the ratio, since absolute times on shared machines mean little.
import { createReadStream, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readSource } from '../../../../electron/core/import';
import { CUSTOMER_FIELDS, customerRows } from '../../../fixtures/customers';
import { CSV_HEADERS, writeCsvFile } from '../../../fixtures/write-csv';

function arg(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : process.argv[at + 1];
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

async function generate(): Promise<void> {
  const rows = Number(arg('rows'));
  const seed = Number(arg('seed', '1'));
  const format = arg('format');
  const out = arg('out');
  if (format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true });
    const ws = wb.addWorksheet('客户');
    ws.addRow(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f])).commit();
    for (const row of customerRows(seed, rows)) ws.addRow(CUSTOMER_FIELDS.map((f) => row[f])).commit();
    ws.commit();
    await wb.commit();
  } else {
    await writeCsvFile(out, customerRows(seed, rows), {
      encoding: format === 'gb18030' ? 'gb18030' : 'utf8',
    });
  }
}

/** Peak RSS sampled every 50 ms (between chunks the reader yields to the event loop). */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function papaparseAlone(file: string, encoding: string): Promise<number> {
  const decoder = encoding === 'utf-8' ? new StringDecoder('utf8') : iconv.getDecoder(encoding);
  const parser = new Papa.Parser({ delimiter: ',', newline: '\r\n', quoteChar: '"', escapeChar: '"' });
  let partial = '';
  let rows = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const text = partial + decoder.write(chunk);
    const result = parser.parse(text, 0, true) as { data: unknown[]; meta: { cursor: number } };
    rows += result.data.length;
    partial = text.slice(result.meta.cursor);
  }
  rows += (parser.parse(partial + (decoder.end() ?? ''), 0, false) as { data: unknown[] }).data.length;
  return rows;
}

async function exceljsAlone(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return rows;
}

async function read(): Promise<void> {
  const file = arg('file');
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const sampler = rssSampler();
  let rows = 0;
  const result = await readSource(file, {}, () => void rows++);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const peakSampled = sampler.stop();
  const peakRss = process.resourceUsage().maxRSS * 1024;

  const r0 = process.hrtime.bigint();
  const referenceRows =
    result.format === 'xlsx'
      ? await exceljsAlone(file)
      : await papaparseAlone(file, result.encoding ?? 'utf-8');
  const referenceSeconds = Number(process.hrtime.bigint() - r0) / 1e9;

  const report = {
    file,
    format: result.format,
    encoding: result.encoding,
    bytes: result.bytes,
    rowsRead: result.rowsRead,
    rowsEmitted: result.rowsEmitted,
    rowsRejected: result.rowsRejected,
    rowsFlagged: result.rowsFlagged,
    delivered: rows,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMiB: Math.round(peakRss / 1048576),
    peakRssSampledMiB: Math.round(peakSampled / 1048576),
    reference: result.format === 'xlsx' ? 'exceljs WorkbookReader alone' : 'papaparse alone',
    referenceRows,
    referenceSeconds,
    ratio: Number((seconds / referenceSeconds).toFixed(2)),
  };
  writeFileSync(arg('report'), JSON.stringify(report, null, 2));
  console.log(JSON.stringify(report));
}

const mode = process.argv[2];
(mode === 'generate'
  ? generate()
  : mode === 'read'
    ? read()
    : Promise.reject(new Error('mode: generate | read'))
).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
