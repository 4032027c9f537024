// Bad input on the recipient's side gets one clear error and changes nothing: the wrong key or password,
// any flipped byte of the package or the receipt, an untrusted signer, and hostile bags (signed and
// encrypted by openssl, so only the bag is wrong): `../` and absolute paths, a symlink, an extra file, a
// missing file, a manifest mismatch. No new vault, no scratch folder, nothing written outside.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tar from 'tar-stream';
import { readRegistry } from '../../../../electron/core/vault/registry';
import { requireOpenssl } from '../pki/openssl';
import { OWNER_PASS, unwrap } from '../../support/vault-fixture';
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
let pkg = '';
/** The packages openssl made here: their sender is the other company. */
const hostile = new Set<string>();
let pwPkg = '';

beforeAll(async () => {
  requireOpenssl();
  h = await handoverVault(80);
  recipient = await recipientFiles(h.v.dir);
  ({ company, sender } = await opensslParties(h.v));
  const id = await readyHandover(h.v, { keyMode: 'certificate', certificate: recipient.certificate });
  pkg = unwrap(await h.v.engine.call('handover.package', { handoverId: id, out: { path: h.v.dir } })).path;
  const pwId = await readyHandover(h.v, { keyMode: 'password' });
  pwPkg = unwrap(
    await h.v.engine.call('handover.package', {
      handoverId: pwId,
      out: { path: h.v.dir },
      password: 'right-password-1',
    }),
  ).path;
}, 180_000);
afterAll(() => h.v.remove());

const target = (name: string) => join(h.v.dir, `${name}.cvault`);
const owner = { name: '王经理', passphrase: 'Recipient-passphrase-2026!' };

async function open(path: string, extra: Record<string, unknown> = {}, name = 'x') {
  const result = await h.v.engine.call('handover.open', {
    package: { path },
    trust: { path: hostile.has(path) ? sender.ca : company },
    key: { path: recipient.key },
    to: { path: target(name) },
    owner,
    ...extra,
  });
  // No scratch folder stays; a refused package leaves no vault, no keyring, no registry entry.
  expect(readdirSync(h.v.dir).filter((f) => f.startsWith('.closeout-open-'))).toEqual([]);
  if (!result.ok) {
    expect(existsSync(target(name)) || existsSync(`${target(name)}.keys`)).toBe(false);
    expect(readRegistry(h.v.dataDir).map((e) => e.path)).not.toContain(target(name));
  }
  return result.ok ? { code: 'ok', message: '' } : { code: result.error.code, message: result.error.message };
}

describe('the wrong key or password', () => {
  it('another recipient key, a wrong password: PACKAGE_WRONG_KEY', async () => {
    const other = await recipientFiles(h.v.dir, '另一家公司');
    expect((await open(pkg, { key: { path: other.key } })).code).toBe('PACKAGE_WRONG_KEY');
    expect((await open(pwPkg, { key: undefined, password: 'wrong-password-1' })).code).toBe(
      'PACKAGE_WRONG_KEY',
    );
    expect((await open(pwPkg, { key: undefined, password: 'right-password-1' }, 'pw')).code).toBe('ok');
  });

  it('a signer the recipient does not trust: PACKAGE_SIGNATURE_INVALID', async () => {
    expect((await open(pkg, { trust: { path: recipient.certificate } })).code).toBe(
      'PACKAGE_SIGNATURE_INVALID',
    );
  });
});

describe('one flipped byte anywhere', () => {
  const bytes = () => readFileSync(pkg);
  it.each([0.001, 0.05, 0.2, 0.5, 0.8, 0.999])(
    'at %f of the file: one clear error, nothing imported',
    async (at) => {
      const copy = Buffer.from(bytes());
      const i = Math.min(copy.length - 1, Math.floor(copy.length * at));
      copy[i] ^= 0x01;
      const file = join(h.v.dir, `flipped-${at}.p7m`);
      writeFileSync(file, copy);
      const { code } = await open(file, {}, `flipped-${at}`);
      expect([
        'PACKAGE_TAMPERED',
        'PACKAGE_UNREADABLE',
        'PACKAGE_SIGNATURE_INVALID',
        'PACKAGE_WRONG_KEY',
      ]).toContain(code);
    },
  );
});

/** A tar of these members, signed by the other company's user and encrypted to the recipient with openssl. */
async function hostilePackage(
  name: string,
  members: Array<{ name: string; content?: string; type?: 'symlink'; linkname?: string }>,
) {
  const pack = tar.pack();
  for (const m of members)
    if (m.type === 'symlink')
      pack.entry({ name: m.name, type: 'symlink', linkname: m.linkname ?? '/etc/passwd' });
    else pack.entry({ name: m.name }, m.content ?? '');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const tarFile = join(h.v.dir, `${name}.tar`);
  writeFileSync(tarFile, Buffer.concat(chunks));
  const out = join(h.v.dir, `${name}.p7m`);
  const made = spawnSync(
    'sh',
    [
      '-c',
      `openssl cms -sign -binary -nodetach -in "$1" -signer "$2" -inkey "$3" -outform DER | openssl cms -encrypt -binary -aes256 -recip "$4" -keyopt rsa_padding_mode:oaep -outform DER -out "$5"`,
      'sh',
      tarFile,
      sender.certificate,
      sender.key,
      recipient.certificate,
      out,
    ],
    { encoding: 'utf8' },
  );
  expect(made.status).toBe(0);
  hostile.add(out);
  return out;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const DATA: Record<string, string> = {
  'data/customers.csv': '\uFEFFrecord,name\r\n1,陈静\r\n',
  'data/customers.jsonl': '{"record":1,"name":"陈静"}\n',
  'data/schema.json': '{"columns":[{"key":"record"},{"key":"name"}]}\n',
  'data/notices-summary.csv': 'record\r\n',
  'data/objections-summary.csv': 'record\r\n',
  'data/agreement.json': '{}\n',
};
const manifestOf = (files: Record<string, string>) =>
  Object.entries(files)
    .map(([name, content]) => `${sha(content)}  ${name}\n`)
    .join('');
function bag(data: Record<string, string>, manifest = manifestOf(data)) {
  return [
    { name: 'bagit.txt', content: 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' },
    { name: 'bag-info.txt', content: 'Source-Organization: test\n' },
    { name: 'manifest-sha256.txt', content: manifest },
    ...Object.entries(data).map(([name, content]) => ({ name, content })),
  ];
}

describe('hostile bags, properly signed and encrypted', () => {
  it('a well-formed bag of the same layout imports (the baseline)', async () => {
    expect((await open(await hostilePackage('good', bag(DATA)), {}, 'good')).code).toBe('ok');
  });

  it.each([
    ['../ in a path', [{ name: '../evil.txt', content: 'x' }], /climbs out/],
    ['an absolute path', [{ name: '/tmp/closeout-evil.txt', content: 'x' }], /absolute/],
    ['a symlink', [{ name: 'data/link', type: 'symlink' as const }], /not a regular file/],
    ['an extra file', [{ name: 'data/extra.csv', content: 'x' }], /does not list/],
    ['a file outside data/', [{ name: 'notes.txt', content: 'x' }], /does not belong/],
  ])('%s: BAG_INVALID', async (label, extra, reason) => {
    const name = label.replace(/\W+/g, '-');
    const result = await open(await hostilePackage(name, [...bag(DATA), ...extra]), {}, name);
    expect(result.code).toBe('BAG_INVALID');
    expect(result.message).toMatch(reason);
    expect(existsSync(join(h.v.dir, '..', 'evil.txt'))).toBe(false);
    expect(existsSync('/tmp/closeout-evil.txt')).toBe(false);
  });

  it('a missing file and a manifest mismatch: BAG_INVALID', async () => {
    const { ['data/agreement.json']: _dropped, ...rest } = DATA;
    void _dropped;
    expect(
      (await open(await hostilePackage('missing', bag(rest, manifestOf(DATA))), {}, 'missing')).message,
    ).toMatch(/missing/);
    expect((await open(await hostilePackage('missing-2', bag(rest)), {}, 'missing-2')).message).toMatch(
      /missing/,
    );
    const changed = { ...DATA, 'data/customers.jsonl': '{"record":1,"name":"陈静X"}\n' };
    expect(
      (await open(await hostilePackage('mismatch', bag(changed, manifestOf(DATA))), {}, 'mismatch')).message,
    ).toMatch(/differs from the manifest/);
  });
});

describe('the receipt', () => {
  it('a flipped byte, another signer or another package: refused, the handover stays open', async () => {
    unwrap(
      await h.v.engine.call('vault.unlock', {
        vault: { path: h.v.file },
        userName: 'owner',
        passphrase: OWNER_PASS,
      }),
    );
    const handoverId = /closeout-handover-([0-9a-f-]{36})-/.exec(pkg)![1];
    const good = join(h.v.dir, 'receipt-good.p7s');
    unwrap(
      await h.v.engine.call('handover.receiptCreate', {
        package: { path: pkg },
        key: { path: recipient.key },
        certificate: { path: recipient.certificate },
        out: { path: good },
      }),
    );
    const importing = async (file: string) => {
      const r = await h.v.engine.call('handover.receiptImport', { handoverId, receipt: { path: file } });
      return r.ok ? 'ok' : r.error.code;
    };
    const der = readFileSync(good);
    for (const at of [0.1, 0.5, 0.9]) {
      const copy = Buffer.from(der);
      copy[Math.floor(copy.length * at)] ^= 0x04;
      writeFileSync(join(h.v.dir, `receipt-${at}.p7s`), copy);
      expect(['RECEIPT_INVALID', 'RECEIPT_SIGNER_MISMATCH']).toContain(
        await importing(join(h.v.dir, `receipt-${at}.p7s`)),
      );
    }
    const stranger = await recipientFiles(h.v.dir, '冒名公司');
    const forged = join(h.v.dir, 'receipt-forged.p7s');
    unwrap(
      await h.v.engine.call('handover.receiptCreate', {
        package: { path: pkg },
        key: { path: stranger.key },
        certificate: { path: stranger.certificate },
        out: { path: forged },
      }),
    );
    expect(await importing(forged)).toBe('RECEIPT_SIGNER_MISMATCH');
    const other = join(h.v.dir, 'receipt-other.p7s');
    unwrap(
      await h.v.engine.call('handover.receiptCreate', {
        package: { path: pwPkg },
        key: { path: recipient.key },
        certificate: { path: recipient.certificate },
        out: { path: other },
      }),
    );
    expect(await importing(other)).toBe('RECEIPT_WRONG_PACKAGE');
    expect(unwrap(await h.v.engine.call('handover.get', { handoverId })).state).toBe('packaged');
    expect(await importing(good)).toBe('ok');
  });
});
