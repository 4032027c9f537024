// Properties of the records wipe over vaults with random dispositions (and random filters): retained
// records are never touched, every target is gone from every table and from every decrypted page.
// Then the verification is shown able to fail (a value left in a freed page is found), and the list of
// tables holding customer copies is shown complete (a table with customer values that no owner
// declared fails this test).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../shared/customer';
import type { RecordFilter } from '../../../../shared/records';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { UnlockThrottle } from '../../../../electron/core/vault/unlock-throttle';
import { unlockVault } from '../../../../electron/core/vault/unlock-vault';
import {
  CUSTOMER_COPIES,
  RECORDS_TABLE,
  VALUE_FREE_TABLES,
} from '../../../../electron/core/wipe/customer-copies';
import { verifyPurge } from '../../../../electron/core/wipe/verify-purge';
import { Random } from '../../../fixtures/random';
import { OWNER_PASS, unwrap } from '../../support/vault-fixture';
import { decryptVault, exportAll, fillVault, valuesOf, type FilledVault } from '../../support/wipe-fixture';

jest.setTimeout(600_000);

const FILTERS: Array<RecordFilter | undefined> = [
  undefined,
  { region: 'mainland' },
  { type: 'individual' },
  {},
];

test.each([31, 32, 33, 34, 35])(
  'seed %i: held records untouched, targets gone from every table and page',
  async (seed) => {
    const v = await fillVault({ seed, count: 150 });
    try {
      const filter = FILTERS[new Random(seed).int(0, FILTERS.length - 1)];
      const certificateDir = join(v.dir, 'c');
      mkdirSync(certificateDir);
      const dry = unwrap(await v.engine.call('wipe.records', { filter, dryRun: true }));
      const result = unwrap(
        await v.engine.call('wipe.records', { filter, certificateDir: { path: certificateDir } }),
      );
      expect(result.purged.records).toBe(dry.plan.records.destroy);
      expect(result.purged.anonymised).toBe(dry.plan.records.anonymise);
      const after = new Map((await exportAll(v.engine, v.dir, 'after')).map((r) => [r.id, r]));
      const before = [...v.before.values()];
      const held = before.filter((r) => r.disposition === 'RETAIN');
      for (const r of held)
        expect({ ...after.get(r.id), cluster: r.cluster, mergedInto: r.mergedInto }).toEqual(r);
      const gone = before.filter((r) => !after.has(r.id));
      expect(gone.length).toBe(result.purged.records);
      for (const r of gone) expect(r.disposition).not.toBe('RETAIN');
      const reduced = [...after.values()].filter((r) => v.before.get(r.id)!.name !== null && r.name === null);
      for (const r of reduced) expect(r.disposition).toBe('ANONYMISE');

      const kept = [...after.values()].flatMap(valuesOf);
      const purged = [...gone, ...reduced.map((r) => v.before.get(r.id) as CustomerRecord)]
        .flatMap(valuesOf)
        .filter((value) => !kept.some((k) => k.includes(value)));
      const plain = decryptVault(v.file, recoveryVaultKey(v.created.recoveryKey));
      for (const value of purged)
        expect({ value, found: plain.includes(Buffer.from(value)) }).toEqual({ value, found: false });
      expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
    } finally {
      await v.remove();
    }
  },
);

/** The filled vault's engine session locked, and the vault unlocked here, to call the verification. */
async function ownSession(v: FilledVault) {
  unwrap(await v.engine.call('vault.lock', {}));
  return unlockVault(
    { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS },
    v.dataDir,
    new UnlockThrottle(),
  );
}

test('the verification finds a value left on a freed page, and passes once the page is rewritten', async () => {
  const v = await fillVault({ seed: 40, count: 20, merge: false });
  const vault = await ownSession(v);
  try {
    const marker = '残留在空闲页中的客户地址-测试标记';
    vault.db.pragma('secure_delete = OFF'); // what the wipe never does
    vault.db.prepare('CREATE TABLE scratch (v TEXT)').run();
    vault.db.prepare('INSERT INTO scratch (v) VALUES (?)').run(marker);
    vault.db.prepare('DROP TABLE scratch').run();
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const none = { destroy: [], anonymise: [], mergedWith: 0 };
    const dirty = await verifyPurge(vault, [marker], none, { quarantine: false });
    expect(dirty.checks.find((c) => c.name === 'purged-values-absent')).toMatchObject({ ok: false });
    expect(dirty.valuesFound).toBe(1);
    vault.db.exec('VACUUM');
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    expect((await verifyPurge(vault, [marker], none, { quarantine: false })).ok).toBe(true);
  } finally {
    vault.close();
    await v.remove();
  }
});

test('a declared copy left behind fails the verification, though its values sit in a live cell', async () => {
  const v = await fillVault({ seed: 43, count: 20, merge: false });
  const vault = await ownSession(v);
  try {
    vault.db.pragma('wal_checkpoint(TRUNCATE)'); // as the wipe does before it verifies
    const none = { destroy: [], anonymise: [], mergedWith: 0 };
    // The quarantined rows are in scope but were not purged (as a broken purge would leave them).
    const left = await verifyPurge(vault, v.quarantineMarkers, none, { quarantine: true });
    const check = (name: string) => left.checks.find((c) => c.name === name);
    expect(check('purged-values-absent')).toMatchObject({ ok: true }); // a live cell: the search excuses it
    expect(check('targets-gone')).toMatchObject({ ok: false });
    expect(check('targets-gone')?.detail).toMatch(/copies left: quarantine 3/);
    expect(left.ok).toBe(false);
    const outOfScope = await verifyPurge(vault, v.quarantineMarkers, none, { quarantine: false });
    expect(outOfScope.checks.filter((c) => !c.ok)).toEqual([]);
  } finally {
    vault.close();
    await v.remove();
  }
});

test('every table is declared: copies of customers (by their owners) or free of customer values', async () => {
  const v = await fillVault({ seed: 41, count: 200 });
  try {
    const vault = v.engine;
    unwrap(await vault.call('vault.lock', {}));
    const open = await unlockVault(
      { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS },
      v.dataDir,
      new UnlockThrottle(),
    );
    try {
      const tables = (
        open.db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
          .all() as Array<{ name: string }>
      ).map((t) => t.name);
      const copies = new Set(CUSTOMER_COPIES.flatMap((c) => [c.table, ...(c.shadows ?? [])]));
      const declared = new Set([RECORDS_TABLE, ...copies, ...Object.keys(VALUE_FREE_TABLES)]);
      expect(tables.filter((t) => !declared.has(t))).toEqual([]);
      // Any table (other than the records themselves) whose cells hold a customer's value must be a copy.
      const values = [...v.before.values()].flatMap(valuesOf).filter((s) => Buffer.byteLength(s) >= 9);
      expect(values.length).toBeGreaterThan(300);
      const holding = tables.filter((t) => {
        if (t === RECORDS_TABLE) return false;
        const cells = (open.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
          .flat()
          .filter((c): c is string => typeof c === 'string');
        return cells.some((cell) => values.some((value) => cell.includes(value)));
      });
      expect(holding.length).toBeGreaterThan(0); // the quarantine and merge snapshots at least
      expect(holding.filter((t) => !copies.has(t))).toEqual([]);
    } finally {
      open.close();
    }
  } finally {
    await v.remove();
  }
});
