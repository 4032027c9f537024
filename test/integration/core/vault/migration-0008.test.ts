// Migration 0008 (the WeChat ID) on a vault written by a schema-7 Closeout, with records and a merge
// made then: unlocking migrates it (after copying the schema-7 file beside it), the old records have no
// WeChat ID ('missing'), a WeChat column imports into it, and the old merge — whose snapshot predates the
// column — is still undone exactly.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { csvRecord } from '../../../fixtures/write-csv';
import { releasedTable } from '../../support/released-tables';
import { makeVault, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';

jest.setTimeout(60_000);

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const raw = (work: (db: VaultDb) => void) => {
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  try {
    work(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};
const csv = (name: string, rows: string[][]) => {
  const path = join(v.dir, name);
  writeFileSync(path, rows.map(csvRecord).join('\r\n') + '\r\n');
  return { path };
};

it('migrates a schema-7 vault with records and a merge; the merge is still undone exactly', async () => {
  unwrap(
    await v.engine.call('import.run', {
      inputs: [
        {
          file: csv('old.csv', [
            ['姓名', '手机', '地址'],
            ['陈大文', '13812345678', '杭州市西湖区文三路1号'],
            ['陳大文', '13812345678', ''],
          ]),
        },
      ],
    }),
  );
  unwrap(await v.engine.call('duplicates.run', {}));
  const [cluster] = unwrap(await v.engine.call('duplicates.clusters', {})).clusters;
  const [first, second] = cluster.members.map((m) => m.id);
  const before = unwrap(await v.engine.call('records.get', { id: second })).record;
  const merge = unwrap(
    await v.engine.call('duplicates.merge', {
      clusterId: cluster.id,
      survivorId: second,
      chosen: { address: first },
    }),
  );
  await v.engine.call('vault.lock', {});

  // What the schema-7 release wrote: no WeChat columns, merge snapshots without them, none of the
  // compliance tables (schema 9), nor the requests register (schema 10) nor the phones, customer-type and flag columns (schema 11);
  // handover PIPIAs in their own table (until schema 13), and no incident register (schema 14).
  raw((db) => {
    db.exec(`DROP INDEX customers_wechat;
      ALTER TABLE customers DROP COLUMN wechat_status;
      ALTER TABLE customers DROP COLUMN wechat;
      ALTER TABLE customers DROP COLUMN phones;
      ALTER TABLE customers DROP COLUMN customer_type;
      ALTER TABLE customers DROP COLUMN hidden_characters;
      ALTER TABLE customers DROP COLUMN malformed;`);
    for (const table of [
      'compliance_settings',
      'compliance_answers',
      'company_items',
      'assessments',
      'risks',
      'closure_people',
      'training_log',
      'progress_snapshots',
      'passphrase_checks',
      'compliance_files',
      'requests',
      'incidents',
      'incident_plan',
      'incident_drills',
    ])
      db.exec(`DROP TABLE ${table}`);
    // Schema 6–12 kept each handover's PIPIA in its own table (schema 13 moved it into assessments).
    db.exec(releasedTable(6, 'handover_pipias'));
    const row = db.prepare('SELECT id, before FROM merges').get() as { id: number; before: string };
    const old = JSON.parse(row.before) as { survivor: Record<string, unknown> };
    delete old.survivor.wechat;
    delete old.survivor.wechat_status;
    db.prepare('UPDATE merges SET before = ? WHERE id = ?').run(JSON.stringify(old), row.id);
    db.pragma('user_version = 7');
  });

  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  expect(unwrap(await v.engine.call('vault.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  expect(readdirSync(v.dir).filter((f) => /^client\.cvault\.schema-v7-.*\.bak$/.test(f))).toHaveLength(1);
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);

  const survivor = unwrap(await v.engine.call('records.get', { id: second })).record;
  expect(survivor).toMatchObject({
    wechat: null,
    status: { wechat: 'missing' },
    address: '杭州市西湖区文三路1号',
  });
  unwrap(await v.engine.call('duplicates.unmerge', { mergeId: merge.mergeId }));
  const after = unwrap(await v.engine.call('records.get', { id: second })).record;
  expect(after).toEqual({ ...before, cluster: after.cluster });

  // The migrated vault takes WeChat IDs like a new one.
  unwrap(
    await v.engine.call('import.run', {
      inputs: [
        {
          file: csv('new.csv', [
            ['姓名', '微信号'],
            ['王芳', 'wangfang_1990'],
          ]),
        },
      ],
    }),
  );
  const found = unwrap(await v.engine.call('records.query', { query: 'wangfang' })).records;
  expect(found.map((r) => [r.name, r.wechat, r.status.wechat])).toEqual([['王芳', 'wangfang_1990', 'valid']]);
});
