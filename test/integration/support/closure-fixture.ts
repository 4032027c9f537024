// A real vault with a closure under way: generated customers (mainland individuals and businesses, Hong
// Kong/Macao/Taiwan, overseas — EU and US among them — with sensitive notes and minors) imported and
// classified through the engine; helpers for backups and drills on another folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import { generateCustomers, type GeneratedCustomer } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { tempDir } from '../helpers';
import { makeVault, unwrap, type VaultFixture } from './vault-fixture';

export interface ClosureFixture extends VaultFixture {
  customers: GeneratedCustomer[];
  csv: string;
  /** A folder outside the vault's own, as another disk would be. */
  elsewhere: string;
  call: <K extends OpName>(op: K, input: OpInput<K>) => Promise<OpResult<K>>;
}

export async function closureVault(rows = 300, seed = 2026): Promise<ClosureFixture> {
  const v = await makeVault();
  const call = async <K extends OpName>(op: K, input: OpInput<K>) => unwrap(await v.engine.call(op, input));
  const customers = [
    ...generateCustomers(seed, rows, {
      mix: { individual: 70, business: 10, 'greater-china': 5, overseas: 15 },
      minorRate: 0.05,
      sensitiveNoteRate: 0.05,
      duplicateRate: 0,
    }),
  ];
  const csv = join(v.dir, 'customers.csv');
  writeFileSync(
    csv,
    encodeCsv(
      customers.map((c) => c.row),
      { header: 'en' },
    ),
  );
  await call('import.run', { inputs: [{ file: { path: csv } }] });
  const other = tempDir('closeout-elsewhere-');
  return {
    ...v,
    customers,
    csv,
    call,
    elsewhere: other.path,
    remove: async () => {
      await v.remove();
      other.remove();
    },
  };
}

/** A backup in a folder of its own (not the vault's), then a restore drill of it. */
export async function backupAndDrill(v: ClosureFixture, name = 'backups'): Promise<string> {
  const dir = join(v.elsewhere, name);
  mkdirSync(dir, { recursive: true });
  const created = await v.call('backup.create', { dir: { path: dir } });
  await v.call('backup.drill', { backup: { backupId: created.backupId } });
  return created.path;
}
