// The customer column table (shared/customer) against the vault the migrations build: every column of
// `customers` is declared, nothing declared is missing from the table, and the declared SQL types and
// NOT NULL constraints are the table's. A column added by a migration but not declared (or the other way
// round) fails here before any list derived from the declaration can drop a value.
import { CUSTOMER_TABLE } from '../../../../shared/customer/columns';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { makeVault, type VaultFixture } from '../../support/vault-fixture';

interface TableInfo {
  name: string;
  type: string;
  notnull: 0 | 1;
  pk: number;
}

let v: VaultFixture;
let columns: TableInfo[];

beforeAll(async () => {
  v = await makeVault();
  await v.engine.call('vault.lock', {});
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    columns = db
      .prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)')
      .all('customers') as TableInfo[];
  } finally {
    db.close();
  }
});
afterAll(() => v.remove());

test('every column of customers is declared, and every declared column exists', () => {
  const declared = CUSTOMER_TABLE.map((c) => c.name).sort();
  expect(new Set(declared).size).toBe(declared.length);
  expect(columns.map((c) => c.name).sort()).toEqual(declared);
});

test('the declared types and NOT NULL constraints are the table’s', () => {
  const table = new Map(columns.map((c) => [c.name, c]));
  const mismatches = CUSTOMER_TABLE.filter((c) => {
    const found = table.get(c.name);
    return !found || found.type !== c.sql || found.notnull !== (c.notNull ? 1 : 0);
  }).map((c) => ({ declared: c, found: table.get(c.name) }));
  expect(mismatches).toEqual([]);
  // The one integer primary key: never null, although SQLite reports it nullable.
  expect(columns.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['id']);
});
