// The overview's model (pages/overview/use-overview.ts) against the fake engine: the open vault's details,
// what the page changed replacing them, details of another vault than the session's not shown, and an
// error from vault.info as the page's error.
import { act } from '@testing-library/react';
import type { VaultDetails } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { useOverview } from '../../../renderer/src/pages/overview/use-overview';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { session, VAULT_ID } from '../support/samples';

const details = (change: Partial<VaultDetails> = {}): VaultDetails => ({
  vaultId: VAULT_ID,
  path: '/vaults/杭州示例茶叶有限公司.cvault',
  clientName: '杭州示例茶叶有限公司',
  creditCode: null,
  contact: null,
  closureReason: null,
  keyDates: { decisionDate: null, deregistrationDate: null, deadline: null },
  stage: 'intake',
  createdAt: '2025-01-01T00:00:00Z',
  schemaVersion: 5,
  idleTimeoutMinutes: 15,
  recoveryKeyConfirmed: false,
  users: 1,
  audit: { entries: 3, head: 'ab'.repeat(32) },
  identity: null,
  recoveryKeyVersion: 2,
  recoveryRestoresCompanyKey: true,
  keyGeneration: 1,
  session: session(),
  ...change,
});

test('useOverview: the details, then what the page changed', async () => {
  const fake = installFakeBridge({ 'vault.info': () => ok(details()) });
  const { result } = await renderModel(fake, () => useOverview(session()));
  await settle();
  expect(result.current.details?.recoveryKeyConfirmed).toBe(false);
  act(() => result.current.change(details({ recoveryKeyConfirmed: true })));
  expect(result.current.details?.recoveryKeyConfirmed).toBe(true);
  expect(fake.inputsOf('vault.info')).toHaveLength(1);
});

test('useOverview: another vault’s details are not shown; a failure is the page’s error', async () => {
  const fake = installFakeBridge({ 'vault.info': () => ok(details({ vaultId: 'another' })) });
  const { result } = await renderModel(fake, () => useOverview(session()));
  await settle();
  expect(result.current.details).toBeNull();
  expect(result.current.error).toBeNull();
  fake.handle('vault.info', () => fail('VAULT_LOCKED', 'locked'));
  const failed = await renderModel(fake, () => useOverview(session()));
  await settle();
  expect(failed.result.current.error?.code).toBe('VAULT_LOCKED');
});
