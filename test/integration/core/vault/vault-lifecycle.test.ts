// Creating, locking, unlocking and sharing a vault, through the real engine on real files.
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { readFileSync, renameSync, existsSync, statSync } from 'node:fs';
import type { JobFinished } from '../../../../shared/contract';
import { decodeVersionedRecoveryKey } from '../../../../shared/recovery-key';
import {
  AUDITOR_PASS,
  OPERATOR_PASS,
  OWNER_PASS,
  makeVault,
  unwrap,
  type VaultFixture,
} from '../../support/vault-fixture';

let v: VaultFixture;
beforeEach(async () => {
  v = await makeVault();
});
afterEach(() => v.remove());

const unlock = (userName: string | undefined, passphrase: string) =>
  v.engine.call('vault.unlock', { vault: { path: v.file }, userName, passphrase });

describe('vault lifecycle', () => {
  it('creates a vault that is open as its owner, registered, with a keyring beside it', async () => {
    expect(v.created.session).toMatchObject({
      role: 'owner',
      userName: 'owner',
      clientName: '杭州示例商贸有限公司',
      viaRecoveryKey: false,
    });
    expect(v.file.endsWith('.cvault')).toBe(true);
    expect(existsSync(`${v.file}.keys`)).toBe(true);
    expect(statSync(v.file).mode & 0o077).toBe(0);
    expect(statSync(`${v.file}.keys`).mode & 0o077).toBe(0);
    const list = unwrap(await v.engine.call('vault.list', {}));
    expect(list).toEqual([
      expect.objectContaining({ id: v.created.session.vaultId, path: v.file, stage: 'setup', present: true }),
    ]);
    const info = unwrap(await v.engine.call('vault.info', {}));
    expect(info).toMatchObject({
      creditCode: '91350100M000100Y43',
      schemaVersion: SCHEMA_VERSION,
      users: 1,
      recoveryKeyConfirmed: false,
    });
    expect(info.identity?.subject).toContain('杭州示例商贸有限公司');
  });

  it('refuses to overwrite an existing vault', async () => {
    const again = await v.engine.call('vault.create', {
      file: { path: v.file },
      details: { clientName: 'X' },
      owner: { name: 'o', passphrase: OWNER_PASS },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
  });

  it('refuses a weak owner passphrase and an invalid credit code, creating nothing', async () => {
    const weak = await v.engine.call('vault.create', {
      file: { path: `${v.dir}/weak.cvault` },
      details: { clientName: 'X' },
      owner: { name: 'o', passphrase: 'password' },
    });
    expect(weak).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_TOO_WEAK' } });
    const badCode = await v.engine.call('vault.create', {
      file: { path: `${v.dir}/bad.cvault` },
      details: { clientName: 'X', creditCode: '91350100M000100Y44' },
      owner: { name: 'o', passphrase: OWNER_PASS },
    });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'CREDIT_CODE_INVALID' } });
    expect(existsSync(`${v.dir}/weak.cvault`) || existsSync(`${v.dir}/bad.cvault`)).toBe(false);
  });

  it('locks: the key is dropped and vault operations are refused; unlock brings it back', async () => {
    const events: unknown[] = [];
    v.engine.on((event, payload) => event === 'session.locked' && events.push(payload));
    expect(unwrap(await v.engine.call('vault.lock', {}))).toEqual({ locked: true });
    expect(events).toEqual([{ reason: 'user' }]);
    expect(await v.engine.call('vault.info', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(unwrap(await v.engine.call('vault.session', {}))).toBeNull();
    expect(unwrap(await unlock('owner', OWNER_PASS))).toMatchObject({ role: 'owner' });
  });

  it('a failed unlock of another vault leaves the open one open', async () => {
    const other = await makeVault({ clientName: '另一家公司' });
    try {
      const wrong = await v.engine.call('vault.unlock', {
        vault: { path: other.file },
        passphrase: 'not-the-passphrase',
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      expect(unwrap(await v.engine.call('vault.session', {}))).toMatchObject({ path: v.file });
      const right = unwrap(
        await v.engine.call('vault.unlock', { vault: { path: other.file }, passphrase: OWNER_PASS }),
      );
      expect(right.path).toBe(other.file);
    } finally {
      await other.remove();
    }
  });

  it('a wrong passphrase is one clear error, then a growing wait', async () => {
    await v.engine.call('vault.lock', {});
    const before = readFileSync(v.file);
    for (let i = 0; i < 3; i++)
      expect(await unlock('owner', 'wrong-passphrase!')).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSPHRASE' },
      });
    expect(await unlock('owner', OWNER_PASS)).toMatchObject({
      ok: false,
      error: { code: 'UNLOCK_THROTTLED' },
    });
    expect(readFileSync(v.file).equals(before)).toBe(true);
  });

  it('opens with the recovery key alone, even without the keyring, and rebuilds the keyring', async () => {
    await v.engine.call('vault.lock', {});
    renameSync(`${v.file}.keys`, `${v.dir}/lost.keys`);
    expect(await unlock('owner', OWNER_PASS)).toMatchObject({
      ok: false,
      error: { code: 'KEYRING_MISSING' },
    });
    const session = unwrap(
      await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        recoveryKey: v.created.recoveryKey.toLowerCase(),
      }),
    );
    expect(session).toMatchObject({ viaRecoveryKey: true, role: 'owner' });
    unwrap(
      await v.engine.call('users.setPassphrase', { name: 'owner', passphrase: 'A-new-owner-passphrase-1' }),
    );
    expect(existsSync(`${v.file}.keys`)).toBe(true);
    await v.engine.call('vault.lock', {});
    expect(unwrap(await unlock('owner', 'A-new-owner-passphrase-1'))).toMatchObject({
      role: 'owner',
      viaRecoveryKey: false,
    });
    const entries = unwrap(await v.engine.call('audit.list', { op: 'vault.unlock' }));
    expect(entries.some((e) => e.params.viaRecoveryKey === true)).toBe(true);
  });

  it('names the mistyped group of a recovery key, and refuses another vault’s key', async () => {
    await v.engine.call('vault.lock', {});
    const groups = v.created.recoveryKey.split('-');
    groups[4] = groups[4][0] === 'A' ? `B${groups[4].slice(1)}` : `A${groups[4].slice(1)}`;
    const typo = await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      recoveryKey: groups.join('-'),
    });
    expect(typo).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_KEY_MALFORMED', details: { group: 5 } },
    });
    const other = await makeVault();
    try {
      const wrong = await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        recoveryKey: other.created.recoveryKey,
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY' } });
    } finally {
      await other.remove();
    }
    expect(decodeVersionedRecoveryKey(v.created.recoveryKey)).toMatchObject({ version: 2 });
  });

  it('shares the vault: users with their own passphrases and roles; the last owner stays', async () => {
    unwrap(await v.engine.call('users.add', { name: '李娜', role: 'operator', passphrase: OPERATOR_PASS }));
    unwrap(await v.engine.call('users.add', { name: 'auditor', role: 'auditor', passphrase: AUDITOR_PASS }));
    expect(
      await v.engine.call('users.add', { name: '李娜', role: 'auditor', passphrase: AUDITOR_PASS }),
    ).toMatchObject({
      ok: false,
      error: { code: 'USER_EXISTS' },
    });
    expect(
      unwrap(await v.engine.call('users.list', {})).map((u) => [u.name, u.role, u.hasPassphrase]),
    ).toEqual([
      ['owner', 'owner', true],
      ['李娜', 'operator', true],
      ['auditor', 'auditor', true],
    ]);
    expect(await v.engine.call('users.remove', { name: 'owner' })).toMatchObject({
      ok: false,
      error: { code: 'LAST_OWNER' },
    });
    expect(await v.engine.call('users.setRole', { name: 'owner', role: 'auditor' })).toMatchObject({
      ok: false,
      error: { code: 'LAST_OWNER' },
    });

    await v.engine.call('vault.lock', {});
    expect(unwrap(await unlock('李娜', OPERATOR_PASS))).toMatchObject({ role: 'operator', userName: '李娜' });
    // An operator may change their own passphrase, not someone else's.
    expect(
      await v.engine.call('users.setPassphrase', { name: 'owner', passphrase: 'Hijack-attempt-2026!' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    unwrap(
      await v.engine.call('users.setPassphrase', { name: '李娜', passphrase: 'Li-Na-new-passphrase-9' }),
    );
    await v.engine.call('vault.lock', {});
    expect(await unlock('李娜', OPERATOR_PASS)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    unwrap(await unlock('owner', OWNER_PASS));
    unwrap(await v.engine.call('users.remove', { name: '李娜' }));
    await v.engine.call('vault.lock', {});
    expect(await unlock('李娜', 'Li-Na-new-passphrase-9')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    const keyring = JSON.parse(readFileSync(`${v.file}.keys`, 'utf8'));
    expect(keyring.slots).toHaveLength(2);
  }, 60_000);

  it('changes details, audited, and keeps the registry in step', async () => {
    const details = unwrap(
      await v.engine.call('vault.updateDetails', {
        clientName: '杭州示例商贸有限公司（清算组）',
        idleTimeoutMinutes: 5,
        keyDates: { deadline: '2027-03-31' },
      }),
    );
    expect(details).toMatchObject({ idleTimeoutMinutes: 5, keyDates: { deadline: '2027-03-31' } });
    expect(unwrap(await v.engine.call('vault.list', {}))[0].clientName).toBe(
      '杭州示例商贸有限公司（清算组）',
    );
    const [entry] = unwrap(await v.engine.call('audit.list', { op: 'vault.updateDetails' }));
    expect(entry.params).toEqual({ fields: ['clientName', 'keyDates', 'idleTimeoutMinutes'] });
    expect(JSON.stringify(entry)).not.toContain('清算组'); // the audit names fields, not values
  });

  it('checks the vault as a job: pages, structure and audit chain all sound', async () => {
    const finished: JobFinished[] = [];
    v.engine.on((event, payload) => event === 'job.finished' && finished.push(payload as JobFinished));
    const report = unwrap(await v.engine.call('vault.check', {}));
    expect(report).toMatchObject({
      ok: true,
      pageCheck: ['ok'],
      integrityCheck: ['ok'],
      audit: { ok: true },
    });
    expect(report.audit.checkpoints).toBeGreaterThanOrEqual(1);
    expect(finished.map((f) => f.outcome)).toEqual(['succeeded']);
  });

  it('forgets a vault without touching its file, and locates a moved one', async () => {
    const id = v.created.session.vaultId;
    await v.engine.call('vault.lock', {});
    renameSync(v.file, `${v.dir}/moved.cvault`);
    renameSync(`${v.file}.keys`, `${v.dir}/moved.cvault.keys`);
    expect(unwrap(await v.engine.call('vault.list', {}))[0].present).toBe(false);
    expect(
      unwrap(await v.engine.call('vault.locate', { vaultId: id, file: { path: `${v.dir}/moved.cvault` } })),
    ).toMatchObject({
      present: true,
      path: `${v.dir}/moved.cvault`,
    });
    expect(unwrap(await v.engine.call('vault.forget', { vaultId: id }))).toEqual({ forgotten: true });
    expect(unwrap(await v.engine.call('vault.list', {}))).toEqual([]);
    expect(existsSync(`${v.dir}/moved.cvault`)).toBe(true);
  });
});
