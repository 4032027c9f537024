// Hostile and damaged files: each gets one clear error and keeps its bytes; tampering is never silent;
// nothing readable is left on disk.
import {
  copyFileSync,
  readFileSync,
  readdirSync,
  statSync,
  truncateSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createEngine } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

// Markers are made at run time so that no copy of this source (jest's transform cache) contains them.
const tag = randomBytes(6).toString('hex');
const CONTACT = `联系人${tag}`;
const REASON = `销毁原因${tag.toUpperCase()}`;

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault({ contact: CONTACT });
  await v.engine.call('vault.lock', {});
});
afterAll(() => v.remove());

/** A fresh copy of the vault and its keyring, so each case starts from the same bytes. */
function copyVault(name: string): string {
  const file = join(v.dir, `${name}.cvault`);
  copyFileSync(v.file, file);
  copyFileSync(`${v.file}.keys`, `${file}.keys`);
  return file;
}

async function unlockCode(file: string, how: 'passphrase' | 'recovery' = 'passphrase'): Promise<string> {
  const engine = createEngine({ dataDir: v.dataDir, electronVersion: null });
  try {
    const res =
      how === 'passphrase'
        ? await engine.call('vault.unlock', { vault: { path: file }, passphrase: OWNER_PASS })
        : await engine.call('vault.unlock', { vault: { path: file }, recoveryKey: v.created.recoveryKey });
    return res.ok ? 'ok' : res.error.code;
  } finally {
    await engine.close();
  }
}

function expectUnchanged(file: string, action: () => Promise<unknown>) {
  return async () => {
    const before = readFileSync(file);
    await action();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  };
}

describe('damaged and hostile vault files', () => {
  it('a truncated file', async () => {
    const file = copyVault('truncated');
    truncateSync(file, statSync(file).size - 1000);
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('VAULT_DAMAGED'))();
  });

  it('a truncated file at a page boundary', async () => {
    const file = copyVault('truncated-page');
    truncateSync(file, 4096);
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toMatch(/^(VAULT_DAMAGED)$/))();
  });

  it('a corrupted header (first page)', async () => {
    const file = copyVault('header');
    const bytes = readFileSync(file);
    for (let i = 20; i < 60; i++) bytes[i] ^= 0xff;
    writeFileSync(file, bytes);
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('VAULT_DAMAGED'))();
  });

  it('a plain SQLite database is not a vault', async () => {
    const file = join(v.dir, 'plain.cvault');
    const db = new Database(file);
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
    db.close();
    copyFileSync(`${v.file}.keys`, `${file}.keys`);
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('NOT_A_VAULT'))();
  });

  it('a random file is not a vault', async () => {
    const file = join(v.dir, 'random.cvault');
    writeFileSync(file, Buffer.alloc(8192, 7));
    copyFileSync(`${v.file}.keys`, `${file}.keys`);
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('VAULT_DAMAGED'))();
  });

  it('a missing file', async () => {
    expect(await unlockCode(join(v.dir, 'nope.cvault'))).toBe('VAULT_NOT_FOUND');
  });

  it('a damaged keyring: clear error, and the recovery key still opens the vault', async () => {
    const file = copyVault('badkeys');
    writeFileSync(`${file}.keys`, '{"format":"closeout-keyring","version":1');
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('KEYRING_CORRUPT'))();
    expect(await unlockCode(file, 'recovery')).toBe('ok');
  });

  it('a vault from a newer Closeout is refused before anything is written', async () => {
    const file = copyVault('newer');
    const db = openVaultDatabase(file, recoveryVaultKey(v.created.recoveryKey));
    db.pragma('user_version = 99');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    await expectUnchanged(file, async () => expect(await unlockCode(file)).toBe('VAULT_TOO_NEW'))();
  });

  it('100 single-byte flips: each fails to open or fails the check — never silently different data', async () => {
    const original = readFileSync(v.file);
    let seed = 20261128;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const outcomes: Record<string, number> = {};
    for (let trial = 0; trial < 100; trial++) {
      const file = copyVault(`flip-${trial}`);
      const bytes = Buffer.from(original);
      const pos = next() % bytes.length;
      bytes[pos] ^= 1 << (next() % 8);
      writeFileSync(file, bytes);
      const engine = createEngine({ dataDir: join(v.dir, 'flip-data'), electronVersion: null });
      try {
        const opened = await engine.call('vault.unlock', {
          vault: { path: file },
          recoveryKey: v.created.recoveryKey,
        });
        let outcome: string;
        if (!opened.ok) {
          outcome = `refused:${opened.error.code}`;
          expect(['VAULT_DAMAGED', 'NOT_A_VAULT', 'WRONG_RECOVERY_KEY']).toContain(opened.error.code);
        } else {
          const check = await engine.call('vault.check', {});
          outcome = check.ok && check.value.ok ? 'opened-and-sound' : 'check-reports-damage';
        }
        // "Sound" would mean the flip changed nothing SQLCipher authenticates: it must not happen.
        expect({ trial, pos, outcome }).toEqual({
          trial,
          pos,
          outcome: expect.not.stringMatching(/^opened-and-sound$/),
        });
        outcomes[outcome.split(':')[0]] = (outcomes[outcome.split(':')[0]] ?? 0) + 1;
      } finally {
        await engine.close();
      }
    }
    expect((outcomes.refused ?? 0) + (outcomes['check-reports-damage'] ?? 0)).toBe(100);
  }, 120_000);
});

describe('no plaintext on disk', () => {
  const MARKERS = [CONTACT, REASON];

  function scan(paths: string[]): string[] {
    const found: string[] = [];
    const needles = MARKERS.flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le')]);
    const visit = (path: string, depth: number) => {
      let st;
      try {
        st = statSync(path);
      } catch {
        return;
      }
      if (st.isDirectory()) {
        if (depth > 3) return;
        let names: string[];
        try {
          names = readdirSync(path);
        } catch {
          return;
        }
        for (const name of names) visit(join(path, name), depth + 1);
      } else if (st.isFile() && st.size < 64 * 1024 * 1024) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          return;
        }
        if (needles.some((n) => bytes.includes(n))) found.push(path);
      }
    };
    for (const p of paths) visit(p, 0);
    return found;
  }

  it('finds no marker in the vault, its WAL, the keyring, the data folder or the temp folder', async () => {
    const engine = createEngine({ dataDir: v.dataDir, electronVersion: null });
    try {
      unwrap(await engine.call('vault.unlock', { vault: { path: v.file }, passphrase: OWNER_PASS }));
      unwrap(await engine.call('vault.updateDetails', { closureReason: REASON }));
      const whileOpen = scan([
        v.file,
        `${v.file}-wal`,
        `${v.file}-shm`,
        `${v.file}.keys`,
        v.dataDir,
        tmpdir(),
      ]);
      expect(whileOpen).toEqual([]);
      const db = openVaultDatabase(`${v.file}`, recoveryVaultKey(v.created.recoveryKey));
      db.exec('VACUUM');
      db.close();
      expect(scan([v.file, `${v.file}-wal`, v.dataDir, tmpdir()])).toEqual([]);
      unwrap(await engine.call('vault.lock', {}));
      expect(scan([v.dir, tmpdir()])).toEqual([]);
      // The markers are really in there: the scan would have found plaintext.
      unwrap(await engine.call('vault.unlock', { vault: { path: v.file }, passphrase: OWNER_PASS }));
      expect(unwrap(await engine.call('vault.info', {}))).toMatchObject({
        contact: CONTACT,
        closureReason: REASON,
      });
    } finally {
      await engine.close();
    }
  }, 60_000);
});
