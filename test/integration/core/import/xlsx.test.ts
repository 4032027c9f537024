// XLSX import on workbooks written with exceljs in the test (title row, blank row, header, dates, merged
// title, formulas, rich text, several sheets) and on hand-built ZIP bombs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { previewSource, readSource } from '../../../../electron/core/import';
import { CUSTOMER_FIELDS, generateCustomers, type GeneratedCustomer } from '../../../fixtures/customers';
import { CSV_HEADERS } from '../../../fixtures/write-csv';
import { tempDir } from '../../helpers';
import { engineError, readAll } from './support/read';
import { repeatedDeflate, unzipAll, zipBuffer, type ZipInput } from './support/zip-writer';

jest.setTimeout(60_000);

let dir: ReturnType<typeof tempDir>;
let book: string;
let truth: GeneratedCustomer[];
const HEADERS = [...CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]), '订单数', '积分'];
/** The columns (1-based) of the notes and of the two extra columns after the fields, and their letters. */
const NOTES_COL = CUSTOMER_FIELDS.indexOf('notes') + 1;
const ORDERS_COL = CUSTOMER_FIELDS.length + 1;
const POINTS_COL = ORDERS_COL + 1;
const letter = (col: number) => String.fromCharCode(64 + col);

function dateOf(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** What each data row should read as: the generator's text, dates as ISO, the count and its formula. */
function expected(c: GeneratedCustomer, i: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of CUSTOMER_FIELDS) values[CSV_HEADERS.zh[f]] = c.row[f];
  if (c.truth.lastOrderDate) values[CSV_HEADERS.zh.last_order_date] = c.truth.lastOrderDate;
  if (i === 7) values[CSV_HEADERS.zh.notes] = '重要客户：请勿外传';
  values['订单数'] = String(i % 17);
  values['积分'] = String((i % 17) * 10);
  return values;
}

async function writeBook(file: string, customers: GeneratedCustomer[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户名单');
  ws.mergeCells(`A1:${letter(POINTS_COL)}1`);
  ws.getCell('A1').value = '2024年客户名单（内部资料）';
  // Row 2 stays blank.
  ws.getRow(3).values = HEADERS;
  customers.forEach((c, i) => {
    const r = 4 + i;
    const row = ws.getRow(r);
    CUSTOMER_FIELDS.forEach((f, col) => {
      row.getCell(col + 1).value = c.row[f];
    });
    if (c.truth.lastOrderDate) {
      const cell = row.getCell(CUSTOMER_FIELDS.indexOf('last_order_date') + 1);
      cell.value = dateOf(c.truth.lastOrderDate);
      cell.numFmt = 'yyyy-mm-dd';
    }
    if (i === 7)
      row.getCell(NOTES_COL).value = {
        richText: [{ text: '重要客户' }, { text: '：请勿外传', font: { bold: true } }],
      };
    row.getCell(ORDERS_COL).value = i % 17;
    row.getCell(POINTS_COL).value = { formula: `${letter(ORDERS_COL)}${r}*10`, result: (i % 17) * 10 };
  });
  const hidden = wb.addWorksheet('旧数据', { state: 'hidden' });
  hidden.getRow(1).values = ['客户名称'];
  const other = wb.addWorksheet('备注');
  other.getRow(1).values = ['说明'];
  other.getRow(2).values = ['本表由系统导出'];
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = tempDir('closeout-import-xlsx-');
  truth = [...generateCustomers(31, 300)];
  book = join(dir.path, 'customers.xlsx');
  await writeBook(book, truth);
});
afterAll(() => dir.remove());

describe('XLSX', () => {
  it('finds the header under a merged title and a blank row; reads every row, date and formula', async () => {
    const { result, rows } = await readAll(book);
    expect(result).toMatchObject({
      format: 'xlsx',
      sheet: '客户名单',
      headerRow: 3,
      rowsRead: 300,
      rowsEmitted: 300,
      rowsRejected: 0,
      rowsFlagged: 0,
      truncated: false,
    });
    expect(result.headers).toEqual(HEADERS);
    expect(result.sheets).toEqual([
      expect.objectContaining({ name: '客户名单', state: 'visible' }),
      expect.objectContaining({ name: '旧数据', state: 'hidden' }),
      expect.objectContaining({ name: '备注', state: 'visible' }),
    ]);
    expect(result.notes.map((n) => n.kind)).toContain('rows-above-header');
    expect(truth.filter((c) => /[\r\n]/.test(c.row.notes)).length).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      expect(row.line).toBe(4 + i);
      expect(row.sheet).toBe('客户名单');
      expect(row.values).toEqual(expected(truth[i], i));
    });
    const raw = JSON.parse(rows[0].raw) as Record<string, unknown>;
    expect(raw.A).toBe(truth[0].row.name);
    expect(raw[letter(POINTS_COL)]).toEqual({ formula: `${letter(ORDERS_COL)}4*10`, result: '0' });
  });

  it("reads Excel's built-in Chinese date format (numFmtId 31), which exceljs does not know", async () => {
    const parts = unzipAll(readFileSync(book));
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    const custom = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/.exec(styles);
    expect(custom).not.toBeNull();
    parts.set(
      'xl/styles.xml',
      Buffer.from(
        styles.replace(custom![0], '').replace(new RegExp(`numFmtId="${custom![1]}"`, 'g'), 'numFmtId="31"'),
      ),
    );
    const file = join(dir.path, 'builtin-date.xlsx');
    writeFileSync(file, zipBuffer([...parts].map(([name, data]) => ({ name, data }))));
    const { rows } = await readAll(file);
    rows.forEach((row, i) => expect(row.values).toEqual(expected(truth[i], i)));
  });

  it('previews the first rows, lists every sheet and shows the rows down to the header', async () => {
    const preview = await previewSource(book, { rows: 5 });
    expect(preview).toMatchObject({ format: 'xlsx', sheet: '客户名单', headerRow: 3, truncated: true });
    expect(preview.sheets?.map((s) => s.name)).toEqual(['客户名单', '旧数据', '备注']);
    expect(preview.rows.map((r) => r.values)).toEqual(truth.slice(0, 5).map((c, i) => expected(c, i)));
    expect(preview.leading.map((r) => r.line)).toEqual([1, 3]);
    expect(preview.leading[0].cells).toEqual(['2024年客户名单（内部资料）']);
  });

  it('reads the sheet the person chose, and names a missing one', async () => {
    const { result, rows } = await readAll(book, { sheet: '备注' });
    expect(result).toMatchObject({ sheet: '备注', headers: ['说明'], rowsRead: 1 });
    expect(rows[0]).toMatchObject({ line: 2, sheet: '备注', values: { 说明: '本表由系统导出' } });
    const error = await engineError(readSource(book, { sheet: '不存在' }, () => undefined));
    expect(error.code).toBe('INPUT_SHEET_NOT_FOUND');
    expect(error.details).toEqual({ path: book, sheet: '不存在' });
  });

  it.each([
    [{ maxRows: 100 }, '100 rows'],
    [{ maxColumns: 5 }, '5 columns'],
    [{ maxSharedStrings: 100 }, '100 shared strings'],
    [{ maxSharedStringsBytes: 4096 }, '4096 bytes of shared strings'],
  ])('refuses a workbook over a limit (%j) and names it', async (limits, limit) => {
    const error = await engineError(readSource(book, { limits }, () => undefined));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.details).toMatchObject({ path: book, limit });
    expect(error.message).toContain(limit);
  });

  it('refuses a damaged workbook with the reason', async () => {
    const cut = join(dir.path, 'cut.xlsx');
    const bytes = readFileSync(book);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await engineError(readSource(cut, {}, () => undefined));
    expect(error.code).toBe('INPUT_UNREADABLE');
    expect(error.details.path).toBe(cut);

    const parts = unzipAll(bytes);
    parts.set(
      'xl/worksheets/sheet1.xml',
      Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row'),
    );
    const broken = join(dir.path, 'broken-xml.xlsx');
    writeFileSync(broken, zipBuffer([...parts].map(([name, data]) => ({ name, data }))));
    const error2 = await engineError(readSource(broken, {}, () => undefined));
    expect(error2.code).toBe('INPUT_UNREADABLE');
    expect(error2.details.path).toBe(broken);
  });
});

describe('XLSX bombs', () => {
  // Every row says r="1" so the unit can repeat byte for byte (the reader numbers repeats on).
  const ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>bomb</t></is></c></row>';
  const UNIT = ROW.repeat(20_000); // 1.1 MB of XML that deflates to a few KB
  const HEAD =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const TAIL = '</sheetData></worksheet>';

  function skeleton(sheet: ZipInput): ZipInput[] {
    const parts = unzipAll(readFileSync(book));
    return [...parts]
      .filter(([name]) => !name.startsWith('xl/worksheets/sheet1.xml'))
      .map(([name, data]): ZipInput => ({ name, data }))
      .concat(sheet);
  }

  async function refusal(name: string, inputs: ZipInput[]) {
    const file = join(dir.path, name);
    writeFileSync(file, zipBuffer(inputs));
    const started = Date.now();
    let rows = 0;
    const error = await engineError(readSource(file, {}, () => void rows++));
    return { error, ms: Date.now() - started, rows, file };
  }

  it('refuses a 3 GiB sheet from its declared size before inflating a byte', async () => {
    const deflated = repeatedDeflate(HEAD, UNIT, 2900, TAIL);
    expect(deflated.size).toBeGreaterThan(3 * 1024 ** 3);
    const { error, ms, rows, file } = await refusal(
      'bomb-honest.xlsx',
      skeleton({ name: 'xl/worksheets/sheet1.xml', deflated }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.details).toMatchObject({ path: file, limit: '1 GiB per workbook part' });
    expect(error.message).toContain(file);
    expect(rows).toBe(0);
    expect(ms).toBeLessThan(2000);
  });

  it('stops a sheet that inflates past the size its directory declares', async () => {
    const deflated = repeatedDeflate(HEAD, UNIT, 2900, TAIL);
    const { error, ms, file } = await refusal(
      'bomb-lying.xlsx',
      skeleton({ name: 'xl/worksheets/sheet1.xml', deflated, declareSize: 200_000 }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.details).toMatchObject({
      path: file,
      limit: '200000 bytes declared for xl/worksheets/sheet1.xml',
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a part whose compression ratio only a bomb has', async () => {
    const deflated = repeatedDeflate(HEAD, UNIT, 540, TAIL);
    const { error, ms } = await refusal(
      'bomb-ratio.xlsx',
      skeleton({ name: 'xl/worksheets/sheet1.xml', deflated }),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.details.limit).toBe('compression ratio 200:1');
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a ZIP with tens of thousands of entries', async () => {
    const many = Array.from({ length: 20_000 }, (_, i): ZipInput => ({
      name: `xl/media/f${i}.bin`,
      data: Buffer.alloc(0),
      store: true,
    }));
    const { error } = await refusal(
      'bomb-entries.xlsx',
      skeleton({ name: 'xl/worksheets/sheet1.xml', data: Buffer.from(HEAD + TAIL) }).concat(many),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.details.limit).toBe('10000 ZIP entries');
  });
});
