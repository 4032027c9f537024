// The CSV reader parses a chunk a slice at a time (limits.parseChars) so that rows die young. The slice
// size must change nothing: the same rows (values, line numbers, raw text), problems, notes and counts
// whether a chunk is parsed whole (the reader before slicing), in the default slices, or a line at a time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource, type ReadOptions } from '../../../../electron/core/import';
import { MESSY_KINDS, type MessKind, type MessyFile } from '../../../fixtures/messy';
import { CSV_HEADERS, csvRecord, encodeCsv, type CsvEncoding } from '../../../fixtures/write-csv';
import { CUSTOMER_FIELDS, customerRows } from '../../../fixtures/customers';
import { tempDir } from '../../helpers';

jest.setTimeout(120_000);

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('closeout-import-slices-');
});
afterAll(() => dir.remove());

/** Whole chunks (1 MiB of bytes is far less than this many characters), the default, one line each. */
const SLICES = { whole: 1 << 30, default: undefined, line: 1 } as const;

async function readWith(file: string, parseChars: number | undefined, options: ReadOptions) {
  const rows: unknown[] = [];
  try {
    const limits = { ...options.limits, ...(parseChars === undefined ? {} : { parseChars }) };
    const result = await readSource(file, { ...options, limits }, (row) => void rows.push(row));
    return { result, rows };
  } catch (error) {
    // A refused file (a second encoding further in): the same refusal, whatever the slices.
    return { error: JSON.stringify(error, Object.getOwnPropertyNames(error)).replace(/"stack":"[^"]*"/, '') };
  }
}

async function expectSameInEverySlicing(file: string, options: ReadOptions = {}) {
  const whole = await readWith(file, SLICES.whole, options);
  expect(await readWith(file, SLICES.default, options)).toEqual(whole);
  expect(await readWith(file, SLICES.line, options)).toEqual(whole);
  return whole;
}

const write = (name: string, bytes: Buffer | string) => {
  const file = join(dir.path, name);
  writeFileSync(file, bytes);
  return file;
};

const CSV_KINDS: MessKind[] = [
  'excel-gbk-csv',
  'totals-csv',
  'phones',
  'placeholders',
  'customer-type',
  'organisation-names',
  'multiline',
  'hidden-characters',
  'unterminated-quote',
  'ragged-rows',
  'mixed-encoding',
  'products',
  'everything-csv',
];

describe('CSV slices change nothing', () => {
  it.each(CSV_KINDS.flatMap((kind) => [1, 2].map((seed) => [kind, seed] as const)))(
    'messy %s, seed %d',
    async (kind, seed) => {
      const messy: MessyFile = MESSY_KINDS[kind](seed);
      const read = await expectSameInEverySlicing(write(`${kind}-${seed}-${messy.name}`, messy.bytes));
      if (kind !== 'mixed-encoding') expect(read.rows?.length).toBeGreaterThan(0);
    },
  );

  const encodings: Array<[CsvEncoding, '\r\n' | '\n']> = [
    ['utf8', '\r\n'],
    ['utf8-bom', '\n'],
    ['gb18030', '\r\n'],
    ['utf16le', '\n'],
  ];
  it.each(encodings)(
    'the generator, %s with %j line ends, over several 1 MiB chunks',
    async (encoding, eol) => {
      const bytes = encodeCsv(customerRows(71, 9000), { encoding, eol });
      expect(bytes.length).toBeGreaterThan(1024 * 1024);
      const read = await expectSameInEverySlicing(write(`gen-${encoding}.csv`, bytes));
      expect(read.rows).toHaveLength(9000);
    },
  );

  it('a quote never closed, and a line too long to keep, are set aside the same way', async () => {
    // No quotes anywhere else in the file, so that nothing closes the stray ones.
    const plain = (v: string) => v.replace(/[",\r\n]/g, ' ');
    const header = csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f]));
    const records = [...customerRows(72, 600)].map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => plain(r[f]))));
    records[100] = `"${records[100]}`; // opened, never closed: that line is set aside
    records[300] = `"${'x'.repeat(2.5 * 1024 * 1024)}`; // across a 1 MiB chunk, no line break in it
    const file = write('long.csv', [header, ...records].join('\r\n') + '\r\n');
    const read = await expectSameInEverySlicing(file, { limits: { maxRecordChars: 4096 } });
    expect(read.result?.problems.map((p) => p.kind)).toEqual(['unclosed-quote', 'too-long']);
    expect(read.rows).toHaveLength(598);
  });

  it('a preview stops after its rows whatever the slices', async () => {
    const file = write('preview.csv', encodeCsv(customerRows(73, 3000), { encoding: 'utf8' }));
    const read = await expectSameInEverySlicing(file, { maxRows: 50 });
    expect(read.rows).toHaveLength(50);
  });
});
