// The import classifies each record as it writes it (one pass). The two-pass way — rows first, then
// classifyCustomers over them — must give the same vault: after importing varied seeded files (the
// customers generator and the messy "everything" files in every format), classifying the whole vault again
// under the same rules changes no column of any record.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRunResult } from '../../../../shared/contract';
import { classifyCustomers } from '../../../../electron/core/classification/classify';
import { customerRows } from '../../../fixtures/customers';
import { everythingCsv, everythingVcard, everythingXlsx } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { unwrap } from '../../support/vault-fixture';
import { useMessyVault } from './messy/support';
import { peek } from './support/peek';

jest.setTimeout(300_000);

const m = useMessyVault();

const everyRecord = () =>
  peek(
    m.v,
    (db) => db.prepare('SELECT * FROM customers ORDER BY id').all() as Array<Record<string, unknown>>,
  );

it('a classification pass after the one-pass import changes nothing, on generated and messy files', async () => {
  const generated = join(m.v.dir, 'generated.csv');
  writeFileSync(generated, encodeCsv(customerRows(7, 3000), { header: 'zh' }));
  const files = [
    generated,
    m.write(everythingCsv(11, { rows: 1500 }), 'inline'),
    m.write(everythingCsv(12, { rows: 800, encoding: 'gb18030' }), 'inline'),
    m.write(everythingXlsx(13, { rows: 800 }), 'inline'),
    m.write(everythingVcard(14, { rows: 400 }), 'inline'),
  ];
  const result = unwrap(
    await m.v.engine.call('import.run', { inputs: files.map((path) => ({ file: { path } })) }),
  ) as ImportRunResult;
  expect(result.totals.imported).toBeGreaterThan(6000);
  expect(result.classified).toBe(result.totals.imported);

  const onePass = everyRecord();
  expect(onePass).toHaveLength(result.totals.imported);
  // Every record carries the rules' version: none was left for a later pass.
  expect(onePass.filter((r) => r.rules_version !== 1)).toEqual([]);
  // The variety the comparison rests on: both types, several regions, flags set and not set.
  const distinct = (column: string) => new Set(onePass.map((r) => r[column])).size;
  expect(distinct('type')).toBeGreaterThanOrEqual(2);
  expect(distinct('region')).toBeGreaterThanOrEqual(3);
  expect(distinct('category')).toBeGreaterThanOrEqual(3);
  expect(distinct('sensitive')).toBeGreaterThanOrEqual(2);
  expect(distinct('completeness')).toBeGreaterThanOrEqual(3);

  const counts = peek(m.v, (db) => classifyCustomers(db, {}, new Date()));
  expect(counts.classified).toBe(onePass.length);
  expect(everyRecord()).toEqual(onePass);
});
