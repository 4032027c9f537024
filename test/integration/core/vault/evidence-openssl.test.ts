// Debian's openssl is the judge of every signed file: each checkpoint, the audit export and a backup
// manifest verify with `openssl cms -verify -binary -CAfile <company certificate>` (signed by a user whose
// certificate the company CA issued); a changed byte does not. The recovery key's SQLCipher key is
// what `openssl kdf … HKDF` derives from it, as the recovery sheet says.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeVersionedRecoveryKey } from '../../../../shared/recovery-key';
import { cliEnv, runCli, tempDir } from '../../helpers';
import { opensslCmsVerify } from '../../support/openssl';
import { OPERATOR_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let exported: string[];
let company: string;
beforeAll(async () => {
  v = await makeVault();
  const call = v.engine.call.bind(v.engine);
  unwrap(await call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  for (let i = 0; i < 100; i++) unwrap(await call('vault.updateDetails', { contact: `c${i}` }));
  exported = unwrap(await call('audit.export', { dir: { path: join(v.dir, 'export') } })).files;
  company = exported.find((f) => f.endsWith('.certificate.pem'))!;
}, 120_000);
afterAll(() => v.remove());

describe('openssl checks every signature with the company certificate as its only anchor', () => {
  it('each exported checkpoint (seq 1, the 100th entry, …), and refuses an edited one', () => {
    const dir = exported.find((f) => f.endsWith('.checkpoints'))!;
    const names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    expect(names).toEqual(expect.arrayContaining(['checkpoint-000001.txt', 'checkpoint-000100.txt']));
    for (const name of names) {
      const stem = name.slice(0, -4);
      const result = opensslCmsVerify({
        content: join(dir, name),
        signature: join(dir, `${stem}.p7s`),
        certificate: company,
      });
      expect({ name, status: result.status, err: result.stderr }).toMatchObject({ status: 0 });
    }
    const edited = join(v.dir, 'edited.txt');
    writeFileSync(
      edited,
      readFileSync(join(dir, 'checkpoint-000100.txt'), 'utf8').replace(/seq: 100/, 'seq: 101'),
    );
    expect(
      opensslCmsVerify({
        content: edited,
        signature: join(dir, 'checkpoint-000100.p7s'),
        certificate: company,
      }).status,
    ).not.toBe(0);
  });

  it('the audit export (signed by the exporting user, whose certificate is in the signature)', () => {
    const json = exported.find((f) => f.endsWith('.json'))!;
    const result = opensslCmsVerify({ content: json, signature: `${json}.p7s`, certificate: company });
    expect(result.status).toBe(0);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as {
      version: number;
      signedHead: { seq: number };
      chain: { ok: boolean };
    };
    expect(parsed).toMatchObject({ version: 2, chain: { ok: true } });
    expect(parsed.signedHead.seq).toBeGreaterThan(100);
    const signer = spawnSync(
      'openssl',
      ['cms', '-cmsout', '-print', '-inform', 'PEM', '-in', `${json}.p7s`],
      { encoding: 'utf8' },
    );
    expect(signer.stdout).toMatch(/OU=owner/);
  });

  it('a backup manifest (version 2, with the signed audit head)', async () => {
    const backups = tempDir('closeout-backups-');
    const dir = backups.path;
    const made = unwrap(await v.engine.call('backup.create', { dir: { path: dir } }));
    const result = opensslCmsVerify({
      content: made.manifestPath,
      signature: made.signaturePath,
      certificate: company,
    });
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(made.manifestPath, 'utf8')) as {
      version: number;
      keyGeneration: number;
      signedHead: { signature: string };
    };
    expect(manifest).toMatchObject({ version: 2, keyGeneration: 1 });
    expect(manifest.signedHead.signature).toContain('BEGIN PKCS7');
    backups.remove();
  });

  it('a certificate of another CA is refused as the anchor', async () => {
    const { createCompanyCa } = await import('../../../../electron/core/pki');
    const other = join(v.dir, 'other-ca.pem');
    writeFileSync(other, (await createCompanyCa({ name: 'Someone else' })).certificatePem);
    const json = exported.find((f) => f.endsWith('.json'))!;
    expect(opensslCmsVerify({ content: json, signature: `${json}.p7s`, certificate: other }).status).not.toBe(
      0,
    );
  });
});

it('recovery key decode prints the SQLCipher key that openssl kdf HKDF derives from R', () => {
  const keyFile = join(v.dir, 'recovery.txt');
  writeFileSync(keyFile, `${v.created.recoveryKey}\n`);
  const decoded = runCli(['recovery-key', 'decode', '--file', keyFile], cliEnv(join(v.dir, 'cli')));
  expect(decoded.status).toBe(0);
  const r = Buffer.from(decodeVersionedRecoveryKey(v.created.recoveryKey).bytes).toString('hex');
  const kdf = spawnSync(
    'openssl',
    [
      'kdf',
      '-keylen',
      '32',
      '-kdfopt',
      'digest:SHA256',
      '-kdfopt',
      `hexkey:${r}`,
      '-kdfopt',
      'info:closeout-vault-key/v2',
      'HKDF',
    ],
    { encoding: 'utf8' },
  );
  expect(kdf.status).toBe(0);
  expect(decoded.stdout.trim()).toBe(kdf.stdout.trim().replace(/:/g, '').toLowerCase());
});
