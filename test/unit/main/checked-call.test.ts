// main's checks of a call, without Electron (the e2e harness runs them too): unknown operations, schemas,
// the shell's operations, handles swapped for paths, a path from a window refused; all as values.
import { checkedCall } from '../../../electron/main/checked-call';
import { FileHandles } from '../../../electron/main/file-handles';
import { contract, type CallOptions } from '../../../shared/contract';
import { ok, type Result } from '../../../shared/result';

function setUp() {
  const engineCalls: Array<[string, unknown, CallOptions | undefined]> = [];
  const shellCalls: Array<[string, unknown, string]> = [];
  const handles = new FileHandles();
  const call = checkedCall<string>(
    contract,
    {
      call: async (op, input, options): Promise<Result<unknown>> => {
        engineCalls.push([op, input, options]);
        return ok('from the engine');
      },
    },
    {
      run: async (op, input, sender) => {
        shellCalls.push([op, input, sender]);
        return ok('from the shell');
      },
      swap: (input) => handles.swap(input),
    },
  );
  return { call, engineCalls, shellCalls, handles };
}

test('an operation outside the contract is UNKNOWN_OPERATION, even an inherited key', async () => {
  const { call, engineCalls } = setUp();
  expect(await call('vault.destroy', {}, undefined, 'w')).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_OPERATION' },
  });
  expect(await call('constructor', {}, undefined, 'w')).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_OPERATION' },
  });
  expect(engineCalls).toEqual([]);
});

test('a handle becomes its path; a path from the window, or an unknown handle, is refused', async () => {
  const { call, engineCalls, handles } = setUp();
  const handle = handles.issue('/data/audit', 'audit-export', 'folder');
  expect(await call('audit.export', { dir: { handle } }, { jobId: 'job_12345678' }, 'w')).toEqual(
    ok('from the engine'),
  );
  expect(engineCalls).toEqual([
    ['audit.export', { dir: { path: '/data/audit' } }, { jobId: 'job_12345678' }],
  ]);
  expect(await call('audit.export', { dir: { path: '/etc' } }, undefined, 'w')).toMatchObject({
    ok: false,
    error: { code: 'PATH_NOT_ALLOWED' },
  });
  expect(
    await call(
      'audit.export',
      { dir: { handle: 'h.audit-export.folder.unknownunknownunknownunk' } },
      undefined,
      'w',
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'FILE_HANDLE_UNKNOWN' },
  });
  expect(engineCalls).toHaveLength(1);
});

test("the shell's operations go to the shell, checked, with who asked", async () => {
  const { call, engineCalls, shellCalls } = setUp();
  expect(await call('dialog.choose', { kind: 'open', purpose: 'import' }, undefined, 'window-1')).toEqual(
    ok('from the shell'),
  );
  expect(shellCalls).toEqual([['dialog.choose', { kind: 'open', purpose: 'import' }, 'window-1']]);
  expect(await call('dialog.choose', { kind: 'open', purpose: 'anything' }, undefined, 'w')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
  expect(engineCalls).toEqual([]);
});

test('a background call (a poll) is marked as such for the engine, so it does not count as activity', async () => {
  const { call, engineCalls } = setUp();
  expect(await call('vault.session', {}, { background: true }, 'w')).toEqual(ok('from the engine'));
  expect(engineCalls).toEqual([['vault.session', {}, { background: true }]]);
  expect(await call('vault.session', {}, { background: 'yes' }, 'w')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});
