// The Requests page's model (pages/requests/use-requests.ts) against the fake engine: the register read,
// a request registered (the list read again), an access request fulfilled into the folder chosen in the
// dialog by its handle, a correction asking for its new values before the dialog, and a refusal shown
// as the one error.
import { act } from '@testing-library/react';
import type { RequestEntry } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { useRequests } from '../../../renderer/src/pages/requests/use-requests';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { chosen } from '../support/samples';

const entry = (seq: number, change: Partial<RequestEntry> = {}): RequestEntry => ({
  id: `00000000-0000-4000-8000-00000000000${seq}`,
  ref: `R-000${seq}`,
  kind: 'access',
  regime: 'pipl',
  channel: 'email',
  receivedOn: '2026-09-21',
  recordId: 3,
  identityCheck: 'id-document-seen',
  note: '',
  due: { date: '2026-10-19', basis: 'working-days', count: 15, calendar: 'official' },
  daysLeft: 5,
  acknowledgement: null,
  extension: null,
  status: 'open',
  fulfilment: null,
  outcome: null,
  closedAt: null,
  createdAt: '2026-09-21T02:00:00Z',
  createdBy: '周敏',
  ...change,
});

test('useRequests: registers, fulfils into the chosen folder, and reads the register again', async () => {
  const folder = chosen('答复', 1);
  const access = entry(1);
  const fake = installFakeBridge({
    'requests.list': () => ok([access]),
    'requests.add': () => ok({ ...entry(2), requestId: entry(2).id }),
    'dialog.choose': () => ok(folder),
    'requests.fulfil': () => ok({ ...access, status: 'fulfilled' as const }),
  });
  const { result } = await renderModel(fake, () => useRequests());
  await settle();
  expect(result.current.state).toMatchObject({ status: 'ok', value: [access] });

  act(() => result.current.setAdding(true));
  let added = false;
  await act(async () => {
    added = await result.current.add({ kind: 'complaint', receivedOn: '2026-09-22' });
  });
  await settle();
  expect(added).toBe(true);
  expect(result.current.adding).toBe(false);
  expect(fake.inputsOf('requests.add')).toMatchObject([{ kind: 'complaint', receivedOn: '2026-09-22' }]);

  await act(() => result.current.fulfil(access));
  await settle();
  expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'folder', purpose: 'request-output' }]);
  expect(fake.inputsOf('requests.fulfil')).toMatchObject([
    { id: access.id, out: { handle: folder.handle }, corrections: [] },
  ]);
  expect(fake.inputsOf('requests.list')).toHaveLength(3);
});

test('useRequests: a correction asks for its values first; a refusal is the one error shown', async () => {
  const correct = entry(3, { kind: 'correct' });
  const fake = installFakeBridge({
    'requests.list': () => ok([correct]),
    'dialog.choose': () => ok(chosen('答复', 2)),
    'requests.fulfil': () => fail('REQUEST_CORRECTION_FIELD', 'phone cannot be corrected here'),
  });
  const { result } = await renderModel(fake, () => useRequests());
  await settle();
  await act(() => result.current.fulfil(correct));
  expect(result.current.correcting).toEqual(correct);
  expect(fake.inputsOf('dialog.choose')).toEqual([]);

  await act(() => result.current.fulfil(correct, [{ field: 'phone', value: '13800000000' }]));
  expect(result.current.error?.code).toBe('REQUEST_CORRECTION_FIELD');
  expect(result.current.correcting).toEqual(correct);
});
