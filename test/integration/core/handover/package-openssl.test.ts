// Interop with Debian's openssl, both ways, as a recipient's IT person would run it from the README: a
// Closeout package (certificate route, GCM and CBC; the password route) opens with `openssl cms -decrypt`,
// verifies with `openssl cms -verify -CAfile <sender>.pem`, untars, and `sha256sum -c` accepts its
// manifest; the receipt signed with `openssl cms -sign` closes the handover; and a package made by
// openssl to the same layout opens in Closeout and imports into a new vault.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openssl, requireOpenssl } from '../pki/openssl';
import { unwrap } from '../../support/vault-fixture';
import {
  handoverVault,
  opensslParties,
  type OpensslParties,
  readyHandover,
  recipientFiles,
  type HandoverVault,
  type RecipientFiles,
} from './handover-support';

jest.setTimeout(180_000);

let h: HandoverVault;
let recipient: RecipientFiles;
let company: string;
let sender: OpensslParties['sender'];

beforeAll(async () => {
  requireOpenssl();
  h = await handoverVault(120);
  recipient = await recipientFiles(h.v.dir);
  ({ company, sender } = await opensslParties(h.v));
}, 180_000);
afterAll(() => h.v.remove());

const sh = (command: string, cwd: string) => spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });

/** The README's own commands, steps 1–3, run in a fresh folder next to the package. */
function openWithOpenssl(pkg: string, decrypt: string[], name: string) {
  const dir = join(h.v.dir, name);
  mkdirSync(dir);
  const dec = openssl(
    ['cms', '-decrypt', '-binary', '-inform', 'DER', '-in', pkg, ...decrypt, '-out', 'signed.der'],
    dir,
  );
  expect({ step: 'decrypt', status: dec.status, stderr: dec.stderr }).toEqual({
    step: 'decrypt',
    status: 0,
    stderr: '',
  });
  const sender = pkg.replace(/\.p7m$/, '.sender.pem');
  const ver = openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'signed.der',
      '-CAfile',
      company,
      '-signer',
      'signer.pem',
      '-out',
      'bag.tar',
    ],
    dir,
  );
  expect({ step: 'verify', status: ver.status }).toEqual({ step: 'verify', status: 0 });
  expect(ver.stderr).toContain('Verification successful');
  // The certificate beside the package is the company CA; the signer is the acting user, certified by it.
  expect(readFileSync(sender, 'utf8').trim()).toBe(readFileSync(company, 'utf8').trim());
  const names = (file: string, what: string) =>
    openssl(['x509', '-in', file, '-noout', what, '-nameopt', 'RFC2253'], dir).stdout.trim();
  expect(names('signer.pem', '-issuer').replace(/^issuer=/, '')).toBe(
    names(company, '-subject').replace(/^subject=/, ''),
  );
  expect(names('signer.pem', '-subject')).toMatch(/CN=owner(,|$)/);
  const check = sh(
    'mkdir bag && tar -xf bag.tar -C bag && cd bag && sha256sum -c manifest-sha256.txt && sha256sum -c tagmanifest-sha256.txt',
    dir,
  );
  expect({ step: 'sha256sum -c', status: check.status, stderr: check.stderr }).toEqual({
    step: 'sha256sum -c',
    status: 0,
    stderr: '',
  });
  expect(check.stdout).toContain('data/customers.csv: OK');
  return join(dir, 'bag');
}

describe('a Closeout package opened with openssl', () => {
  let handoverId = '';
  let built: { path: string; readme: string; records: number; sha256: string };

  it('certificate route, AES-256-GCM: decrypt, verify, untar, sha256sum -c', async () => {
    handoverId = await readyHandover(h.v, { keyMode: 'certificate', certificate: recipient.certificate });
    built = unwrap(await h.v.engine.call('handover.package', { handoverId, out: { path: h.v.dir } }));
    const bag = openWithOpenssl(
      built.path,
      ['-recip', recipient.certificate, '-inkey', recipient.key],
      'gcm',
    );
    expect(readdirSync(bag).sort()).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
    ]);
    const csv = readFileSync(join(bag, 'data/customers.csv'));
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const jsonl = readFileSync(join(bag, 'data/customers.jsonl'), 'utf8').trim().split('\n');
    expect(jsonl).toHaveLength(built.records);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain(`External-Identifier: ${handoverId}`);
    // The package's SHA-256 in the README is what sha256sum prints.
    const sum = sh(`sha256sum ${JSON.stringify(built.path)}`, h.v.dir).stdout.split(' ')[0];
    expect(sum).toBe(built.sha256);
    expect(readFileSync(built.readme, 'utf8')).toContain(built.sha256);
  });

  it('the receipt signed with openssl cms -sign, from the README, closes the handover', async () => {
    const readme = readFileSync(built.readme, 'utf8');
    const receiptJson =
      readme.slice(readme.indexOf('== receipt.json ==') + '== receipt.json =='.length).trim() + '\n';
    const dir = join(h.v.dir, 'gcm');
    writeFileSync(join(dir, 'receipt.json'), receiptJson);
    const signed = openssl(
      [
        'cms',
        '-sign',
        '-binary',
        '-nodetach',
        '-in',
        'receipt.json',
        '-signer',
        recipient.certificate,
        '-inkey',
        recipient.key,
        '-outform',
        'DER',
        '-out',
        'receipt.p7s',
      ],
      dir,
    );
    expect(signed.status).toBe(0);
    const imported = unwrap(
      await h.v.engine.call('handover.receiptImport', {
        handoverId,
        receipt: { path: join(dir, 'receipt.p7s') },
      }),
    );
    expect(imported.records).toBe(built.records);
  });

  it('AES-256-CBC (EnvelopedData) and the password route open too', async () => {
    const cbcId = await readyHandover(h.v, { keyMode: 'certificate', certificate: recipient.certificate });
    const cbc = unwrap(
      await h.v.engine.call('handover.package', {
        handoverId: cbcId,
        out: { path: h.v.dir },
        cipher: 'aes-256-cbc',
      }),
    );
    openWithOpenssl(cbc.path, ['-recip', recipient.certificate, '-inkey', recipient.key], 'cbc');
    const pwId = await readyHandover(h.v, { keyMode: 'password' });
    const pw = unwrap(
      await h.v.engine.call('handover.package', {
        handoverId: pwId,
        out: { path: h.v.dir },
        password: '钱塘江-潮水-2026',
      }),
    );
    openWithOpenssl(pw.path, ['-pwri_password', '钱塘江-潮水-2026'], 'password');
    expect(readFileSync(pw.readme, 'utf8')).toContain('-pwri_password');
  });
});

describe('a package made by openssl to the same layout', () => {
  it('opens in Closeout, verifies against the company certificate, and imports into a new vault', async () => {
    const dir = join(h.v.dir, 'by-openssl');
    mkdirSync(join(dir, 'data'), { recursive: true });
    const rows = [
      { record: 1, name: '陈静', phone: '+8613800138000', email: 'chen@example.cn' },
      { record: 2, name: 'Li Wei', phone: '+8613900139000', email: 'li@example.com' },
      { record: 3, name: '赵敏', phone: null, email: 'zhao@example.cn' },
    ];
    writeFileSync(join(dir, 'data/customers.jsonl'), rows.map((r) => JSON.stringify(r) + '\n').join(''));
    writeFileSync(
      join(dir, 'data/customers.csv'),
      '\uFEFFrecord,name,phone,email\r\n1,陈静,+8613800138000,chen@example.cn\r\n',
    );
    writeFileSync(
      join(dir, 'data/schema.json'),
      JSON.stringify({ columns: ['record', 'name', 'phone', 'email'].map((key) => ({ key })) }),
    );
    for (const f of ['notices-summary.csv', 'objections-summary.csv'])
      writeFileSync(join(dir, 'data', f), 'record\r\n');
    writeFileSync(join(dir, 'data/agreement.json'), '{}\n');
    writeFileSync(join(dir, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    writeFileSync(
      join(dir, 'bag-info.txt'),
      'Source-Organization: 杭州示例商贸有限公司\nCloseout-Recipient: 宁波承接贸易有限公司\n',
    );
    const made = sh(
      [
        'find data -type f | sort | xargs sha256sum > manifest-sha256.txt',
        'tar -cf ../bag.tar bagit.txt bag-info.txt manifest-sha256.txt data',
        `openssl cms -sign -binary -nodetach -in ../bag.tar -signer ${sender.certificate} -inkey ${sender.key} -outform DER -out ../signed.der`,
        `openssl cms -encrypt -binary -aes256 -recip ${recipient.certificate} -keyopt rsa_padding_mode:oaep -outform DER -in ../signed.der -out ../by-openssl.p7m`,
      ].join(' && '),
      dir,
    );
    expect({ status: made.status, stderr: made.stderr }).toEqual({ status: 0, stderr: '' });
    const opened = unwrap(
      await h.v.engine.call('handover.open', {
        package: { path: join(h.v.dir, 'by-openssl.p7m') },
        trust: { path: sender.ca },
        key: { path: recipient.key },
        to: { path: join(h.v.dir, 'received.cvault') },
        owner: { name: '王经理', passphrase: 'Recipient-passphrase-2026!' },
      }),
    );
    expect(opened.records).toBe(3);
    expect(opened.signer.organisation).toBe('外部发送方有限公司');
    expect(opened.vault?.imported).toBe(3);
    const session = unwrap(await h.v.engine.call('vault.session', {}));
    expect(session?.clientName).toBe('宁波承接贸易有限公司');
    const found = unwrap(await h.v.engine.call('records.query', { query: '陈静' }));
    expect(found.records.map((r) => r.phone)).toEqual(['+8613800138000']);
  });
});
