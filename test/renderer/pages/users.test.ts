// The Users page's model (pages/users/use-users.ts) and the one-call hook its dialogs use
// (hooks/use-call.ts) against the fake engine: what each role may do, who "you" are, a role changed (the
// list read again), a refusal as the one error shown, and removing someone as a re-key of the vault.
import { act, renderHook } from '@testing-library/react';
import type { UserInfo } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { useCall } from '../../../renderer/src/hooks/use-call';
import { useUsers } from '../../../renderer/src/pages/users/use-users';
import { deferred, installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { session } from '../support/samples';

const user = (name: string, change: Partial<UserInfo> = {}): UserInfo => ({
  id: `u-${name}`,
  name,
  role: 'operator',
  createdAt: '2025-01-01T00:00:00Z',
  hasPassphrase: true,
  certificate: null,
  ...change,
});
const OWNER = user('陈静', { role: 'owner' });
const CLERK = user('王芳');

test('useCall: busy while the call runs, its value, or null and the error until the next call', async () => {
  const answer = deferred<ReturnType<typeof ok<UserInfo>>>();
  const fake = installFakeBridge({ 'users.add': () => answer.promise });
  const { result } = renderHook(() => useCall());
  let pending!: Promise<UserInfo | null>;
  act(() => {
    pending = result.current.run('users.add', { name: '王芳', role: 'operator', passphrase: 'x'.repeat(16) });
  });
  expect(result.current.busy).toBe(true);
  await act(async () => answer.resolve(ok(CLERK)));
  expect(await pending).toEqual(CLERK);
  expect(result.current.busy).toBe(false);

  fake.handle('users.add', () => fail('USER_EXISTS', 'taken'));
  let value: UserInfo | null = CLERK;
  await act(async () => {
    value = await result.current.run('users.add', {
      name: '王芳',
      role: 'operator',
      passphrase: 'x'.repeat(16),
    });
  });
  expect(value).toBeNull();
  expect(result.current.error?.code).toBe('USER_EXISTS');
});

test('useUsers: an owner manages everyone; a role change reads the list again', async () => {
  const fake = installFakeBridge({
    'users.list': () => ok([OWNER, CLERK]),
    'users.setRole': () => ok(CLERK),
  });
  const { result } = await renderModel(fake, () => useUsers(session()));
  await settle();
  expect(result.current.manage).toBe(true);
  expect(result.current.may).toEqual({ setRole: true, certify: true, remove: true, rotateKeys: true });
  expect(result.current.isSelf(OWNER)).toBe(true);
  expect(result.current.isSelf(CLERK)).toBe(false);

  let changed = false;
  await act(async () => {
    changed = await result.current.setRole(CLERK, 'auditor');
  });
  await settle();
  expect(changed).toBe(true);
  expect(fake.inputsOf('users.setRole')).toEqual([{ name: '王芳', role: 'auditor' }]);
  expect(fake.inputsOf('users.list')).toHaveLength(2);

  fake.handle('users.setRole', () => fail('LAST_OWNER', 'the last owner'));
  await act(async () => {
    changed = await result.current.setRole(OWNER, 'operator');
  });
  expect(changed).toBe(false);
  expect(result.current.error?.code).toBe('LAST_OWNER');
  // Removing someone is a re-key of the vault, started in its dialog; the last error goes.
  act(() => result.current.remove(CLERK));
  expect(result.current.rekey).toEqual({ kind: 'remove', name: '王芳' });
  expect(result.current.error).toBeNull();
});

test('useUsers: an operator manages no one; with the recovery key nobody is "you"', async () => {
  const fake = installFakeBridge({ 'users.list': () => ok([OWNER, CLERK]) });
  const { result } = await renderModel(
    fake,
    () => useUsers(session({ userName: '王芳', role: 'operator' })),
    {
      userName: '王芳',
      role: 'operator',
    },
  );
  await settle();
  expect(result.current.manage).toBe(false);
  expect(result.current.may).toEqual({ setRole: false, certify: false, remove: false, rotateKeys: false });
  expect(result.current.isSelf(CLERK)).toBe(true);
  const recovered = await renderModel(fake, () => useUsers(session({ viaRecoveryKey: true })));
  expect(recovered.result.current.isSelf(OWNER)).toBe(false);
});
