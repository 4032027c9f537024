// Workbooks as other programs write them (the messy generator's answer keys): every sheet with customers
// offered with its row count and imported as its own source; a second sheet later is not "the same file
// again"; ZIP entries larger than declared and cut archives refused with their reason, nothing imported.
import type { ImportPreview, ImportRunResult } from '../../../../../shared/contract';
import { everythingXlsx, multiSheetWorkbook, truncatedXlsx, zipBombXlsx } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';
import { peek } from '../support/peek';

jest.setTimeout(180_000);

const m = useMessyVault();

const write = m.write;
const preview = async (path: string) =>
  unwrap(await m.v.engine.call('import.preview', { file: { path } })) as ImportPreview;
const run = async ({ path, ...rest }: { path: string; sheets?: string[] }) =>
  m.v.engine.call('import.run', { inputs: [{ file: { path }, ...rest }] });
const customers = m.customers;

describe.each([1, 2, 3])('multi-sheet workbook, seed %i', (seed) => {
  const file = multiSheetWorkbook(seed);
  const expected = file.key.tables.filter((t) => t.holdsCustomers);

  it('offers every sheet with its rows, the customer sheets marked; the preview opens on the first of them', async () => {
    const path = write(file, seed);
    const p = await preview(path);
    expect(p.sheets.map((s) => s.name)).toEqual(file.key.tables.map((t) => t.sheet));
    for (const t of file.key.tables) {
      const s = p.sheets.find((x) => x.name === t.sheet)!;
      expect(s.holdsCustomers).toBe(t.holdsCustomers);
      if (t.holdsCustomers) expect(s.rows).toBe(t.customers);
    }
    expect(p.sheet).toBe(expected[0].sheet);
    expect(p.headerRow).toBe(expected[0].headerRow);
  });

  it('imports every customer sheet as its own source, with the sheet on each row', async () => {
    const path = write(file, seed);
    const before = customers();
    const r = unwrap(
      await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
    ) as ImportRunResult;
    expect(r.inputs.map((i) => [i.sheet, i.imported])).toEqual(expected.map((t) => [t.sheet, t.customers]));
    expect(new Set(r.inputs.map((i) => i.sourceId)).size).toBe(expected.length);
    expect(customers() - before).toBe(expected.reduce((n, t) => n + t.customers, 0));
    const bySheet = peek(m.v, (db) =>
      db
        .prepare(
          `SELECT s.sheet AS sheet, count(*) AS n FROM customers c JOIN sources s ON s.id = c.source_id
           WHERE s.id IN (${r.inputs.map(() => '?').join(',')}) GROUP BY s.sheet`,
        )
        .all(...r.inputs.map((i) => i.sourceId)),
    ) as Array<{ sheet: string; n: number }>;
    expect(Object.fromEntries(bySheet.map((b) => [b.sheet, b.n]))).toEqual(
      Object.fromEntries(expected.map((t) => [t.sheet, t.customers])),
    );
    // The same sheets again are the same source.
    const again = await m.v.engine.call('import.run', { inputs: [{ file: { path } }] });
    expect(again.ok ? null : again.error.code).toBe('IMPORT_SAME_SOURCE');
  });
});

it('a second sheet imported later is not the same file again; the first one again is', async () => {
  const file = multiSheetWorkbook(11);
  const [first, second] = file.key.tables.filter((t) => t.holdsCustomers);
  const path = write(file, 11);
  const one = unwrap(await run({ path, sheets: [first.sheet!] })) as ImportRunResult;
  expect(one.inputs.map((i) => [i.sheet, i.imported])).toEqual([[first.sheet, first.customers]]);
  const two = unwrap(await run({ path, sheets: [second.sheet!] })) as ImportRunResult;
  expect(two.inputs.map((i) => [i.sheet, i.imported])).toEqual([[second.sheet, second.customers]]);
  const p = await preview(path);
  expect(p.alreadyImported).not.toBeNull();
  const again = await run({ path, sheets: [first.sheet!] });
  expect(again.ok ? null : again.error.code).toBe('IMPORT_SAME_SOURCE');
});

it('reads the everything workbook: every customer sheet found, none of the others', async () => {
  const file = everythingXlsx(5, { rows: 120 });
  const p = await preview(write(file, 5));
  expect(p.sheets.filter((s) => s.holdsCustomers).map((s) => s.name)).toEqual(
    file.key.tables.filter((t) => t.holdsCustomers).map((t) => t.sheet),
  );
});

describe.each([1, 2, 3])('refused packages, seed %i', (seed) => {
  it('an entry that inflates past its declared size: refused with the size reason, nothing imported', async () => {
    const file = zipBombXlsx(seed);
    const before = customers();
    for (const result of [
      await m.v.engine.call('import.preview', { file: { path: write(file, seed) } }),
      await run({ path: write(file, seed) }),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INPUT_TOO_LARGE');
      expect(result.error.message).toContain(file.key.refused!.entry!);
      expect(result.error.message).toMatch(/inflates past the size its ZIP directory declares/);
      expect(result.error.message).not.toMatch(/Cannot read properties|TypeError|undefined/);
    }
    expect(customers()).toBe(before);
  });

  it('a cut archive: refused as damaged (no central directory), nothing imported', async () => {
    const file = truncatedXlsx(seed);
    const before = customers();
    const result = await run({ path: write(file, seed) });
    expect(result.ok ? null : result.error.code).toBe('INPUT_UNREADABLE');
    expect(result.ok ? '' : result.error.message).toMatch(/end-of-directory|damaged/);
    expect(customers()).toBe(before);
  });
});
