// Malformed CSV files (the messy generator's keys) imported into a real vault: one clear answer each,
// naming the line. The file that ends inside a quote sets its incomplete last record aside; rows with too
// many fields are set aside, too few imported with a flag; UTF-8 then GBK (or GBK then UTF-8, in the
// first 64 KiB or far past them) is refused naming the first line in the other encoding, and nothing is
// imported.
import type { ImportRunResult } from '../../../../../shared/contract';
import { mixedEncodingCsv, raggedRowsCsv, unterminatedQuoteCsv } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';
import { peek } from '../support/peek';

jest.setTimeout(180_000);

const m = useMessyVault();

const write = m.write;
const run = async (path: string) => m.v.engine.call('import.run', { inputs: [{ file: { path } }] });
const customers = m.customers;

describe.each([1, 2, 3])('seed %i', (seed) => {
  it('ends inside a quoted field: the incomplete last record set aside, naming its line', async () => {
    const file = unterminatedQuoteCsv(seed);
    const r = unwrap(await run(write(file, `uq${seed}`))) as ImportRunResult;
    const [aside] = file.key.setAside;
    expect(r.inputs[0].quarantine.map((q) => [q.row, q.kind])).toEqual([[aside.row, 'unterminated-quote']]);
    expect(r.inputs[0].quarantine[0].reason).toContain(
      `unterminated quoted field starting at line ${aside.line}`,
    );
    expect(r.inputs[0].imported).toBe(file.key.customers.length);
  });

  it('too many fields set aside, too few imported and flagged, nothing shifted', async () => {
    const file = raggedRowsCsv(seed);
    const r = unwrap(await run(write(file, `rr${seed}`))) as ImportRunResult;
    const input = r.inputs[0];
    const many = file.key.irregularRows.filter((i) => i.outcome === 'set-aside');
    const few = file.key.irregularRows.filter((i) => i.outcome === 'customer');
    // A shifted row whose extra field is empty reads like a trailing comma: imported, but flagged
    // (never silently); every other one is set aside.
    const aside = input.quarantine.filter((q) => q.kind === 'too-many-fields').map((q) => q.row);
    expect(many.map((i) => i.row)).toEqual(expect.arrayContaining(aside));
    const flaggedMany = many.length - aside.length;
    expect(input.flagged).toBe(few.length + flaggedMany);
    expect(input.imported).toBe(file.key.customers.length + flaggedMany);
    const names = peek(m.v, (db) =>
      (
        db
          .prepare('SELECT source_line AS row, name FROM customers WHERE source_id = ?')
          .all(input.sourceId) as Array<{
          row: number;
          name: string | null;
        }>
      ).map((c) => [c.row, c.name]),
    );
    expect(names).toEqual(expect.arrayContaining(file.key.customers.map((c) => [c.row, c.name])));
  });

  it('UTF-8 lines then GBK lines: refused naming the first line that is not UTF-8, nothing imported', async () => {
    const file = mixedEncodingCsv(seed);
    const before = customers();
    const result = await run(write(file, `me${seed}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INPUT_MIXED_ENCODING');
    expect(result.error.message).toContain(`line ${file.key.encodingBreak!.firstBadLine}`);
    expect(result.error.message).not.toMatch(/binary/);
    expect(customers()).toBe(before);
  });
});

// Past the 64 KiB that detection samples, the second encoding is found as the file is read (each chunk's
// bytes before they are decoded): the same refusal naming the line, and the rows read before it roll
// back with the rest of the import.
describe.each([
  ['UTF-8 then GBK', 1, { first: 'utf-8', rows: 3000, pastBytes: 100_000 }],
  ['GBK then UTF-8', 2, { first: 'gbk', rows: 3000, pastBytes: 100_000 }],
  ['UTF-8 then GBK past the first 1 MiB read', 3, { first: 'utf-8', rows: 24_000, pastBytes: 1_100_000 }],
  ['GBK then UTF-8 past the first 1 MiB read', 4, { first: 'gbk', rows: 24_000, pastBytes: 1_100_000 }],
] as const)('%s (seed %i)', (_what, seed, options) => {
  it('refused naming the first line in the other encoding; nothing imported, never mojibake', async () => {
    const file = mixedEncodingCsv(seed, options);
    const { firstBadLine, detected } = file.key.encodingBreak!;
    expect(detected).toBe(options.first);
    const before = customers();
    const path = write(file, `me-far${seed}`);
    const result = await run(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INPUT_MIXED_ENCODING');
    expect(result.error.message).toContain(`line ${firstBadLine}`);
    expect(result.error.message).toContain(options.first === 'utf-8' ? 'GBK' : 'UTF-8');
    expect(result.error.message).not.toMatch(/binary|Cannot read|undefined/);
    expect(customers()).toBe(before);
  });
});
