// The Audit page's models against the fake engine: the log's filters become audit.list's query (a date
// range as whole days), the user names offered are the vault's users and whoever the entries name, Clear
// drops every filter; the export goes into the folder chosen in the dialog by its handle and lists the
// names of the files written (never their paths), and an auditor may export while an operator may not.
import { act } from '@testing-library/react';
import dayjs from 'dayjs';
import type { AuditEntryView, UserInfo } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { useAudit } from '../../../renderer/src/pages/audit/use-audit';
import { useAuditExport } from '../../../renderer/src/pages/audit/use-audit-export';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { chosen } from '../support/samples';

const entry = (seq: number, userName: string | null): AuditEntryView => ({
  seq,
  at: '2025-03-01T08:00:00Z',
  userName,
  op: 'records.query',
  params: {},
  counts: { rows: 3 },
  outcome: 'ok',
  hash: 'ab'.repeat(32),
});
const OWNER: UserInfo = {
  id: 'u-1',
  name: '陈静',
  role: 'owner',
  createdAt: '2025-01-01T00:00:00Z',
  hasPassphrase: true,
  certificate: null,
};

test('useAudit: filters become the query; users offered from the list and the entries; Clear', async () => {
  const fake = installFakeBridge({
    'users.list': () => ok([OWNER]),
    'audit.list': () => ok([entry(2, '李雷'), entry(1, null)]),
  });
  const { result } = await renderModel(fake, useAudit);
  await settle();
  expect(result.current.log.entries.map((e) => e.seq)).toEqual([2, 1]);
  expect(result.current.userOptions.map((o) => o.value)).toEqual(['李雷', '陈静'].sort());
  expect(result.current.filtered).toBe(false);

  act(() => {
    result.current.setUserName('陈静');
    result.current.setOp('backup.create');
    result.current.setRange([dayjs('2025-03-01T12:00:00'), dayjs('2025-03-02T12:00:00')]);
  });
  await settle();
  expect(result.current.filtered).toBe(true);
  expect(fake.inputsOf('audit.list').at(-1)).toEqual({
    userName: '陈静',
    op: 'backup.create',
    from: dayjs('2025-03-01T00:00:00').toISOString(),
    to: dayjs('2025-03-02T23:59:59.999').toISOString(),
    limit: 50,
  });

  act(() => result.current.clear());
  await settle();
  expect(result.current.filtered).toBe(false);
  expect(fake.inputsOf('audit.list').at(-1)).toEqual({ limit: 50 });
});

test('useAuditExport: into the chosen folder by handle; the files by name; the log read again', async () => {
  const folder = chosen('审计导出', 3);
  const fake = installFakeBridge({
    'dialog.choose': () => ok(folder),
    'audit.export': () =>
      ok({ files: ['/media/usb/审计导出/audit.csv', '/media/usb/审计导出/audit.checkpoints'] }),
  });
  let exported = 0;
  const { result } = await renderModel(fake, () => useAuditExport(() => exported++), { role: 'auditor' });
  expect(result.current.allowed).toBe(true);
  await act(() => result.current.exportAudit());
  expect(fake.inputsOf('dialog.choose')).toEqual([{ kind: 'folder', purpose: 'audit-export' }]);
  expect(fake.inputsOf('audit.export')).toEqual([{ dir: { handle: folder.handle } }]);
  expect(result.current.files).toEqual(['audit.csv', 'audit.checkpoints']);
  expect(exported).toBe(1);

  fake.handle('audit.export', () => fail('WRITE_FAILED', 'disk full'));
  await act(() => result.current.exportAudit());
  expect(result.current.error?.code).toBe('WRITE_FAILED');
  expect(exported).toBe(1);
});

test('useAuditExport: an operator may not export', async () => {
  const fake = installFakeBridge();
  const { result } = await renderModel(fake, () => useAuditExport(() => undefined), { role: 'operator' });
  expect(result.current.allowed).toBe(false);
});
