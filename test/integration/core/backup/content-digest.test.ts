// The content digest computed in SQL (json_object, rows joined by SQLite) equals, table by table, the
// JavaScript encoder that wrote every version-1 manifest, on the generator's varied data imported for
// real (customers, sources, search index blobs, duplicate clusters with REAL scores) and on a table of
// edge values: REALs that SQLite's own JSON would print differently, BLOBs (one that looks like JSONB),
// NULLs, Chinese text, control characters, integers beyond 2^53, odd keys and table shapes. A version-1
// backup written the old way still verifies and drills against its manifest's digest, and a wrong
// digest in a (re-signed) manifest is caught. A version-2 backup's digest comes from its drill.
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { manifestBytes, type BackupManifest } from '../../../../electron/core/backup/manifest';
import { describeContent, openBackupReadOnly } from '../../../../electron/core/backup/snapshot-content';
import { auditHead } from '../../../../electron/core/vault/audit';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { companyKekFromRecovery, openCompany } from '../../../../electron/core/vault/certificates';
import { recoveryMaterial } from '../../../../electron/core/vault/recovery-secret';
import { cmsSign, companySigner } from '../../../../electron/core/vault/signer';
import { schemaVersion } from '../../../../electron/core/vault/migrate';
import { generateCustomers } from '../../../fixtures/customers';
import { encodeCsv } from '../../../fixtures/write-csv';
import { tempDir } from '../../helpers';
import { referenceContent } from '../../support/content-digest-v1';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { keyOf, withRawVault } from './backup-support';

jest.setTimeout(180_000);

let v: VaultFixture;
let out: ReturnType<typeof tempDir>;

const REALS = [
  0.1 + 0.2,
  1 / 3,
  1e21,
  1e-7,
  -0,
  100,
  72.5,
  5e-324,
  1.7976931348623157e308,
  -123456789.125,
  2 ** 53 + 2,
];
const TEXTS = [
  '杭州示例商贸有限公司',
  '',
  'quote " backslash \\ slash /',
  'controls \u0000\u0001\u0007\b\t\n\u000b\f\r\u001f end',
  'DEL \u007f, U+2028 \u2028 U+2029 \u2029, BOM \ufeff',
  '😀 astral 𠀋 and 繁體/简体',
  '{"looks":"like JSON"}',
  '=HYPERLINK("x")',
];
const BIGS = [0n, -1n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n)];

/** Tables of every shape the digest handles: rowid batches, WITHOUT ROWID, no key, non-alias key. */
function fillEdges(db: VaultDb): void {
  db.exec(`
    CREATE TABLE edge_values (id INTEGER PRIMARY KEY, r REAL, t TEXT, i INTEGER, b BLOB, "odd ""key"" 列" TEXT);
    CREATE TABLE edge_composite (a TEXT, b INTEGER, v, PRIMARY KEY (b, a)) WITHOUT ROWID;
    CREATE TABLE edge_nokey (x, y);
    CREATE TABLE edge_desc (id INTEGER PRIMARY KEY DESC, v);
    CREATE TABLE edge_textkey (k TEXT PRIMARY KEY, v);
    CREATE TABLE edge_empty (id INTEGER PRIMARY KEY, v);
    CREATE TABLE edge_bigkeys (id INTEGER PRIMARY KEY, v);
    CREATE TABLE edge_affinity (id INTEGER PRIMARY KEY, vc VARCHAR(20), clob CLOB, ci CHARINT, s STRING, f FLOATING, no);
  `);
  const insert = db.prepare(`INSERT INTO edge_values (r, t, i, b, "odd ""key"" 列") VALUES (?, ?, ?, ?, ?)`);
  const jsonbLike = Buffer.from([0x0c, 0x13, 0x61]); // a valid-looking JSONB header: must still be a BLOB
  for (let n = 0; n < 4200; n++) {
    insert.run(
      n % 5 === 4 ? null : REALS[n % REALS.length],
      n % 6 === 5 ? null : `${TEXTS[n % TEXTS.length]} ${n}`,
      n % 7 === 6 ? null : BIGS[n % BIGS.length],
      n % 4 === 0
        ? null
        : n % 4 === 1
          ? Buffer.alloc(0)
          : n % 4 === 2
            ? jsonbLike
            : Buffer.from([n % 256, 0, 255]),
      n % 3 === 0 ? '键' : null,
    );
  }
  // Values whose declared type is not their stored type (no STRICT): REAL and BLOB in a TEXT column.
  db.prepare(`INSERT INTO edge_values (r, t) VALUES ('text in a REAL column', 3.25)`).run();
  db.prepare(`INSERT INTO edge_values (t) VALUES (?)`).run(Buffer.from('blob in TEXT'));
  const composite = db.prepare('INSERT INTO edge_composite VALUES (?, ?, ?)');
  for (let n = 0; n < 17 * 11; n++) composite.run(`键${n % 17}`, n % 11, n % 2 ? 0.5 * n : `v${n}`);
  const nokey = db.prepare('INSERT INTO edge_nokey VALUES (?, ?)');
  for (let n = 0; n < 2500; n++) nokey.run(n % 3 ? n : null, n % 2 ? 1 / (n + 1) : `第${n}行`);
  const desc = db.prepare('INSERT INTO edge_desc VALUES (?, ?)');
  for (let n = 0; n < 50; n++) desc.run(1000 - n * 7, n);
  // Rowids past 2^53 (neighbours look equal as JavaScript numbers): the batches' order check cannot
  // confirm them, so they are joined again with SQL's ORDER BY; across a batch boundary.
  const bigkeys = db.prepare('INSERT INTO edge_bigkeys VALUES (?, ?)');
  for (let n = 0n; n < 2100n; n++) bigkeys.run(2n ** 62n + n * (n % 2n ? 1n : 3n), `${n}`);
  // Declared types by SQLite's affinity rules: VARCHAR and CLOB are TEXT (numbers stored as text), CHARINT
  // is INTEGER (rule 1 first), STRING is NUMERIC and FLOATING INTEGER: REALs and BLOBs must stay exact.
  const affinity = db.prepare('INSERT INTO edge_affinity (vc, clob, ci, s, f, no) VALUES (?, ?, ?, ?, ?, ?)');
  for (let n = 0; n < 60; n++) {
    const value = [REALS[n % REALS.length], `文本${n}`, Buffer.from([n, 0]), null, BIGS[n % BIGS.length]][
      n % 5
    ];
    affinity.run(value, value, value, value, value, value);
  }
  const textkey = db.prepare('INSERT INTO edge_textkey VALUES (?, ?)');
  for (const k of ['b', 'a', 'é', 'Z', '中', '']) textkey.run(k, k.length);
}

beforeAll(async () => {
  v = await makeVault();
  out = tempDir('closeout-digest-');
  const csv = join(v.dir, '客户名单.csv');
  writeFileSync(csv, encodeCsv([...generateCustomers(20261206, 3000)].map((g) => g.row)));
  unwrap(await v.engine.call('import.run', { inputs: [{ file: { path: csv } }] }));
  unwrap(await v.engine.call('duplicates.run', {}));
  await withRawVault(v, fillEdges);
});
afterAll(async () => {
  await v.remove();
  out.remove();
});

async function peek<T>(work: (db: VaultDb) => T | Promise<T>): Promise<T> {
  const db = openVaultDatabase(v.file, keyOf(v));
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

it('equals the JavaScript encoder of version-1 manifests, table by table', async () => {
  const { sql, reference, reals, blobs, affinity } = await peek(async (db) => ({
    sql: await describeContent(db),
    reference: referenceContent(db),
    reals: db.prepare(`SELECT count(*) FROM clusters WHERE typeof(score) = 'real'`).pluck().get() as number,
    blobs: db.prepare(`SELECT count(*) FROM customers_fts_data`).pluck().get() as number,
    affinity: db
      .prepare(
        `SELECT typeof(vc) || ' ' || typeof(ci) || ' ' || typeof(s) AS types, count(*) AS n
         FROM edge_affinity GROUP BY 1 ORDER BY 1`,
      )
      .all(),
  }));
  // The data really has what the digest must get right.
  expect(reals).toBeGreaterThan(0);
  expect(blobs).toBeGreaterThan(0);
  expect(sql.rowCounts.customers).toBe(3000);
  expect(sql.rowCounts.edge_values).toBe(4202);
  // A TEXT-affinity column keeps BLOBs and turns numbers into text; the others keep REALs.
  const types = (affinity as Array<{ types: string }>).map((a) => a.types);
  expect(types).toEqual(expect.arrayContaining(['blob blob blob', 'text real real', 'text text text']));
  expect(types.filter((t) => t.startsWith('real') || t.startsWith('integer'))).toEqual([]);
  for (const table of Object.keys(reference.tableDigests))
    expect({ table, digest: sql.tableDigests[table] }).toEqual({
      table,
      digest: reference.tableDigests[table],
    });
  expect(sql).toEqual(reference);
});

it('fails on a REAL the format cannot write (infinity), as the JavaScript encoder did', async () => {
  await peek(async (db) => {
    const copy = join(out.path, 'inf.cvault');
    db.prepare('VACUUM INTO ?').run(copy);
    const c = openVaultDatabase(copy, keyOf(v));
    try {
      c.exec('CREATE TABLE inf (id INTEGER PRIMARY KEY, r REAL); INSERT INTO inf (r) VALUES (9e999)');
      expect(() => referenceContent(c)).toThrow('non-finite REAL');
      await expect(describeContent(c)).rejects.toThrow('non-finite REAL');
    } finally {
      c.close();
    }
  });
});

/**
 * A backup exactly as Closeout wrote it before manifest version 2: VACUUM INTO, the digest in JavaScript,
 * the manifest signed by the company key itself (opened here through the recovery key's copy).
 */
async function writeV1Backup(name: string, digest?: (real: string) => string): Promise<string> {
  const file = join(out.path, `${name}.cobackup`);
  await peek((db) => db.prepare('VACUUM INTO ?').run(file));
  const snap = openBackupReadOnly(file, keyOf(v));
  let manifest: BackupManifest;
  try {
    const content = referenceContent(snap);
    const vaultId = v.created.session.vaultId;
    const material = recoveryMaterial(v.created.recoveryKey);
    const ckek = companyKekFromRecovery(snap, vaultId, material.companyKekKey!);
    const company = ckek && openCompany(snap, vaultId, ckek);
    if (!company) throw new Error('the recovery key does not open the company key');
    const serial = new X509Certificate(company.certificatePem).serialNumber.toUpperCase();
    const signer = companySigner(createPrivateKey(company.privateKeyPem), company.certificatePem, serial);
    manifest = {
      format: 'closeout-backup-manifest',
      version: 1,
      backupId: '0b6f2f3e-8f1c-4c2a-9d7e-2a1d3c4b5e6f',
      vaultId,
      clientName: '杭州示例商贸有限公司',
      schemaVersion: schemaVersion(snap),
      appVersion: '0.1.0',
      operator: 'owner',
      createdAt: new Date().toISOString(),
      file: basename(file),
      size: readFileSync(file).length,
      sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
      rowCounts: content.rowCounts,
      contentDigest: digest ? digest(content.contentDigest) : content.contentDigest,
      auditHead: auditHead(snap),
      keySlots: 'none',
      certificatePem: company.certificatePem,
    };
    const bytes = manifestBytes(manifest);
    writeFileSync(`${file}.manifest.json`, bytes);
    writeFileSync(`${file}.manifest.json.p7s`, cmsSign(signer, bytes, new Date(), { chain: false })!);
  } finally {
    snap.close();
  }
  return file;
}

it('verifies and drills a version-1 backup against its manifest digest; a wrong digest is caught', async () => {
  const good = await writeV1Backup('v1-good');
  const verified = unwrap(await v.engine.call('backup.verify', { backup: { path: good } }));
  expect(verified.checks.filter((c) => !c.ok)).toEqual([]);
  expect(verified.checks.find((c) => c.name === 'content-digest')).toMatchObject({ ok: true });
  expect(verified.manifest?.contentDigest).toMatch(/^[0-9a-f]{64}$/);
  const drilled = unwrap(await v.engine.call('backup.drill', { backup: { path: good } }));
  expect(drilled.checks.filter((c) => !c.ok)).toEqual([]);
  expect(drilled.contentDigest).toBe(verified.manifest?.contentDigest);
  expect(drilled.checks.find((c) => c.name === 'restored-content-digest')?.detail).toContain("manifest's");

  // Signed, intact, but its digest is not the content's: only the content check fails.
  const wrong = await writeV1Backup('v1-wrong', (d) => `${d.slice(0, 63)}${d.endsWith('0') ? '1' : '0'}`);
  const r = unwrap(await v.engine.call('backup.verify', { backup: { path: wrong } }));
  expect(r.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['content-digest']);
  const d = unwrap(await v.engine.call('backup.drill', { backup: { path: wrong } }));
  expect(d.ok).toBe(false);
  expect(d.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['restored-content-digest']);
});

it('a version-2 backup: the drill computes the digest the v1 encoder gives, and verify then compares with it', async () => {
  const created = unwrap(await v.engine.call('backup.create', { dir: { path: out.path } }));
  const before = unwrap(await v.engine.call('backup.verify', { backup: { backupId: created.backupId } }));
  expect(before.ok).toBe(true);
  expect(before.checks.map((c) => c.name)).not.toContain('content-digest'); // nothing to compare with yet
  const drilled = unwrap(await v.engine.call('backup.drill', { backup: { backupId: created.backupId } }));
  expect(drilled.ok).toBe(true);
  const snap = openBackupReadOnly(created.path, keyOf(v));
  try {
    expect(drilled.contentDigest).toBe(referenceContent(snap).contentDigest);
  } finally {
    snap.close();
  }
  const after = unwrap(await v.engine.call('backup.verify', { backup: { backupId: created.backupId } }));
  expect(after.checks.find((c) => c.name === 'content-digest')).toMatchObject({
    ok: true,
    detail: expect.stringContaining(drilled.at),
  });
  const again = unwrap(await v.engine.call('backup.drill', { backup: { backupId: created.backupId } }));
  expect(again.checks.find((c) => c.name === 'restored-content-digest')?.detail).toContain(drilled.at);
});
