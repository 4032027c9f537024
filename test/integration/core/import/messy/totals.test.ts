// Totals, subtotals and the notes under a table (the messy generator's totals files, CSV and XLSX with
// SUM / SUBTOTAL formulas): set aside with the reason and listed in the result, never imported as
// customers; every customer of the key imported.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRunResult } from '../../../../../shared/contract';
import { totalsCsv, totalsXlsx, type MessyFile } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';

jest.setTimeout(180_000);

const m = useMessyVault();

const cases: Array<[string, MessyFile]> = [1, 2, 3, 4].flatMap((seed) => [
  [`totals-csv ${seed}`, totalsCsv(seed)] as [string, MessyFile],
  [`totals-xlsx ${seed}`, totalsXlsx(seed)] as [string, MessyFile],
]);

it.each(cases)('%s: totals, subtotals and footers set aside with their reason', async (_name, file) => {
  const path = join(m.v.dir, `${_name.replace(' ', '-')}-${file.name}`);
  writeFileSync(path, file.bytes);
  const r = unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path } }] })) as ImportRunResult;
  const [input] = r.inputs;
  const summaries = file.key.setAside.filter((s) => ['total', 'subtotal', 'footer'].includes(s.reason));
  expect(summaries.length).toBeGreaterThan(0);
  expect(input.quarantine.map((q) => [q.row, q.kind])).toEqual(summaries.map((s) => [s.row, s.reason]));
  for (const q of input.quarantine) expect(q.reason).toMatch(/not a customer; set aside$/);
  expect(input.imported).toBe(file.key.customers.length);
});
