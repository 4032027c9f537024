// Placeholders (暂无, 无, N/A, -, —, 0, 00000000000, ? …) in any field of the messy generator's file:
// stored as missing, never as an invalid value; rows naming nobody once they are read so are set aside.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportRunResult } from '../../../../../shared/contract';
import { placeholdersCsv, type KeyField } from '../../../../fixtures/messy';
import { unwrap } from '../../../support/vault-fixture';
import { useMessyVault } from './support';
import { peek } from '../support/peek';

jest.setTimeout(180_000);

const m = useMessyVault();

const COLUMN: Partial<Record<KeyField, string>> = {
  name: 'name',
  organisation: 'organisation',
  phone: 'phone',
  email: 'email',
  idNumber: 'id_number',
  address: 'address',
  product: 'product',
  notes: 'notes',
};
const STATUS: Partial<Record<KeyField, string>> = {
  phone: 'phone_status',
  email: 'email_status',
  idNumber: 'id_number_status',
};

it.each([1, 2, 3])('seed %i: every placeholder stored as missing, not invalid', async (seed) => {
  const file = placeholdersCsv(seed);
  const path = join(m.v.dir, `${seed}-${file.name}`);
  writeFileSync(path, file.bytes);
  const r = unwrap(await m.v.engine.call('import.run', { inputs: [{ file: { path } }] })) as ImportRunResult;
  const input = r.inputs[0];
  expect(input.imported).toBe(file.key.customers.length);
  const noOne = file.key.setAside.filter((s) => s.reason === 'no-customer').map((s) => s.row);
  expect(input.quarantine.filter((q) => q.kind === 'no-identifying-field').map((q) => q.row)).toEqual(noOne);
  const stored = peek(m.v, (db) =>
    db.prepare('SELECT * FROM customers WHERE source_id = ?').all(input.sourceId),
  ) as Array<Record<string, unknown>>;
  const byRow = new Map(stored.map((c) => [c.source_line as number, c]));
  let checked = 0;
  for (const c of file.key.customers)
    for (const p of c.placeholders) {
      const column = COLUMN[p.field];
      if (!column) continue;
      const record = byRow.get(c.row)!;
      expect([c.row, p.field, p.raw, record[column]]).toEqual([c.row, p.field, p.raw, null]);
      const status = STATUS[p.field];
      if (status) expect([c.row, p.field, record[status]]).toEqual([c.row, p.field, 'missing']);
      checked++;
    }
  expect(checked).toBeGreaterThan(5);
});
