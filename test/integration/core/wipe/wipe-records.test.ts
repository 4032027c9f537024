// wipe.records on a vault filled the real way (import, duplicates merged, random dispositions, quarantined
// rows): a dry run changes nothing; the wipe leaves no purged value on any decrypted page (decrypted here,
// by the test's own reader) nor in the raw file, retained records exactly as they were, anonymised ones
// reduced, the vault sound; its certificate verifies with openssl and the audit chain holds its digest.
import { createHash, X509Certificate } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerRecord } from '../../../../shared/customer';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { opensslCmsVerify } from '../../support/openssl';
import { unwrap } from '../../support/vault-fixture';
import { decryptVault, exportAll, fillVault, valuesOf, type FilledVault } from '../../support/wipe-fixture';

jest.setTimeout(180_000);

let v: FilledVault;
let certDir: string;
let result: Awaited<ReturnType<typeof runWipe>>;
let after: Map<number, CustomerRecord>;

async function runWipe() {
  return unwrap(await v.engine.call('wipe.records', { certificateDir: { path: certDir } }));
}

const byDisposition = (d: string | null) =>
  [...v.before.values()].filter((r) => r.mergedInto === null && r.disposition === d);

beforeAll(async () => {
  v = await fillVault({ seed: 11, count: 400 });
  certDir = join(v.dir, 'certificates');
  mkdirSync(certDir);
});
afterAll(() => v.remove());

test('a dry run lists the plan and changes nothing', async () => {
  const dry = unwrap(await v.engine.call('wipe.records', { dryRun: true }));
  expect(dry.dryRun).toBe(true);
  expect(dry.wipeId).toBeNull();
  expect(dry.plan.records.destroy).toBeGreaterThanOrEqual(byDisposition('DESTROY').length);
  expect(dry.plan.records.anonymise).toBe(byDisposition('ANONYMISE').length);
  expect(dry.plan.records.keptTotal).toBe(byDisposition('RETAIN').length);
  expect(dry.plan.records.quarantine).toBe(3);
  const now = await exportAll(v.engine, v.dir, 'after-dry-run');
  expect(now.length).toBe(v.before.size);
  expect(readdirSync(certDir)).toEqual([]);
});

test('the wipe purges, verifies and certifies', async () => {
  result = await runWipe();
  after = new Map((await exportAll(v.engine, v.dir, 'after')).map((r) => [r.id, r]));
  expect(result.verification?.ok).toBe(true);
  expect(result.verification?.checks.map((c) => c.name)).toEqual(
    expect.arrayContaining(['purged-values-absent', 'pages-authentic', 'targets-gone', 'wal-truncated']),
  );
  expect(result.purged.records).toBeGreaterThanOrEqual(byDisposition('DESTROY').length);
  expect(result.purged.anonymised).toBe(byDisposition('ANONYMISE').length);
  expect(result.certificate).not.toBeNull();
});

test('destroyed records are gone, retained and other records untouched, anonymised ones reduced', () => {
  for (const r of byDisposition('DESTROY')) expect(after.has(r.id)).toBe(false);
  for (const r of [...byDisposition('RETAIN'), ...byDisposition('TRANSFER'), ...byDisposition(null)]) {
    const a = after.get(r.id)!;
    // Only a duplicate cluster whose other members were all destroyed is gone: it groups nothing now.
    expect({ ...a, cluster: r.cluster }).toEqual(r);
    if (a.cluster !== r.cluster) {
      expect(a.cluster).toBeNull();
      expect([...after.values()].filter((o) => o.cluster === r.cluster)).toEqual([]);
    }
  }
  for (const r of byDisposition('ANONYMISE')) {
    const a = after.get(r.id)!;
    expect([a.name, a.phone, a.email, a.idNumber, a.address, a.notes]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(a.extra).toEqual({});
    expect([a.type, a.region, a.category, a.disposition]).toEqual([
      r.type,
      r.region,
      r.category,
      'ANONYMISE',
    ]);
  }
});

test('no purged value is on any decrypted page, nor in the raw file', () => {
  const kept = [...after.values()].flatMap(valuesOf);
  const purged = [...byDisposition('DESTROY'), ...byDisposition('ANONYMISE')]
    .flatMap(valuesOf)
    .filter((value) => !kept.some((k) => k.includes(value)));
  expect(purged.length).toBeGreaterThan(100);
  const key = recoveryVaultKey(v.created.recoveryKey);
  const plain = decryptVault(v.file, key);
  expect(plain.includes(Buffer.from(v.created.session.clientName))).toBe(true); // the reader works
  const raw = readFileSync(v.file);
  for (const value of [...purged, ...v.quarantineMarkers]) {
    const bytes = Buffer.from(value, 'utf8');
    expect({ value, page: plain.includes(bytes), raw: raw.includes(bytes) }).toEqual({
      value,
      page: false,
      raw: false,
    });
  }
});

test('the vault still passes vault check', async () => {
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);
});

test('the certificate verifies with openssl, one changed byte breaks it, and the audit chain holds its digest', async () => {
  const c = result.certificate!;
  const ok = opensslCmsVerify({ content: c.json, signature: c.signature, certificate: c.companyCertificate });
  expect(ok.stderr).toContain('Verification successful');
  expect(ok.status).toBe(0);
  // The signer is the acting user's certificate, issued by the company CA given to openssl as -CAfile.
  const signedBy = JSON.parse(readFileSync(c.json, 'utf8')).signer;
  expect(signedBy.company.fingerprintSha256).toBe(
    new X509Certificate(readFileSync(c.companyCertificate)).fingerprint256,
  );
  expect(signedBy.fingerprintSha256).not.toBe(signedBy.company.fingerprintSha256);
  const json = readFileSync(c.json);
  expect(createHash('sha256').update(json).digest('hex')).toBe(c.sha256);
  const manifest = readFileSync(c.manifest);
  const facts = JSON.parse(json.toString('utf8'));
  expect(facts.deletionManifest.sha256).toBe(createHash('sha256').update(manifest).digest('hex'));
  expect(facts.kind).toBe('records');
  expect(facts.records.kept.reduce((n: number, g: { records: number }) => n + g.records, 0)).toBe(
    byDisposition('RETAIN').length,
  );

  const flipped = join(v.dir, 'flipped.json');
  const bytes = Buffer.from(json);
  bytes[bytes.indexOf('"records"') + 2] ^= 0x01;
  writeFileSync(flipped, bytes);
  const broken = opensslCmsVerify({
    content: flipped,
    signature: c.signature,
    certificate: c.companyCertificate,
  });
  expect(broken.status).not.toBe(0);
  expect(broken.stderr).toMatch(/digest failure|Verification failure/i);

  const entries = unwrap(await v.engine.call('audit.list', { op: 'wipe.records', limit: 10 }));
  expect(entries[0].params).toMatchObject({
    wipeId: result.wipeId,
    step: 'certified',
    certificateSha256: c.sha256,
  });

  const verified = unwrap(
    await v.engine.call('certificate.verify', {
      json: { path: c.json },
      signature: { path: c.signature },
      companyCertificate: { path: c.companyCertificate },
    }),
  );
  expect(verified).toMatchObject({
    ok: true,
    format: 'closeout-sanitisation-certificate',
    certificateId: result.wipeId,
  });
});

test('the PDF renders and pdftotext shows the Chinese and English labels', () => {
  const c = result.certificate!;
  const text = spawnSync('pdftotext', ['-layout', c.pdf, '-'], { encoding: 'utf8' });
  expect(text.status).toBe(0);
  for (const label of [
    '数据销毁证明',
    'Certificate of sanitisation',
    '依法保留',
    '核验',
    '删除清单',
    '个人信息保护法',
  ])
    expect(text.stdout).toContain(label);
  expect(text.stdout).toContain(v.created.session.clientName);
  const png = join(v.dir, 'page');
  const render = spawnSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', c.pdf, png], {
    encoding: 'utf8',
  });
  expect(render.status).toBe(0);
  expect(readdirSync(v.dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
});
