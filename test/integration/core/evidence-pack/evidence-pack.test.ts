// The evidence pack against tools that did not write it: Debian's openssl verifies the CMS signature (and
// opens the envelope to the auditor's certificate), tar unpacks the bag, sha256sum -c checks every file.
// Closeout's own verification agrees, and one changed byte is named: the file, or the signature.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssessmentBody } from '../../../../shared/contract';
import { backupAndDrill, closureVault, type ClosureFixture } from '../../support/closure-fixture';
import { checkPackWithDebianTools, opensslVerifyAttached, run } from '../../support/openssl';

jest.setTimeout(300_000);

let v: ClosureFixture;
let companyPem: string;

const BODY: AssessmentBody = {
  purposes: 'p',
  lawfulness: 'l',
  impact: 'i',
  likelihood: 2,
  severity: 3,
  measures: 'm',
  proportionality: 'pr',
  conclusion: 'c',
  residualRisk: 'low',
  dpoAdvice: '',
  reviewDate: null,
};

beforeAll(async () => {
  v = await closureVault(150, 99);
  await v.call('dispositions.apply', {
    rules: [
      { when: { flags: { stale: true } }, set: { disposition: 'DESTROY' } },
      { when: {}, set: { disposition: 'RETAIN', preset: 'accounting-30y' } },
    ],
  });
  await backupAndDrill(v);
  await v.call('assessments.save', { kind: 'pipia', body: BODY });
  await v.call('assessments.approve', { kind: 'pipia' });
  const person = await v.call('people.save', { name: '欧阳证据', duty: 'custodian' });
  const scan = join(v.dir, 'undertaking-scan.pdf');
  writeFileSync(scan, '%PDF-1.4 signed undertaking scan\n');
  await v.call('people.recordUndertaking', { id: person.id, signedOn: '2026-01-06', file: { path: scan } });
  await v.call('risks.add', { title: '财务电脑未加密', category: 'leakage', likelihood: 3, impact: 4 });
  // The company certificate as an auditor would get it: from the audit export, not from the pack.
  const exported = await v.call('audit.export', { dir: { path: join(v.elsewhere, 'audit') } });
  companyPem = exported.files.find((f) => f.endsWith('.certificate.pem'))!;
});
afterAll(() => v.remove());

describe('evidence pack', () => {
  let pack: string;
  let bag: string;

  it('is written, archived in the data folder, and recorded in the audit chain', async () => {
    const result = await v.call('evidence.pack', { dir: { path: join(v.elsewhere, 'out') } });
    pack = result.path;
    expect(pack).toMatch(/closeout-evidence-[0-9a-f]{8}-\d{8}T\d{6}Z\.p7m$/);
    expect(result).toMatchObject({ encrypted: false, includesPersonalData: false });
    expect(result.archived).toContain(join(v.dataDir, 'evidence', v.created.session.vaultId));
    expect(readFileSync(result.archived!)).toEqual(readFileSync(pack));
    const entries = await v.call('audit.list', { op: 'evidence.pack' });
    expect(entries[0].params).toMatchObject({ sha256: result.sha256, encrypted: false });
  });

  it('verifies with openssl, unpacks with tar, and every file checks with sha256sum -c', () => {
    const checked = checkPackWithDebianTools(pack, join(v.elsewhere, 'unpacked'), companyPem);
    bag = checked.bag;
    for (const file of [
      'data/compliance/report.json',
      'data/compliance/report.pdf',
      'data/assessments/pipia.json',
      'data/assessments/pipia.pdf',
      'data/ropa/ropa.json',
      'data/ropa/ropa.csv',
      'data/retention/retention-schedule.csv',
      'data/risks/risk-register.csv',
      'data/people/people-and-training.json',
      'data/backups/backups.json',
      'data/audit/audit-chain.json',
    ])
      expect(checked.sha256sum).toContain(`${file}: OK`);
    expect(checked.sha256sum).toMatch(/data\/evidence-files\/[0-9a-f]{12}-undertaking-scan\.pdf: OK/);
    expect(checked.sha256sum).toMatch(/data\/backups\/manifests\/.*\.manifest\.json\.p7s: OK/);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toMatch(/Keep-Until: \d{4}-\d{2}-\d{2}/);
  });

  it('every checkpoint of the audit chain in the bag verifies with openssl', () => {
    const dir = join(bag, 'data', 'audit', 'checkpoints');
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const r = run('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'PEM',
        '-in',
        join(dir, name.replace(/\.txt$/, '.p7s')),
        '-content',
        join(dir, name),
        '-CAfile',
        companyPem,
        '-out',
        '/dev/null',
      ]);
      expect({ name, status: r.status }).toEqual({ name, status: 0 });
    }
  });

  it("holds no customer's values unless the owner asks for the record list", async () => {
    const tarBytes = readFileSync(join(v.elsewhere, 'unpacked', 'pack.tar')).toString('utf8');
    // Names of three characters or more (two-character Chinese names occur in ordinary words), phones,
    // e-mails and ID numbers, as the files had them.
    const values = v.customers
      .flatMap((c) => [c.row.name.trim(), c.row.phone, c.row.email, c.row.id_number])
      .filter((s, i) => s && s.length >= (i % 4 === 0 ? 3 : 6));
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((s) => tarBytes.includes(s))).toEqual([]);

    const withList = await v.call('evidence.pack', {
      dir: { path: join(v.elsewhere, 'out-list') },
      includeRecordList: true,
      archive: false,
    });
    expect(withList).toMatchObject({ includesPersonalData: true, archived: null });
    const checked = checkPackWithDebianTools(withList.path, join(v.elsewhere, 'unpacked-list'), companyPem);
    const list = readFileSync(join(checked.bag, 'data', 'records', 'dispositions.csv'), 'utf8');
    const named = v.customers.map((c) => c.row.name).filter((n) => n.length >= 2);
    expect(named.filter((n) => list.includes(n)).length).toBeGreaterThan(named.length * 0.9);
  });

  it("Closeout's own check agrees, pinned to the certificate given or only to the one inside", async () => {
    const given = await v.call('evidence.verify', {
      pack: { path: pack },
      companyCertificate: { path: companyPem },
    });
    expect(given).toMatchObject({ ok: true, problems: [], encrypted: false, signer: { pinnedTo: 'given' } });
    expect(given.bag).toMatchObject({
      vaultId: v.created.session.vaultId,
      clientName: '杭州示例商贸有限公司',
    });
    const alone = await v.call('evidence.verify', { pack: { path: pack } });
    expect(alone).toMatchObject({ ok: true, signer: { pinnedTo: 'pack' } });
  });

  it('one changed byte in a file is named; in the signature, the signature is', async () => {
    const bytes = readFileSync(pack);
    const marker = Buffer.from('"format": "closeout-impact-assessment"');
    const at = bytes.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    const inFile = Buffer.from(bytes);
    inFile[at + 12] ^= 0x01;
    const changed = join(v.elsewhere, 'changed-file.p7m');
    writeFileSync(changed, inFile);
    const r = await v.call('evidence.verify', {
      pack: { path: changed },
      companyCertificate: { path: companyPem },
    });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: 'data/assessments/pipia.json', problem: 'changed' }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ file: '(signature)', problem: 'signature' }));
    expect(opensslVerifyAttached(changed, companyPem).status).not.toBe(0);

    const inSignature = Buffer.from(bytes);
    inSignature[bytes.length - 40] ^= 0x01;
    const signed = join(v.elsewhere, 'changed-signature.p7m');
    writeFileSync(signed, inSignature);
    const s = await v.call('evidence.verify', { pack: { path: signed } });
    expect(s.ok).toBe(false);
    expect(s.problems.map((p) => p.file)).toEqual(['(signature)']);
  });

  it('any one changed byte makes it unsound, with something named', async () => {
    const bytes = readFileSync(pack);
    let x = 12345;
    for (let i = 0; i < 10; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const at = x % bytes.length;
      const copy = Buffer.from(bytes);
      copy[at] ^= 0x20;
      const file = join(v.elsewhere, `random-${i}.p7m`);
      writeFileSync(file, copy);
      const r = await v.call('evidence.verify', {
        pack: { path: file },
        companyCertificate: { path: companyPem },
      });
      expect({ at, ok: r.ok }).toEqual({ at, ok: false });
      expect(r.problems.length).toBeGreaterThan(0);
      for (const p of r.problems) expect(p.file.length).toBeGreaterThan(0);
    }
  });

  it("encrypted to the auditor's certificate: openssl opens it, then verifies; Closeout needs the key", async () => {
    const keys = join(v.elsewhere, 'auditor');
    mkdirSync(keys);
    const made = run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(keys, 'auditor.key'),
      '-out',
      join(keys, 'auditor.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=Auditor 审计师/O=Example Audit LLP',
    ]);
    expect(made.status).toBe(0);
    const result = await v.call('evidence.pack', {
      dir: { path: join(v.elsewhere, 'out-encrypted') },
      encryptTo: { path: join(keys, 'auditor.pem') },
    });
    expect(result.encrypted).toBe(true);
    const signed = join(v.elsewhere, 'decrypted.p7m');
    const opened = run('openssl', [
      'cms',
      '-decrypt',
      '-binary',
      '-inform',
      'DER',
      '-in',
      result.path,
      '-recip',
      join(keys, 'auditor.pem'),
      '-inkey',
      join(keys, 'auditor.key'),
      '-out',
      signed,
    ]);
    expect(opened).toMatchObject({ status: 0 });
    checkPackWithDebianTools(signed, join(v.elsewhere, 'unpacked-encrypted'), companyPem);

    const noKey = await v.engine.call('evidence.verify', { pack: { path: result.path } });
    expect(noKey.ok ? 'ok' : noKey.error.code).toBe('EVIDENCE_KEY_NEEDED');
    const withKey = await v.call('evidence.verify', {
      pack: { path: result.path },
      key: { path: join(keys, 'auditor.key') },
      companyCertificate: { path: companyPem },
    });
    expect(withKey).toMatchObject({ ok: true, encrypted: true, signer: { pinnedTo: 'given' } });
  });

  it('refuses a file that is not a certificate to encrypt to, and writes nothing', async () => {
    const bogus = join(v.elsewhere, 'not-a-cert.pem');
    writeFileSync(bogus, 'hello');
    const out = join(v.elsewhere, 'out-bogus');
    const r = await v.engine.call('evidence.pack', { dir: { path: out }, encryptTo: { path: bogus } });
    expect(r.ok ? 'ok' : r.error.code).toBe('CERTIFICATE_UNREADABLE');
    expect(() => readdirSync(out)).toThrow();
    const notPack = await v.call('evidence.verify', { pack: { path: bogus } });
    expect(notPack).toMatchObject({ ok: false, problems: [{ file: '(structure)', problem: 'structure' }] });
  });
});
