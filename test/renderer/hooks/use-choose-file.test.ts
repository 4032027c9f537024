// The dialog sequence (hooks/use-choose-file.ts): the call gets the handle the dialog issued, never a
// path; cancelling does nothing and is no error; a failing dialog or call leaves one error to show, which
// the next attempt clears; `choosing` and `calling` say which step is under way.
import { act, renderHook } from '@testing-library/react';
import { useChooseFile } from '../../../renderer/src/hooks/use-choose-file';
import { api } from '../../../renderer/src/platform/api';
import { ok, fail } from '../../../shared/result';
import type { ChosenFile } from '../../../shared/contract';
import { deferred, installFakeBridge } from '../support/fake-bridge';
import { SOURCE_ID, VAULT_ID, vaultSummary } from '../support/samples';

const FILE: ChosenFile = { handle: 'h-chosen-0001', name: '客户名单.csv' };

describe('useChooseFile', () => {
  test('choose → handle and name → the call → its value', async () => {
    const fake = installFakeBridge({
      'dialog.choose': () => ok(FILE),
      'import.exportQuarantine': () => ok({ path: '/somewhere/q.csv', rows: 3 }),
    });
    const { result } = renderHook(() => useChooseFile());
    let value: unknown;
    await act(async () => {
      value = await result.current.chooseAndCall(
        { kind: 'save', purpose: 'quarantine-export', suggestedName: 'q.csv' },
        (file) => api.call('import.exportQuarantine', { out: { handle: file.handle }, sourceId: SOURCE_ID }),
      );
    });
    expect(value).toEqual({ path: '/somewhere/q.csv', rows: 3 });
    expect(fake.inputsOf('dialog.choose')).toEqual([
      { kind: 'save', purpose: 'quarantine-export', suggestedName: 'q.csv' },
    ]);
    expect(fake.inputsOf('import.exportQuarantine')).toEqual([
      { out: { handle: 'h-chosen-0001' }, sourceId: SOURCE_ID },
    ]);
    expect(result.current.error).toBeNull();
    expect(result.current.choosing).toBe(false);
    expect(result.current.calling).toBe(false);
  });

  test('cancelled: no call, no error', async () => {
    const fake = installFakeBridge({ 'dialog.choose': () => ok(null) });
    const { result } = renderHook(() => useChooseFile());
    const call = jest.fn();
    let value: unknown = 'unset';
    await act(async () => {
      value = await result.current.chooseAndCall({ kind: 'open', purpose: 'backup' }, call);
    });
    expect(value).toBeNull();
    expect(call).not.toHaveBeenCalled();
    expect(result.current.error).toBeNull();
    expect(fake.calls.map((c) => c.op)).toEqual(['dialog.choose']);
  });

  test('a failing dialog, then a failing call: one error each, cleared by the next attempt', async () => {
    const fake = installFakeBridge({
      'dialog.choose': () => fail('SHELL_ONLY', 'no shell'),
      'vault.locate': () => fail('VAULT_NOT_FOUND', 'not a vault'),
    });
    const { result } = renderHook(() => useChooseFile());
    await act(async () => {
      await result.current.choose({ kind: 'open', purpose: 'vault' });
    });
    expect(result.current.error?.code).toBe('SHELL_ONLY');

    fake.handle('dialog.choose', () => ok(FILE));
    let value: unknown = 'unset';
    await act(async () => {
      value = await result.current.chooseAndCall({ kind: 'open', purpose: 'vault' }, (file) =>
        api.call('vault.locate', { vaultId: VAULT_ID, file: { handle: file.handle } }),
      );
    });
    expect(value).toBeNull();
    expect(result.current.error?.code).toBe('VAULT_NOT_FOUND');

    fake.handle('vault.locate', () => ok(vaultSummary()));
    await act(async () => {
      await result.current.chooseAndCall({ kind: 'open', purpose: 'vault' }, (file) =>
        api.call('vault.locate', { vaultId: VAULT_ID, file: { handle: file.handle } }),
      );
    });
    expect(result.current.error).toBeNull();
  });

  test('choosing while the dialog is open, calling while the call runs', async () => {
    const dialog = deferred<ReturnType<typeof ok<ChosenFile>>>();
    const call = deferred<ReturnType<typeof ok<number>>>();
    installFakeBridge({ 'dialog.choose': () => dialog.promise });
    const { result } = renderHook(() => useChooseFile());
    let done!: Promise<number | null>;
    act(() => {
      done = result.current.chooseAndCall(
        { kind: 'folder', purpose: 'backup-destination' },
        () => call.promise,
      );
    });
    expect(result.current.choosing).toBe(true);
    expect(result.current.calling).toBe(false);
    await act(async () => dialog.resolve(ok(FILE)));
    expect(result.current.choosing).toBe(false);
    expect(result.current.calling).toBe(true);
    await act(async () => call.resolve(ok(7)));
    expect(result.current.calling).toBe(false);
    await expect(done).resolves.toBe(7);
  });
});
