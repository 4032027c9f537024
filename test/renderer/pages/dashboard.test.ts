// The Dashboard's model (pages/dashboard/use-dashboard.ts) against the fake engine: the registry's list,
// a vault file chosen to be opened (kept for the unlock page, which the window goes to), a moved vault
// located again with the handle the dialog issued (the list read again), a vault forgotten, and a failed
// act as the one error shown, cleared by the next act.
import { act } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { useDashboard } from '../../../renderer/src/pages/dashboard/use-dashboard';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { chosen, vaultSummary, VAULT_ID } from '../support/samples';

const MOVED = vaultSummary({ present: false });

test('useDashboard: lists the vaults and opens a chosen vault file on the unlock page', async () => {
  const file = chosen('客户资料.cvault');
  const fake = installFakeBridge({ 'vault.list': () => ok([MOVED]), 'dialog.choose': () => ok(file) });
  const { result } = await renderModel(fake, useDashboard, null);
  await settle();
  expect(result.current.state.status === 'ok' && result.current.state.value).toEqual([MOVED]);
  expect(result.current.openVaultId).toBeNull();
  window.location.hash = '';
  await act(() => result.current.openFile());
  expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'open', purpose: 'vault' }]);
  expect(window.location.hash).toBe('#/unlock');
});

test('useDashboard: locate a moved vault, forget one; a failure is the error until the next act', async () => {
  const file = chosen('客户资料.cvault', 2);
  const fake = installFakeBridge({
    'vault.list': () => ok([MOVED]),
    'dialog.choose': () => ok(file),
    'vault.locate': () => ok(vaultSummary()),
    'vault.forget': () => fail('VAULT_NOT_FOUND', 'not in the registry'),
  });
  const { result } = await renderModel(fake, useDashboard);
  await settle();
  expect(result.current.openVaultId).toBe(VAULT_ID);

  let done = false;
  await act(async () => {
    done = await result.current.locate(MOVED);
  });
  await settle();
  expect(done).toBe(true);
  expect(fake.inputsOf('vault.locate')).toEqual([{ vaultId: VAULT_ID, file: { handle: file.handle } }]);
  expect(fake.inputsOf('vault.list')).toHaveLength(2);

  await act(async () => {
    done = await result.current.forget(MOVED);
  });
  expect(done).toBe(false);
  expect(result.current.error?.code).toBe('VAULT_NOT_FOUND');
  expect(fake.inputsOf('vault.list')).toHaveLength(2);

  // A cancelled dialog is no act and no error, but it starts a new act: the last error goes.
  fake.handle('dialog.choose', () => ok(null));
  await act(async () => {
    done = await result.current.locate(MOVED);
  });
  expect(done).toBe(false);
  expect(result.current.error).toBeNull();
  expect(fake.inputsOf('vault.locate')).toHaveLength(1);
});
