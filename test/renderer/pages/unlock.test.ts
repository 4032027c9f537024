// The unlock form's model (pages/unlock/use-unlock.ts) against the fake engine: a refused attempt is the
// error shown (a throttled one counts down), the recovery key is the other way in, and an unlock opens
// the session, remembers the user name for that vault (never the passphrase) and goes to the vault.
import { act } from '@testing-library/react';
import { fail, ok } from '../../../shared/result';
import { useUnlock } from '../../../renderer/src/pages/unlock/use-unlock';
import { readLastUser } from '../../../renderer/src/session/last-user';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { session, VAULT_ID } from '../support/samples';

const PASSPHRASE = '苏堤春晓-曲院风荷-花港观鱼';

test('useUnlock: a throttled refusal counts down; the switch to the recovery key clears the error', async () => {
  const fake = installFakeBridge({
    'vault.unlock': () => fail('UNLOCK_THROTTLED', 'too many attempts', { seconds: 30 }),
  });
  const { result } = await renderModel(fake, () => useUnlock({ vaultId: VAULT_ID }), null);
  let unlocked = true;
  await act(async () => {
    unlocked = await result.current.submit({ userName: ' 陈静 ', passphrase: PASSPHRASE });
  });
  expect(unlocked).toBe(false);
  expect(fake.inputsOf('vault.unlock')).toEqual([
    { vault: { vaultId: VAULT_ID }, userName: '陈静', passphrase: PASSPHRASE },
  ]);
  expect(result.current.error?.code).toBe('UNLOCK_THROTTLED');
  expect(result.current.wait).toBeGreaterThan(25);
  // Counted against the form's clock, which ticks twice a second: up to one second more at first.
  expect(result.current.wait).toBeLessThanOrEqual(31);
  expect(result.current.keyringLost).toBe(false);

  act(() => result.current.switchRecovery(true));
  expect(result.current.recovery).toBe(true);
  expect(result.current.error).toBeNull();
});

test('useUnlock: a lost keyring offers the recovery key; an unlock opens the vault', async () => {
  const fake = installFakeBridge({
    'vault.unlock': () => fail('KEYRING_MISSING', 'no keyring beside the vault'),
  });
  const { result } = await renderModel(fake, () => useUnlock({ vaultId: VAULT_ID }), null);
  await act(() => result.current.submit({ userName: '陈静', passphrase: PASSPHRASE }));
  expect(result.current.keyringLost).toBe(true);
  act(() => result.current.tryRecovery());
  expect(result.current.recovery).toBe(true);
  expect(result.current.error?.code).toBe('KEYRING_MISSING');

  fake.handle('vault.unlock', () => ok(session({ viaRecoveryKey: true })));
  window.location.hash = '';
  let unlocked = false;
  await act(async () => {
    unlocked = await result.current.submit({ recoveryKey: 'ABCD-EFGH' });
  });
  await settle();
  expect(unlocked).toBe(true);
  expect(fake.inputsOf('vault.unlock')[1]).toEqual({
    vault: { vaultId: VAULT_ID },
    recoveryKey: 'ABCD-EFGH',
  });
  expect(window.location.hash).toBe('#/vault');
});

test('useUnlock: the user name that unlocked is offered again for that vault', async () => {
  const fake = installFakeBridge({ 'vault.unlock': () => ok(session()) });
  const { result } = await renderModel(fake, () => useUnlock({ vaultId: VAULT_ID }), null);
  await act(() => result.current.submit({ userName: '陈静', passphrase: PASSPHRASE }));
  expect(readLastUser(VAULT_ID)).toBe('陈静');
  const again = await renderModel(fake, () => useUnlock({ vaultId: VAULT_ID }), null);
  expect(again.result.current.lastUser).toBe('陈静');
});
