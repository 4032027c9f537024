// CSV / TSV / TXT import on real files written by the seeded generators, in every encoding customers'
// files come in. Every test checks the counts against the generator's truth, value by value.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { previewSource, readSource } from '../../../../electron/core/import';
import type { JobFinished, JobProgress } from '../../../../shared/contract';
import { JobRunner } from '../../../../electron/core/host/job-runner';
import { CUSTOMER_FIELDS, customerRows, type CustomerRow } from '../../../fixtures/customers';
import { toTraditional } from '../../../fixtures/formats';
import {
  CSV_HEADERS,
  csvRecord,
  encodeCsv,
  writeCsvFile,
  type CsvEncoding,
} from '../../../fixtures/write-csv';
import { tempDir } from '../../helpers';
import { engineError, readAll } from './support/read';

jest.setTimeout(60_000);

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('closeout-import-csv-');
});
afterAll(() => dir.remove());

const rowsOf = (seed: number, count: number) => [...customerRows(seed, count)];
const values = (row: CustomerRow, header: 'zh' | 'en' = 'zh') =>
  Object.fromEntries(CUSTOMER_FIELDS.map((f) => [CSV_HEADERS[header][f], row[f]]));

describe('CSV encodings', () => {
  const cases: Array<[string, CsvEncoding, '\r\n' | '\n', 'zh' | 'en', string]> = [
    ['UTF-8 without BOM, CRLF', 'utf8', '\r\n', 'zh', 'utf-8'],
    ['UTF-8 with BOM, LF', 'utf8-bom', '\n', 'en', 'utf-8'],
    ['GB18030 with Chinese headers', 'gb18030', '\r\n', 'zh', 'gb18030'],
    ['UTF-16LE with BOM', 'utf16le', '\r\n', 'zh', 'utf-16le'],
  ];

  it.each(cases)(
    '%s: every row, value and row number as written',
    async (_label, encoding, eol, header, expected) => {
      const truth = rowsOf(11, 2000);
      const file = join(dir.path, `customers-${encoding}-${eol.length}.csv`);
      await writeCsvFile(file, truth, { encoding, eol, header });
      const { result, rows } = await readAll(file);
      expect(result).toMatchObject({
        format: 'csv',
        encoding: expected,
        delimiter: ',',
        headerRow: 1,
        rowsRead: truth.length,
        rowsEmitted: truth.length,
        rowsRejected: 0,
        rowsFlagged: 0,
        blankRows: 0,
        truncated: false,
      });
      expect(result.headers).toEqual(CUSTOMER_FIELDS.map((f) => CSV_HEADERS[header][f]));
      // Quoted notes with line breaks (LF and CRLF) are in the data, and row numbers stay right after them.
      expect(truth.filter((r) => /[\r\n]/.test(r.notes)).length).toBeGreaterThan(5);
      rows.forEach((row, i) => {
        expect(row.line).toBe(i + 2);
        expect(row.values).toEqual(values(truth[i], header));
        expect(row.raw).toBe(csvRecord(CUSTOMER_FIELDS.map((f) => truth[i][f])));
      });
    },
  );

  it('Big5 (Taiwan, Hong Kong) text', async () => {
    // Traditional-character rows as a Big5 file holds them (what Big5 cannot write, such as emoji, is "?").
    const big5 = (text: string) => iconv.decode(iconv.encode(toTraditional(text), 'big5'), 'big5');
    const truth = rowsOf(12, 1500).map(
      (r) => Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, big5(r[f])])) as unknown as CustomerRow,
    );
    const headers = CUSTOMER_FIELDS.map((f) => big5(CSV_HEADERS.zh[f]));
    const text = [headers, ...truth.map((r) => CUSTOMER_FIELDS.map((f) => r[f]))].map(csvRecord).join('\r\n');
    const file = join(dir.path, 'big5.txt');
    writeFileSync(file, iconv.encode(text, 'big5'));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({
      encoding: 'big5',
      rowsRead: truth.length,
      rowsEmitted: truth.length,
      rowsFlagged: 0,
    });
    expect(result.headers).toEqual(headers);
    rows.forEach((row, i) => {
      expect(row.line).toBe(i + 2);
      expect(Object.values(row.values)).toEqual(CUSTOMER_FIELDS.map((f) => truth[i][f]));
    });
  });

  it('finds GB18030 when the first 64 KiB are plain ASCII and the Chinese comes later', async () => {
    const truth = rowsOf(23, 400);
    const ascii = Array.from({ length: 3000 }, (_, i) => [
      `Customer ${i}`,
      `1380013${String(i).padStart(4, '0')}`,
    ]);
    const chinese = truth.map((r) => [r.name, r.phone]);
    const text = [['Name', 'Phone'], ...ascii, ...chinese].map(csvRecord).join('\r\n') + '\r\n';
    const file = join(dir.path, 'ascii-then-gbk.csv');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    expect(Buffer.from(text).findIndex((b) => b >= 0x80)).toBeGreaterThan(64 * 1024);
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ encoding: 'gb18030', rowsRead: 3400, rowsEmitted: 3400, rowsFlagged: 0 });
    rows
      .slice(3000)
      .forEach((row, i) => expect(row.values).toEqual({ Name: truth[i].name, Phone: truth[i].phone }));
  });

  it('a short Big5 file (too little text for statistics) is still Big5', async () => {
    const file = join(dir.path, 'short-big5.csv');
    writeFileSync(
      file,
      iconv.encode('客戶名稱,聯絡電話\r\n許功蓋,0912345678\r\n陳大文,+852 9123 4567\r\n', 'big5'),
    );
    const { result, rows } = await readAll(file);
    expect(result.encoding).toBe('big5');
    expect(rows.map((r) => r.values['客戶名稱'])).toEqual(['許功蓋', '陳大文']);
  });
});

describe('delimiters and shapes', () => {
  const tsvField = (v: string) => (/[\t"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const tsv = (rows: CustomerRow[]) =>
    [CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]), ...rows.map((r) => CUSTOMER_FIELDS.map((f) => r[f]))]
      .map((cells) => cells.map(tsvField).join('\t'))
      .join('\r\n') + '\r\n';

  it.each(['customers.tsv', 'customers.txt'])('TSV (%s) is split on tabs', async (name) => {
    const truth = rowsOf(13, 800);
    const file = join(dir.path, name);
    writeFileSync(file, tsv(truth));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ delimiter: '\t', rowsRead: 800, rowsEmitted: 800, rowsFlagged: 0 });
    rows.forEach((row, i) => expect(row.values).toEqual(values(truth[i])));
  });

  it.each([';', '|'])('"%s"-separated text', async (delimiter) => {
    const truth = rowsOf(14, 300);
    const field = (v: string) =>
      v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    const lines = [
      CUSTOMER_FIELDS.map((f) => CSV_HEADERS.en[f]),
      ...truth.map((r) => CUSTOMER_FIELDS.map((f) => r[f])),
    ];
    const file = join(dir.path, `semi-${delimiter === ';' ? 'semicolon' : 'pipe'}.csv`);
    writeFileSync(file, lines.map((cells) => cells.map(field).join(delimiter)).join('\n'));
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ delimiter, rowsRead: 300, rowsEmitted: 300, rowsFlagged: 0 });
    rows.forEach((row, i) => expect(row.values).toEqual(values(truth[i], 'en')));
  });

  it('title and blank rows above the header are counted in row numbers but not read', async () => {
    const truth = rowsOf(15, 200);
    const body = encodeCsv(truth).toString('utf8');
    const file = join(dir.path, 'titled.csv');
    writeFileSync(
      file,
      `2024年客户名单,,,,,,,,,,\r\n导出时间：2024-12-31,,,,,,,,,,\r\n,,,,,,,,,,\r\n${body}`,
    );
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ headerRow: 4, rowsRead: 200, rowsEmitted: 200, blankRows: 0 });
    expect(result.notes.map((n) => n.kind)).toContain('rows-above-header');
    rows.forEach((row, i) => {
      expect(row.line).toBe(i + 5);
      expect(row.values).toEqual(values(truth[i]));
    });
  });

  it('rows with a different field count are delivered, flagged and listed by row number', async () => {
    const truth = rowsOf(16, 500);
    const records = truth.map((r) => CUSTOMER_FIELDS.map((f) => r[f]));
    const short = new Set([10, 99, 321]);
    const long = new Set([50, 400]);
    for (const i of short) records[i] = records[i].slice(0, 7);
    for (const i of long) records[i] = [...records[i], 'extra value'];
    const header = csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]));
    const file = join(dir.path, 'ragged.csv');
    writeFileSync(file, [header, ...records.map(csvRecord)].join('\r\n') + '\r\n');
    const { result, rows } = await readAll(file);
    // Too few: delivered and flagged. Too many (shifted values): set aside, never imported shifted.
    expect(result).toMatchObject({ rowsRead: 500, rowsEmitted: 498, rowsRejected: 2, rowsFlagged: 3 });
    expect(result.problems.map((p) => [p.line, p.kind, p.emitted])).toEqual(
      [10, 50, 99, 321, 400].map((i) => [
        i + 2,
        long.has(i) ? 'too-many-fields' : 'too-few-fields',
        !long.has(i),
      ]),
    );
    // The row with too many fields is set aside: no value lands in a column past the header's last one.
    const extra = `col_${String.fromCharCode(65 + CUSTOMER_FIELDS.length)}`;
    expect(rows.some((r) => r.values[extra] === 'extra value')).toBe(false);
    expect(rows[10].problem).toBe('too-few-fields');
    expect(rows[11].problem).toBeUndefined();

    // Past maxProblems the list stops growing, but every problem is counted and passed on.
    const passed: number[] = [];
    const capped = await readAll(file, { maxProblems: 2, onProblem: (p) => void passed.push(p.line) });
    expect(capped.result).toMatchObject({ rowsFlagged: 3, rowsRejected: 2, problemsOmitted: 3 });
    expect(capped.result.problems.map((p) => p.line)).toEqual([12, 52]);
    expect(passed).toEqual([12, 52, 101, 323, 402]);
  });

  it('blank records keep their row numbers and are counted, not delivered', async () => {
    const truth = rowsOf(17, 30);
    const header = csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]));
    const lines = [header];
    truth.forEach((r, i) => {
      lines.push(csvRecord(CUSTOMER_FIELDS.map((f) => r[f])));
      if (i % 10 === 9) lines.push('', ',,,,,,,,,,');
    });
    const file = join(dir.path, 'blanks.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ rowsRead: 30, rowsEmitted: 30, blankRows: 6 });
    expect(rows[10].line).toBe(14); // rows 12 and 13 are the blank ones
    expect(rows[29].line).toBe(35);
  });

  it('a quote opened and never closed costs one line, not the rest of the file', async () => {
    // No quotes anywhere else in the file, so that nothing can close the stray one.
    const plain = (v: string) => v.replace(/[",\r\n]/g, ' ');
    const truth = rowsOf(18, 400).map(
      (r) => Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, plain(r[f])])) as unknown as CustomerRow,
    );
    const header = csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]));
    const records = truth.map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => r[f])));
    const at = records.findIndex((r, i) => i >= 100 && !r.includes('"'));
    records[at] = `"${records[at]}`; // a stray quote at the start of a row
    const file = join(dir.path, 'unclosed.csv');
    writeFileSync(file, [header, ...records].join('\r\n') + '\r\n');
    const { result, rows } = await readAll(file, { limits: { maxRecordChars: 4096 } });
    expect(result).toMatchObject({ rowsRead: 400, rowsEmitted: 399, rowsRejected: 1 });
    expect(result.problems[0]).toMatchObject({
      line: at + 2,
      kind: 'unclosed-quote',
      emitted: false,
      raw: records[at],
    });
    const after = rows.filter((r) => r.line > at + 2);
    expect(after).toHaveLength(399 - at);
    after.forEach((row) => expect(row.values).toEqual(values(truth[row.line - 2])));
  });

  it('bytes that are not valid in the detected encoding flag their rows', async () => {
    const truth = rowsOf(19, 300);
    const file = join(dir.path, 'forced.csv');
    await writeCsvFile(file, truth, { encoding: 'gb18030' });
    const { result } = await readAll(file, { encoding: 'utf-8' });
    expect(result.rowsEmitted).toBe(300);
    expect(result.rowsFlagged).toBeGreaterThan(250);
    expect(new Set(result.problems.map((p) => p.kind))).toEqual(new Set(['undecodable']));
  });

  it('Excel\'s "sep=;" line names the delimiter and is not a row', async () => {
    const file = join(dir.path, 'sep.csv');
    writeFileSync(file, 'sep=;\r\n姓名;电话\r\n张三;13800138000\r\n');
    const { result, rows } = await readAll(file);
    expect(result).toMatchObject({ delimiter: ';', headerRow: 1, rowsRead: 1 });
    expect(rows[0]).toMatchObject({ line: 2, values: { 姓名: '张三', 电话: '13800138000' } });
  });

  it('an empty file and a header-only file give zero rows and say so', async () => {
    const empty = join(dir.path, 'empty.csv');
    writeFileSync(empty, '');
    const a = await readAll(empty);
    expect(a.result).toMatchObject({ rowsRead: 0, bytes: 0 });
    expect(a.result.notes.map((n) => n.kind)).toEqual(['empty-file']);
    const headerOnly = join(dir.path, 'header-only.csv');
    writeFileSync(headerOnly, '\ufeff客户名称,联系电话\r\n');
    const b = await readAll(headerOnly);
    expect(b.result).toMatchObject({ rowsRead: 0, headers: ['客户名称', '联系电话'], headerRow: 1 });
    expect(b.result.notes.map((n) => n.kind)).toEqual(['no-rows']);
  });
});

describe('preview', () => {
  it('gives the first rows and what was detected, reading only the start of the file', async () => {
    const truth = rowsOf(20, 5000);
    const file = join(dir.path, 'preview.csv');
    await writeCsvFile(file, truth, { encoding: 'gb18030' });
    const preview = await previewSource(file, { rows: 10 });
    expect(preview).toMatchObject({ encoding: 'gb18030', delimiter: ',', headerRow: 1, truncated: true });
    expect(preview.rows.map((r) => r.values)).toEqual(truth.slice(0, 10).map((r) => values(r)));
    expect(preview.leading).toEqual([{ line: 1, cells: CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]) }]);
  });

  it('lets the person choose the header row and the encoding', async () => {
    const file = join(dir.path, 'choose.csv');
    writeFileSync(
      file,
      iconv.encode('说明,这是第一行\r\n客户名称,联系电话\r\n张三,13800138000\r\n', 'gb18030'),
    );
    const preview = await previewSource(file, { headerRow: 2, encoding: 'gb18030' });
    expect(preview.headers).toEqual(['客户名称', '联系电话']);
    expect(preview.rows).toHaveLength(1);
    const none = await previewSource(file, { headerRow: 0 });
    expect(none.headers).toEqual(['col_A', 'col_B']);
    expect(none.rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });
});

describe('jobs', () => {
  it('reports progress in bytes and stops promptly when cancelled', async () => {
    const truth = customerRows(21, 150_000);
    const file = join(dir.path, 'cancel.csv');
    await writeCsvFile(file, truth);
    const progress: JobProgress[] = [];
    const finished: JobFinished[] = [];
    const jobs = new JobRunner({ progress: (p) => progress.push(p), finished: (f) => finished.push(f) });
    let delivered = 0;
    let deliveredAtCancel = -1;
    let cancelledAt = 0;
    const started = jobs.run('job-import-cancel', 'import.run', (job) =>
      readSource(
        file,
        {},
        () => {
          delivered++;
          if (delivered === 20_000) {
            deliveredAtCancel = delivered;
            cancelledAt = Date.now();
            jobs.cancel('job-import-cancel');
          }
        },
        job,
      ),
    );
    const error = await engineError(started);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    // Cancellation is seen at the next checkpoint: within a few thousand rows, far from the 150 000.
    expect(delivered - deliveredAtCancel).toBeLessThan(10_000);
    expect(finished).toEqual([expect.objectContaining({ outcome: 'cancelled' })]);
    expect(progress.some((p) => p.phase === 'reading' && p.done > 0 && p.total !== null)).toBe(true);
  });

  it('awaits a slow consumer before reading on (back-pressure)', async () => {
    const truth = rowsOf(22, 3000);
    const file = join(dir.path, 'slow.csv');
    await writeCsvFile(file, truth);
    let inFlight = 0;
    let most = 0;
    let count = 0;
    const result = await readSource(file, {}, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      if (++count % 500 === 0) await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    expect(most).toBe(1);
    expect(result.rowsEmitted).toBe(3000);
  });
});

describe('refusals', () => {
  it('names the file when it does not exist', async () => {
    const missing = join(dir.path, 'missing.csv');
    const error = await engineError(readSource(missing, {}, () => undefined));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.details).toMatchObject({ path: missing, reason: 'it does not exist' });
  });

  it('refuses an unknown encoding or a bad delimiter as invalid input', async () => {
    const file = join(dir.path, 'ok.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    expect((await engineError(readSource(file, { encoding: 'klingon' }, () => undefined))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await engineError(readSource(file, { delimiter: '"' }, () => undefined))).code).toBe(
      'INVALID_INPUT',
    );
  });
});
