// The restore drill's content digest on a backup of real imports: the generator's customers and the messy
// fixtures in every import format (GBK CSV, workbook, vCard: hidden characters, placeholders, long notes),
// duplicate clusters with REAL scores, the search index's BLOBs, and a scratch table of REALs, BLOBs,
// NULLs, big integers and Chinese text. The drill (which reads its restored copy without SQLite checking
// each page's HMAC again) gives, table by table, the digest of the JavaScript encoder that wrote every
// version-1 manifest, computed on the backup file itself with every page's HMAC checked; one changed value
// changes its table's digest and the content digest, and only those; a backup with a damaged page is
// never restored.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeContent, openBackupReadOnly } from '../../../../electron/core/backup/snapshot-content';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { customerRows } from '../../../fixtures/customers';
import { everythingCsv, everythingVcard, everythingXlsx } from '../../../fixtures/messy';
import { encodeCsv } from '../../../fixtures/write-csv';
import { tempDir } from '../../helpers';
import { referenceContent } from '../../support/content-digest-v1';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { fillScratch, keyOf, withRawVault } from './backup-support';

jest.setTimeout(300_000);

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;
let backup: string;

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-drill-digest-');
  const files: Array<[string, Uint8Array | string]> = [
    ['generated.csv', encodeCsv(customerRows(20261207, 1500), { header: 'zh' })],
    ...[
      everythingCsv(71, { rows: 400 }),
      everythingXlsx(72, { rows: 200 }),
      everythingVcard(73, { rows: 150 }),
    ].map((f): [string, Uint8Array] => [f.name, f.bytes]),
  ];
  const inputs = files.map(([name, bytes]) => {
    const path = join(v.dir, name);
    writeFileSync(path, bytes);
    return { file: { path } };
  });
  unwrap(await v.engine.call('import.run', { inputs }));
  unwrap(await v.engine.call('duplicates.run', {}));
  await withRawVault(v, (db) => {
    fillScratch(db, 3000, 7);
    // A long note (175 000 code points: CJK, astral, quotes, a backslash, controls).
    const long = '长文本 😀 "q" \\ \u0001\n'.repeat(12_500);
    db.prepare('INSERT INTO scratch (name, note) VALUES (?, ?)').run('long', long);
  });
  const dest = join(out.path, 'backups');
  mkdirSync(dest);
  backup = unwrap(await v.engine.call('backup.create', { dir: { path: dest } })).path;
});
afterAll(async () => {
  await v.remove();
  out.remove();
});

async function onCopy<T>(name: string, work: (db: VaultDb) => T | Promise<T>): Promise<T> {
  const file = join(out.path, `${name}.cvault`);
  copyFileSync(backup, file);
  const db = openVaultDatabase(file, keyOf(v));
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

it("the drill's digest is the version-1 encoder's, table by table, on data of every kind", async () => {
  const drilled = unwrap(await v.engine.call('backup.drill', { backup: { path: backup } }));
  expect(drilled.checks.filter((c) => !c.ok)).toEqual([]);
  const snap = openBackupReadOnly(backup, keyOf(v));
  try {
    const kinds = snap
      .prepare(
        `SELECT (SELECT count(*) FROM customers) AS customers,
                (SELECT count(DISTINCT source_id) FROM customers) AS sources,
                (SELECT count(*) FROM clusters WHERE typeof(score) = 'real') AS reals,
                (SELECT count(*) FROM customers_fts_data WHERE typeof(block) = 'blob') AS blobs,
                (SELECT count(*) FROM scratch WHERE photo IS NULL) AS nulls,
                (SELECT count(*) FROM customers WHERE hidden_characters = 1) AS hidden,
                (SELECT max(length(note)) FROM scratch) AS longest`,
      )
      .get() as Record<string, number>;
    // The data really holds what the digest must get right.
    expect(kinds.customers).toBeGreaterThan(2000);
    expect(kinds.sources).toBeGreaterThanOrEqual(4);
    for (const kind of ['reals', 'blobs', 'nulls', 'hidden'] as const) expect(kinds[kind]).toBeGreaterThan(0);
    expect(kinds.longest).toBe(175_000); // code points: 14 × 12 500
    const reference = referenceContent(snap);
    const described = await describeContent(snap);
    for (const table of Object.keys(reference.tableDigests))
      expect({ table, digest: described.tableDigests[table] }).toEqual({
        table,
        digest: reference.tableDigests[table],
      });
    expect(described).toEqual(reference);
    expect(drilled.contentDigest).toBe(reference.contentDigest);
  } finally {
    snap.close();
  }
});

it('one changed value changes its table digest and the content digest, and nothing else', async () => {
  // One byte of one value each: a character of a name, a BLOB's byte, a REAL's last digits, an integer.
  const changes: Array<[string, string]> = [
    [
      'customers',
      `UPDATE customers SET name = coalesce(name, '') || 'x' WHERE id = (SELECT min(id) FROM customers)`,
    ],
    [
      'scratch',
      `UPDATE scratch SET photo = unhex(substr(hex(photo), 1, 2) || '01' || substr(hex(photo), 5)) WHERE id = 1`,
    ],
    ['scratch', `UPDATE scratch SET amount = amount + 0.01 WHERE id = 17`],
    ['scratch', `UPDATE scratch SET big = big + 1 WHERE id = 2999`],
    ['clusters', `UPDATE clusters SET score = score * (1 + 1e-15) WHERE id = (SELECT max(id) FROM clusters)`],
  ];
  const base = await onCopy('base', (db) => describeContent(db));
  for (const [i, [table, sql]] of changes.entries()) {
    const changed = await onCopy(`changed-${i}`, async (db) => {
      expect(db.prepare(sql).run().changes).toBe(1);
      return describeContent(db);
    });
    const differing = Object.keys(base.tableDigests).filter(
      (t) => base.tableDigests[t] !== changed.tableDigests[t],
    );
    expect({ sql, differing }).toEqual({ sql, differing: [table] });
    expect(changed.contentDigest).not.toBe(base.contentDigest);
  }
});

it('a backup with one damaged page is never restored: the drill stops at the file checks', async () => {
  const dir = join(out.path, 'damaged');
  mkdirSync(dir);
  const file = join(dir, basename(backup));
  for (const suffix of ['', '.manifest.json', '.manifest.json.p7s'])
    copyFileSync(`${backup}${suffix}`, `${file}${suffix}`);
  const bytes = readFileSync(file);
  bytes[3 * 4096 + 100] ^= 0x01; // page 4's ciphertext
  writeFileSync(file, bytes);
  const drilled = unwrap(await v.engine.call('backup.drill', { backup: { path: file } }));
  expect(drilled.ok).toBe(false);
  expect(drilled.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['sha256', 'pages']);
  expect(drilled.checks.map((c) => c.name).filter((n) => n.startsWith('restored'))).toEqual([]);
  expect(drilled.contentDigest).toBeNull();
});
