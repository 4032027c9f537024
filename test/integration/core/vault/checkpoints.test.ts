// Signed audit checkpoints on a real encrypted vault file: written every 100 entries, and they catch
// what the hash chain alone cannot (a rewritten chain, a cut tail), with a check a person can redo in openssl.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appendAudit,
  entryHash,
  verifyAuditChain,
  type AuditEntry,
} from '../../../../electron/core/vault/audit';
import {
  checkpointContent,
  exportCheckpoint,
  listCheckpoints,
  shouldCheckpoint,
  verifyCheckpoints,
  writeCheckpoint,
} from '../../../../electron/core/vault/checkpoints';
import {
  createVaultDatabase,
  openVaultDatabase,
  type VaultDb,
} from '../../../../electron/core/vault/database';
import { generateIdentity, type CompanyIdentity } from '../../../../electron/core/vault/identity';
import { sql as schema1 } from '../../../../electron/core/vault/migrations/0001-initial';
import { tempDir } from '../../helpers';
import { opensslCmsVerify } from '../../support/openssl';

const VAULT_ID = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ACTOR = { userId: 'u-1', userName: '张三' };
const START = Date.parse('2025-03-01T08:00:00.000Z');

let identity: CompanyIdentity;
let stranger: CompanyIdentity;
let template: { path: string; remove: () => void };
let dir: { path: string; remove: () => void };
let file: string;
let db: VaultDb;
const key = randomBytes(32);

/** 250 entries, each in its own transaction, checkpointing whenever due, as the vault does. */
function fillVault(target: VaultDb, entries = 250): void {
  for (let i = 0; i < entries; i++) {
    const now = new Date(START + i * 60_000);
    target.transaction(() => {
      appendAudit(
        target,
        ACTOR,
        { op: 'customer.update', params: { customerId: `c-${i}` }, outcome: 'ok' },
        now,
      );
      if (shouldCheckpoint(target)) writeCheckpoint(target, VAULT_ID, identity, 'periodic', now);
    })();
  }
}

// One filled vault file, copied for each test (filling takes ~2 s of fsyncs).
beforeAll(() => {
  identity = generateIdentity({ clientName: '上海示例贸易有限公司', creditCode: null });
  stranger = generateIdentity({ clientName: '冒名公司', creditCode: null });
  template = tempDir('closeout-checkpoints-template-');
  const made = createVaultDatabase(join(template.path, 'vault.closeout'), key);
  made.exec(schema1);
  fillVault(made);
  made.pragma('wal_checkpoint(TRUNCATE)');
  made.close();
});

afterAll(() => template?.remove());

beforeEach(() => {
  dir = tempDir('closeout-checkpoints-');
  file = join(dir.path, 'vault.closeout');
  copyFileSync(join(template.path, 'vault.closeout'), file);
  db = openVaultDatabase(file, key);
});

afterEach(() => {
  db.close();
  dir.remove();
});

test('250 entries give checkpoints at 100 and 200 in the encrypted file, and they verify', () => {
  const rows = listCheckpoints(db);
  expect(rows.map((r) => r.seq)).toEqual([100, 200]);
  expect(rows.map((r) => r.reason)).toEqual(['periodic', 'periodic']);
  expect(rows[1].at).toBe(new Date(START + 199 * 60_000).toISOString());
  expect(rows[0].signature).toMatch(/^-----BEGIN PKCS7-----/);
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 2,
    firstProblem: null,
  });
  expect(shouldCheckpoint(db)).toBe(false);
  expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
});

test('writeCheckpoint is a no-op at a seq that already has one; an extra checkpoint at the head verifies', () => {
  db.transaction(() => {
    appendAudit(db, ACTOR, { op: 'customer.update', params: {}, outcome: 'ok' });
    const first = writeCheckpoint(db, VAULT_ID, identity, 'vault.wipe');
    const again = writeCheckpoint(db, VAULT_ID, identity, 'something else');
    expect(again).toEqual(first);
  })();
  expect(listCheckpoints(db).map((r) => [r.seq, r.reason])).toEqual([
    [100, 'periodic'],
    [200, 'periodic'],
    [251, 'vault.wipe'],
  ]);
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 3,
    firstProblem: null,
  });
});

test('an entry hash changed around the triggers is a head-mismatch at the checkpoint covering it', () => {
  db.exec('DROP TRIGGER audit_no_update');
  db.prepare('UPDATE audit SET hash = ? WHERE seq = 200').run('f'.repeat(64));
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 1,
    firstProblem: { kind: 'head-mismatch', seq: 200 },
  });
});

test('a chain rewritten from entry 150 on, every hash recomputed, passes the chain check but not the checkpoint', () => {
  db.exec('DROP TRIGGER audit_no_update');
  const rows = db.prepare('SELECT * FROM audit WHERE seq >= 150 ORDER BY seq').all() as Record<
    string,
    unknown
  >[];
  let prev = (db.prepare('SELECT hash FROM audit WHERE seq = 149').get() as { hash: string }).hash;
  const update = db.prepare('UPDATE audit SET params = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const seq = row.seq as number;
    const params =
      seq === 150
        ? { customerId: 'someone-else' }
        : (JSON.parse(row.params as string) as Record<string, unknown>);
    const entry: Omit<AuditEntry, 'hash' | 'prevHash'> = {
      seq,
      at: row.at as string,
      userId: row.user_id as string,
      userName: row.user_name as string,
      op: row.op as string,
      params,
      counts: JSON.parse(row.counts as string) as Record<string, number>,
      outcome: row.outcome as string,
    };
    const hash = entryHash(prev, entry);
    update.run(JSON.stringify(params), prev, hash, seq);
    prev = hash;
  }
  expect(verifyAuditChain(db).firstProblem).toBeNull();
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem).firstProblem).toEqual({
    kind: 'head-mismatch',
    seq: 200,
  });
});

test('entries deleted from the end past a checkpoint: the chain looks whole, the checkpoint is beyond-chain', () => {
  db.exec('DROP TRIGGER audit_no_delete');
  db.prepare('DELETE FROM audit WHERE seq > 150').run();
  expect(verifyAuditChain(db)).toMatchObject({ entries: 150, firstProblem: null });
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 1,
    firstProblem: { kind: 'beyond-chain', seq: 200 },
  });
});

test('an altered signature, an altered signed field, or the wrong certificate is a signature problem', () => {
  const { signature } = listCheckpoints(db)[0];
  const lines = signature.split('\n');
  const middle = Math.floor(lines.length / 2);
  lines[middle] =
    lines[middle].slice(0, 10) + (lines[middle][10] === 'A' ? 'B' : 'A') + lines[middle].slice(11);
  db.prepare('UPDATE audit_checkpoints SET signature = ? WHERE seq = 100').run(lines.join('\n'));
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 0,
    firstProblem: { kind: 'signature', seq: 100 },
  });

  db.prepare('UPDATE audit_checkpoints SET signature = ? WHERE seq = 100').run(signature);
  db.prepare("UPDATE audit_checkpoints SET reason = 'vault.create' WHERE seq = 200").run();
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem)).toEqual({
    checked: 1,
    firstProblem: { kind: 'signature', seq: 200 },
  });

  db.prepare("UPDATE audit_checkpoints SET reason = 'periodic' WHERE seq = 200").run();
  expect(verifyCheckpoints(db, VAULT_ID, identity.certificatePem).firstProblem).toBeNull();
  expect(verifyCheckpoints(db, 'another-vault', identity.certificatePem).firstProblem).toEqual({
    kind: 'signature',
    seq: 100,
  });
  expect(verifyCheckpoints(db, VAULT_ID, stranger.certificatePem).firstProblem).toEqual({
    kind: 'signature',
    seq: 100,
  });
});

test('the content layout is the documented one', () => {
  const row = listCheckpoints(db)[1];
  const head = (db.prepare('SELECT hash FROM audit WHERE seq = 200').get() as { hash: string }).hash;
  expect(checkpointContent(VAULT_ID, row.seq, row.headHash, row.at, row.reason).toString('utf8')).toBe(
    [
      'closeout-audit-checkpoint/1',
      `vault: ${VAULT_ID}`,
      'seq: 200',
      `head: ${head}`,
      `at: ${new Date(START + 199 * 60_000).toISOString()}`,
      'reason: periodic',
      '',
    ].join('\n'),
  );
  expect(() => checkpointContent(VAULT_ID, 1, head, row.at, 'two\nlines')).toThrow(
    expect.objectContaining({ code: 'INVALID_INPUT' }),
  );
});

test('an exported checkpoint verifies with openssl cms -verify; an edited copy does not', () => {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      '`openssl` is not on PATH; install it (Debian/Ubuntu: apt-get install -y openssl). CI installs it.',
    );
  }
  const exported = exportCheckpoint(VAULT_ID, listCheckpoints(db)[1]);
  expect(exported.name).toBe('checkpoint-000200');
  writeFileSync(join(dir.path, `${exported.name}.txt`), exported.content);
  writeFileSync(join(dir.path, `${exported.name}.p7s`), exported.signaturePem);
  writeFileSync(join(dir.path, 'company-certificate.pem'), identity.certificatePem);
  writeFileSync(
    join(dir.path, 'edited.txt'),
    exported.content.toString('utf8').replace('seq: 200', 'seq: 201'),
  );
  const verify = (contentFile: string) =>
    opensslCmsVerify({
      content: contentFile,
      signature: `${exported.name}.p7s`,
      certificate: 'company-certificate.pem',
      cwd: dir.path,
    });
  const good = verify(`${exported.name}.txt`);
  expect(good.stderr).toContain('Verification successful');
  expect(good.status).toBe(0);
  const bad = verify('edited.txt');
  expect(bad.status).not.toBe(0);
});
