// The cryptographic erase alone, on a real vault with an owner and an operator (keyring version 2), a
// stray copy of its keyring and the unlock throttle's side file beside it, and a backup on another disk:
// afterwards no file anywhere under the test's folders holds the vault key, the company KEK (raw, hex or
// base64), the company CA key, or any slot's envelopes or sealed secrets; no former passphrase opens the
// vault or the backup; the session's keys are dropped; and the one copy the erase cannot destroy — the
// paper recovery key — is listed as still existing, and does open them (which is why the certificate
// must say so). A re-encrypted copy an interrupted rekey left is one of the vault files the wipe destroys.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { UnlockThrottle } from '../../../../electron/core/vault/unlock-throttle';
import { unlockVault } from '../../../../electron/core/vault/unlock-vault';
import { cryptoErase, listKeyCopies } from '../../../../electron/core/wipe/crypto-erase';
import { bareJournal } from '../../support/wipe-journal';
import { vaultFiles } from '../../../../electron/core/wipe/plan-vault';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { tempDir } from '../../helpers';
import { OPERATOR_PASS, OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { opens } from '../../support/wipe-fixture';

jest.setTimeout(120_000);

let v: VaultFixture;
let usb: { path: string; remove: () => void };
let backupFile: string;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : [],
  );
}

beforeAll(async () => {
  v = await makeVault();
  unwrap(await v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  usb = tempDir('closeout-usb-'); // another disk: never inside the vault's folder
  backupFile = unwrap(await v.engine.call('backup.create', { dir: { path: usb.path } })).path;
  unwrap(await v.engine.call('vault.lock', {}));
});
afterAll(async () => {
  usb.remove();
  await v.remove();
});

interface Envelope {
  epk: string;
  ciphertext: string;
}
interface SlotV2 {
  userName: string;
  kdf: { salt: string };
  secrets: { ciphertext: string };
  vaultKey: Envelope;
  companyKek?: Envelope;
}

/** Every form a secret may take in a file: raw, hex (both cases), base64. */
const forms = (secret: Buffer): Buffer[] => [
  secret,
  Buffer.from(secret.toString('hex')),
  Buffer.from(secret.toString('hex').toUpperCase()),
  Buffer.from(secret.toString('base64')),
];

test('every key copy is destroyed or listed as surviving, and none survives unlisted', async () => {
  const keyringText = readFileSync(`${v.file}.keys`, 'utf8');
  const keyring = JSON.parse(keyringText) as { version: number; slots: SlotV2[] };
  expect(keyring.version).toBe(2);
  const slots = keyring.slots;
  expect(slots).toHaveLength(2);
  // Only the owner's slot holds the company KEK.
  expect(slots.filter((s) => s.companyKek).map((s) => s.userName)).toEqual(['owner']);
  // A copy of the keyring beside it (as an editor's backup or a sync tool would leave): a copy to destroy.
  copyFileSync(`${v.file}.keys`, `${v.file}.keys.bak`);
  // A wrong passphrase leaves the unlock throttle's side file beside the vault.
  const wrong = await v.engine.call('vault.unlock', {
    vault: { path: v.file },
    userName: 'operator',
    passphrase: 'not-the-passphrase-2026',
  });
  expect(wrong.ok).toBe(false);
  expect(existsSync(`${v.file}.keys.state`)).toBe(true);
  const vaultKey = recoveryVaultKey(v.created.recoveryKey);

  const vault = await unlockVault(
    { vault: { path: v.file }, userName: 'owner', passphrase: OWNER_PASS },
    v.dataDir,
    new UnlockThrottle(),
  );
  const ckek = vault.companyKek();
  const companyKey = vault.company?.privateKeyPem;
  expect(ckek).not.toBeNull();
  expect(companyKey).toBeDefined();
  const copies = listKeyCopies(vault, false);
  const labels = (kind: string) =>
    copies
      .filter((c) => c.kind === kind)
      .map((c) => c.label)
      .sort();
  expect(labels('keyring-slot')).toEqual(['operator', 'owner']);
  expect(labels('company-kek-envelope')).toEqual(['owner']);
  expect(
    copies
      .filter((c) => c.kind === 'keyring-file')
      .map((c) => c.where)
      .sort(),
  ).toEqual([`${v.file}.keys.bak`, `${v.file}.keys.state`]);
  expect(copies.find((c) => c.kind === 'session-key')?.action).toBe('destroy');
  expect(copies.find((c) => c.kind === 'company-key')?.where).toBe('vault');
  expect(copies.find((c) => c.kind === 'recovery-copy')?.where).toBe('vault');
  expect(copies.find((c) => c.kind === 'recovery-sheet')?.action).toBe('exists');

  const journal = bareJournal(v.dataDir, {
    wipeId: '00000000-0000-4000-8000-00000000c0de',
    kind: 'vault',
    vaultId: vault.vaultId,
    vaultFile: v.file,
    certificateDir: v.dir,
    keyCopies: copies,
  });
  const report = cryptoErase(v.file, journal, () => {
    vault.close();
    return !vault.isOpen;
  });
  expect(report).toMatchObject({ keyringGone: true, sessionClosed: true });
  expect(existsSync(`${v.file}.keys`)).toBe(false);
  expect(existsSync(`${v.file}.keys.bak`)).toBe(false);
  expect(existsSync(`${v.file}.keys.state`)).toBe(false);
  expect(() => vault.vaultKey()).toThrow();
  expect(vault.companyKek()).toBeNull();
  expect(vault.company).toBeNull();
  expect(vault.signer.key).toBeNull();

  // No file anywhere under the test's folders (vault folder, data folder, backup disk) holds a key copy.
  const needles = [
    ...forms(vaultKey),
    ...forms(ckek!.key),
    Buffer.from(companyKey!.split('\n')[1]), // a line of the company CA key's PEM
    ...slots.flatMap((s) => [
      Buffer.from(s.secrets.ciphertext),
      Buffer.from(s.secrets.ciphertext, 'base64'),
      Buffer.from(s.vaultKey.ciphertext),
      Buffer.from(s.vaultKey.ciphertext, 'base64'),
      Buffer.from(s.vaultKey.epk),
      ...(s.companyKek
        ? [Buffer.from(s.companyKek.ciphertext), Buffer.from(s.companyKek.ciphertext, 'base64')]
        : []),
      Buffer.from(s.kdf.salt),
    ]),
  ];
  const files = [...allFiles(v.dir), ...allFiles(usb.path)];
  expect(files).toContain(backupFile);
  for (const file of files) {
    if (statSync(file).size > 64 << 20) continue;
    const bytes = readFileSync(file);
    for (const needle of needles)
      expect({ file, found: bytes.includes(needle) }).toEqual({ file, found: false });
  }

  // No former passphrase opens anything: the engine finds no slot, and neither file takes it as a key.
  const engine = createEngine({ dataDir: v.dataDir, electronVersion: null });
  try {
    for (const [name, passphrase] of [
      ['owner', OWNER_PASS],
      ['operator', OPERATOR_PASS],
    ]) {
      const res = await engine.call('vault.unlock', { vault: { path: v.file }, userName: name, passphrase });
      expect(res.ok ? 'opened' : res.error.code).toBe('KEYRING_MISSING');
      for (const file of [v.file, backupFile]) {
        expect(opens(file, { passphrase })).toBe(false);
        expect(opens(file, { raw: Buffer.from(passphrase).subarray(0, 32) })).toBe(false);
      }
    }
    // The surviving copy, listed as such: the recovery key still opens both until the sheet is destroyed.
    expect(opens(v.file, { raw: vaultKey })).toBe(true);
    expect(opens(backupFile, { raw: vaultKey })).toBe(true);
  } finally {
    await engine.close();
  }
});

test("an interrupted rekey's re-encrypted copy and its sidecars are vault files the wipe destroys", () => {
  const dir = tempDir('closeout-rekey-left-');
  try {
    const file = join(dir.path, 'client.cvault');
    const leftovers = ['.client.cvault.0a1b2c3d4e5f.rekey', '.client.cvault.0a1b2c3d4e5f.rekey-wal'];
    for (const f of ['client.cvault', ...leftovers, 'other.cvault']) writeFileSync(join(dir.path, f), 'x');
    const found = vaultFiles(file);
    expect(found.map((f) => [f.kind, f.path]).sort()).toEqual(
      [['vault', file], ...leftovers.map((f) => ['rekey-copy', join(dir.path, f)])].sort(),
    );
  } finally {
    dir.remove();
  }
});
