// Notes and addresses that span lines (LF, CRLF, a lone CR, blank lines inside quotes), from the messy
// generator's file into a real vault: stored with every line break exactly as written, shown so by
// records.query, and unchanged after an export to CSV, GB18030 CSV, XLSX or JSON and a reimport of it
// (XLSX carries a CR as `_x000D_`, as Excel writes it).
import type { ImportRunResult } from '../../../../../shared/contract';
import type { CustomerRecord } from '../../../../../shared/customer';
import { multilineCsv } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';

jest.setTimeout(240_000);

const m = useMessyVault();

async function importFile(path: string): Promise<CustomerRecord[]> {
  const run = unwrap(
    await m.v.engine.call('import.run', { inputs: [{ file: { path } }] }),
  ) as ImportRunResult;
  const { sourceId } = run.inputs[0];
  return unwrap(await m.v.engine.call('records.query', { limit: 500, filter: { sourceId } })).records;
}

const byName = (records: CustomerRecord[]) =>
  new Map(records.map((r) => [r.name, { notes: r.notes, address: r.address }]));

describe.each([1, 2])('seed %i', (seed) => {
  const file = multilineCsv(seed);
  let first: CustomerRecord[] = [];

  it('the file holds every kind of line break inside quoted fields', () => {
    const values = file.key.customers.flatMap((c) => [c.notes ?? '', c.address ?? '']);
    expect(values.some((v) => /[^\r]\n/.test(v))).toBe(true);
    expect(values.some((v) => v.includes('\r\n'))).toBe(true);
    expect(values.some((v) => /\r(?!\n)/.test(v))).toBe(true);
    expect(values.some((v) => /(\r\n|\r|\n){2}/.test(v))).toBe(true);
  });

  it('stores notes and addresses with their line breaks exactly as written', async () => {
    first = await importFile(m.write(file, `ml${seed}`));
    const rows = new Map(first.map((r) => [r.sources[0].row, r]));
    expect(rows.size).toBe(file.key.customers.length);
    for (const c of file.key.customers) {
      const r = rows.get(c.row)!;
      expect([c.row, r.notes, r.address]).toEqual([c.row, c.notes, c.address]);
    }
  });

  it.each(['csv', 'csv-gb18030', 'xlsx', 'json'] as const)(
    'export as %s and reimport: every multi-line value comes back unchanged',
    async (format) => {
      const sourceId = first[0].sources[0].sourceId;
      const ext = format === 'csv-gb18030' ? 'csv' : format;
      const exported = unwrap(
        await m.v.engine.call('records.export', {
          format,
          filter: { sourceId },
          file: { path: `${m.v.dir}/ml${seed}-${format}.${ext}` },
        } as never),
      ).path;
      const again = await importFile(exported);
      expect(again).toHaveLength(first.length);
      const want = byName(first);
      const multi = [...want.values()].filter((v) => /[\r\n]/.test(`${v.notes}${v.address}`));
      expect(multi.length).toBeGreaterThan(5);
      // In CSV and XLSX a note a spreadsheet would run (=SUM…) is written behind an apostrophe, and
      // read back so; JSON carries it as it is.
      const formulaSafe = (v: string | null) =>
        v !== null && format !== 'json' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      for (const [name, v] of want)
        want.set(name, { notes: formulaSafe(v.notes), address: formulaSafe(v.address) });
      expect(byName(again)).toEqual(want);
    },
  );
});
