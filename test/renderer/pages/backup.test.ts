// The Backup page's model (pages/backup/use-backups.ts) and the restore panel's (use-restore.ts) against
// the fake engine: the list (newest first, deleted copies counted not listed), what each role may do,
// back up into a chosen folder, verify a listed copy by id without a dialog, a drill that asks for its
// certificate folder, the list read again after a job, and a restore into a new file from a chosen copy.
import { act } from '@testing-library/react';
import type { BackupCreated, BackupPrunePlan, BackupVerification } from '../../../shared/contract';
import { encodeRecoveryKey } from '../../../shared/recovery-key';
import { fail, ok } from '../../../shared/result';
import { useBackups } from '../../../renderer/src/pages/backup/use-backups';
import { usePrune } from '../../../renderer/src/pages/backup/use-prune';
import { useRestore, type RestoreSource } from '../../../renderer/src/pages/backup/use-restore';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { backupRecord, chosen, session, VAULT_ID } from '../support/samples';

const OLD = backupRecord({ id: 'b0000001-0000-4000-8000-000000000001', createdAt: '2025-01-01T00:00:00Z' });
const NEW = backupRecord({
  id: 'b0000002-0000-4000-8000-000000000002',
  createdAt: '2025-02-01T00:00:00Z',
  path: '/media/usb/acme-20250201.cobackup',
});
const GONE = backupRecord({ id: 'b0000003-0000-4000-8000-000000000003', deletedAt: '2025-02-02T00:00:00Z' });

const verification = (okay: boolean): BackupVerification => ({
  ok: okay,
  path: NEW.path,
  checks: [{ name: 'sha256', ok: okay, detail: okay ? 'matches' : 'differs' }],
  manifest: null,
  signer: null,
  recorded: true,
});

const createdCopy: BackupCreated = {
  backupId: NEW.id,
  path: NEW.path,
  manifestPath: `${NEW.path}.manifest.json`,
  signaturePath: `${NEW.path}.manifest.json.p7s`,
  size: NEW.size,
  sha256: NEW.sha256,
  createdAt: NEW.createdAt,
  rowCounts: {},
  verification: verification(true),
};

describe('useBackups', () => {
  test('lists copies newest first, counts the deleted ones, and lets an owner act', async () => {
    const fake = installFakeBridge({ 'backup.list': () => ok([OLD, GONE, NEW]) });
    const { result } = await renderModel(fake, useBackups);
    await settle();
    expect(result.current.listed.map((b) => b.id)).toEqual([NEW.id, OLD.id]);
    expect(result.current.pruned).toBe(1);
    expect(result.current.mayCreate).toBe(true);
    expect(result.current.mayAct).toBe(true);
    expect(result.current.mayPrune).toBe(true);
  });

  test('an auditor sees the list only', async () => {
    const fake = installFakeBridge({ 'backup.list': () => ok([OLD]) });
    const { result } = await renderModel(fake, useBackups, { role: 'auditor' });
    await settle();
    expect(result.current.listed).toHaveLength(1);
    expect(result.current.mayCreate).toBe(false);
    expect(result.current.mayAct).toBe(false);
    expect(result.current.mayPrune).toBe(false);
  });

  test('back up now: the chosen folder goes to the job, and the list is read again when it is done', async () => {
    const folder = chosen('备份盘');
    const fake = installFakeBridge({
      'backup.list': () => ok([OLD]),
      'dialog.choose': () => ok(folder),
      'backup.create': () => ok(createdCopy),
    });
    const { result } = await renderModel(fake, useBackups);
    await settle();
    await act(() => result.current.backUp());
    await settle();
    expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'folder', purpose: 'backup-destination' }]);
    expect(fake.inputsOf('backup.create')).toEqual([{ dir: { handle: folder.handle } }]);
    expect(result.current.created?.backupId).toBe(NEW.id);
    expect(fake.inputsOf('backup.list')).toHaveLength(2);
  });

  test('a cancelled folder dialog starts nothing; a failing one is the error shown', async () => {
    const fake = installFakeBridge({ 'backup.list': () => ok([OLD]), 'dialog.choose': () => ok(null) });
    const { result } = await renderModel(fake, useBackups);
    await act(() => result.current.backUp());
    expect(fake.inputsOf('backup.create')).toEqual([]);
    expect(result.current.error).toBeNull();
    fake.handle('dialog.choose', () => fail('SHELL_ONLY', 'no dialogs here'));
    await act(() => result.current.backUp());
    expect(result.current.error?.code).toBe('SHELL_ONLY');
  });

  test('verify a listed copy by its id (no dialog); a drill asks where its certificate goes', async () => {
    const folder = chosen('certificates', 2);
    const fake = installFakeBridge({
      'backup.list': () => ok([NEW]),
      'backup.verify': () => ok(verification(false)),
      'dialog.choose': () => ok(folder),
      'backup.drill': () =>
        ok({
          ok: true,
          backupId: NEW.id,
          at: '2025-02-03T00:00:00Z',
          checks: [],
          certificate: null,
          contentDigest: 'ef'.repeat(32),
        }),
    });
    const { result } = await renderModel(fake, useBackups);
    await act(() => result.current.runListed('verify', NEW));
    await settle();
    expect(fake.inputsOf('dialog.choose')).toEqual([]);
    expect(fake.inputsOf('backup.verify')).toEqual([{ backup: { backupId: NEW.id } }]);
    expect(result.current.active).toEqual({ kind: 'verify', file: 'acme-20250201.cobackup' });
    expect(result.current.actionValue?.ok).toBe(false);

    await act(() => result.current.runListed('drill', NEW));
    await settle();
    expect(fake.inputsOf('backup.drill')).toEqual([
      { backup: { backupId: NEW.id }, certificateDir: { handle: folder.handle } },
    ]);
    expect(result.current.active?.kind).toBe('drill');
    expect(result.current.actionValue?.ok).toBe(true);
  });

  test('verify a backup file that is not listed: chosen in the open dialog, shown by its name', async () => {
    const file = chosen('elsewhere.cobackup', 3);
    const fake = installFakeBridge({
      'backup.list': () => ok([]),
      'dialog.choose': () => ok(file),
      'backup.verify': () => ok(verification(true)),
    });
    const { result } = await renderModel(fake, useBackups);
    await act(() => result.current.runCheck('verify'));
    await settle();
    expect(fake.inputsOf('backup.verify')).toEqual([{ backup: { handle: file.handle } }]);
    expect(result.current.active).toEqual({ kind: 'verify', file: 'elsewhere.cobackup' });
  });
});

describe('useRestore', () => {
  test('a listed copy into a new file with the open keyring; then the unlock screen of the restored vault', async () => {
    const target = chosen('restored.cvault', 4);
    const fake = installFakeBridge({
      'dialog.choose': () => ok(target),
      'backup.restore': () =>
        ok({
          path: '/v/restored.cvault',
          vaultId: VAULT_ID,
          keyring: 'copied',
          session: null,
          registered: true,
        }),
      'vault.lock': () => ok({ locked: true }),
    });
    const onSource = jest.fn();
    const source = { backupId: NEW.id, name: 'acme-20250201.cobackup' };
    const { result } = await renderModel(fake, () => useRestore(source, onSource));
    expect(result.current.mode).toBe('live');
    expect(result.current.keyReady).toBe(true);
    await act(() => result.current.start());
    await settle();
    expect(fake.inputsOf('dialog.choose')).toEqual([
      { kind: 'save', purpose: 'vault', suggestedName: `${session().clientName}-restored.cvault` },
    ]);
    expect(fake.inputsOf('backup.restore')).toEqual([
      { backup: { backupId: NEW.id }, to: { handle: target.handle } },
    ]);
    expect(window.location.hash).toBe(`#/unlock/${VAULT_ID}`);
  });

  test('with no vault open: the recovery key is asked for and sent, and nothing starts until it is complete', async () => {
    const file = chosen('acme.cobackup', 5);
    const target = chosen('acme-restored.cvault', 6);
    const fake = installFakeBridge({ 'dialog.choose': () => ok(file) });
    let source: RestoreSource | null = null;
    const onSource = (next: typeof source) => {
      source = next;
    };
    const { result, rerender } = await renderModel(fake, () => useRestore(source, onSource), null);
    expect(result.current.hasSession).toBe(false);
    expect(result.current.mode).toBe('recovery');
    await act(() => result.current.pickFile());
    // The page holds the handle the shell issued for a backup to open, not the test's own.
    expect(source).toEqual({ handle: expect.stringMatching(/^h\.backup\.open\./), name: 'acme.cobackup' });
    rerender();
    act(() => result.current.setRecoveryKey('ABCDE'));
    expect(result.current.keyReady).toBe(false);

    const key = encodeRecoveryKey(new Uint8Array(32).fill(7));
    act(() => result.current.setRecoveryKey(` ${key} `));
    expect(result.current.keyReady).toBe(true);
    fake.handle('dialog.choose', () => ok(target));
    fake.handle('backup.restore', () =>
      ok({
        path: '/v/acme-restored.cvault',
        vaultId: VAULT_ID,
        keyring: 'recovery-only',
        session: null,
        registered: false,
      }),
    );
    await act(() => result.current.start());
    expect(fake.inputsOf('dialog.choose').at(-1)).toEqual({
      kind: 'save',
      purpose: 'vault',
      suggestedName: 'acme-restored.cvault',
    });
    expect(fake.inputsOf('backup.restore')).toEqual([
      { backup: { handle: file.handle }, to: { handle: target.handle }, recoveryKey: key },
    ]);
  });
});

describe('usePrune', () => {
  const item = (id: string, action: 'keep' | 'delete') => ({
    id,
    createdAt: '2025-01-01T00:00:00Z',
    path: `/media/usb/${id}.cobackup`,
    present: true,
    lastVerifyOk: true,
    action,
    reasons: action === 'keep' ? (['last'] as const).slice() : [],
    deleted: false,
    note: null,
  });
  const plan = (dryRun: boolean): BackupPrunePlan => ({
    dryRun,
    at: '2025-03-01T00:00:00Z',
    policy: { keepLast: 1, keepDaily: 7, keepMonthly: 12 },
    items: [item(NEW.id, 'keep'), item(OLD.id, 'delete')],
    kept: 1,
    deleted: dryRun ? 0 : 1,
    absent: 0,
  });

  test('a dry run plans for this policy only; the real run reports back', async () => {
    const fake = installFakeBridge({ 'backup.prune': (input) => ok(plan(input.dryRun)) });
    let pruned = 0;
    const { result } = await renderModel(fake, () => usePrune(() => pruned++));
    act(() => result.current.change('keepLast', 1));
    await act(() => result.current.run(true));
    expect(fake.inputsOf('backup.prune')).toEqual([
      { keepLast: 1, keepDaily: 7, keepMonthly: 12, dryRun: true },
    ]);
    expect(result.current.toDelete).toBe(1);
    expect(pruned).toBe(0);
    // A plan belongs to the policy it was made with.
    act(() => result.current.change('keepDaily', null));
    expect(result.current.plan).toBeNull();
    expect(result.current.policy).toEqual({ keepLast: 1, keepDaily: 0, keepMonthly: 12 });

    await act(() => result.current.run(false));
    expect(fake.inputsOf('backup.prune')[1]).toMatchObject({ keepDaily: 0, dryRun: false });
    expect(result.current.plan?.deleted).toBe(1);
    expect(result.current.toDelete).toBe(0);
    expect(pruned).toBe(1);

    fake.handle('backup.prune', () => fail('INVALID_INPUT', 'keepLast'));
    await act(() => result.current.run(true));
    expect(result.current.error?.code).toBe('INVALID_INPUT');
  });
});
