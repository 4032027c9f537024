// main's table of file handles: a handle is accepted only where its purpose and kind of dialog are
// wanted, for minutes, once for a save, and not after a lock; the checks run before the engine is called.
import { checkedCall } from '../../../electron/main/checked-call';
import { FileHandles, forgetHandlesOnLock, HANDLE_LIFETIME_MS } from '../../../electron/main/file-handles';
import { contract, type CallOptions } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/result';

function setUp(answer: () => Result<unknown> | Promise<Result<unknown>> = () => ok('written')) {
  let clock = 1_000_000;
  const handles = new FileHandles(() => clock);
  const engineCalls: Array<[string, unknown, CallOptions | undefined]> = [];
  const call = checkedCall<string>(
    contract,
    {
      call: async (op, input, options) => {
        engineCalls.push([op, input, options]);
        return answer();
      },
    },
    { run: async () => ok(null), swap: (input) => handles.swap(input) },
  );
  return { handles, call, engineCalls, advance: (ms: number) => (clock += ms) };
}

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('a handle is bound to the purpose and kind of dialog it was chosen in', () => {
  it('an export save handle cannot name the vault to unlock, a restore target or a backup to read', async () => {
    const { handles, call, engineCalls } = setUp();
    const exportHandle = handles.issue('/home/a/client.cvault', 'records-export', 'save');
    expect(
      codeOf(
        await call('vault.unlock', { vault: { handle: exportHandle }, passphrase: 'p' }, undefined, 'w'),
      ),
    ).toBe('INVALID_INPUT');
    const backupHandle = handles.issue('/media/usb/a.cobackup', 'backup', 'open');
    expect(
      codeOf(
        await call(
          'backup.restore',
          { backup: { handle: backupHandle }, to: { handle: exportHandle } },
          undefined,
          'w',
        ),
      ),
    ).toBe('INVALID_INPUT');
    expect(codeOf(await call('backup.verify', { backup: { handle: exportHandle } }, undefined, 'w'))).toBe(
      'INVALID_INPUT',
    );
    // An import (open) handle cannot be the export's target, nor a folder handle a file.
    const importHandle = handles.issue('/home/a/客户.csv', 'import', 'open');
    expect(
      codeOf(await call('records.export', { format: 'csv', file: { handle: importHandle } }, undefined, 'w')),
    ).toBe('INVALID_INPUT');
    const folder = handles.issue('/media/usb', 'backup-destination', 'folder');
    expect(codeOf(await call('audit.export', { dir: { handle: folder } }, undefined, 'w'))).toBe(
      'INVALID_INPUT',
    );
    expect(engineCalls).toEqual([]);
  });

  it('a handle rewritten to claim another purpose is unknown to the table', async () => {
    const { handles, call, engineCalls } = setUp();
    const exportHandle = handles.issue('/home/a/client.cvault', 'records-export', 'save');
    const forged = exportHandle.replace('h.records-export.save.', 'h.vault.open.');
    expect(
      codeOf(await call('vault.unlock', { vault: { handle: forged }, passphrase: 'p' }, undefined, 'w')),
    ).toBe('FILE_HANDLE_UNKNOWN');
    expect(engineCalls).toEqual([]);
  });

  it('the dialog refuses a purpose in a kind of dialog it is not chosen in', async () => {
    const { call } = setUp();
    expect(
      codeOf(await call('dialog.choose', { kind: 'open', purpose: 'records-export' }, undefined, 'w')),
    ).toBe('INVALID_INPUT');
    expect(
      codeOf(await call('dialog.choose', { kind: 'save', purpose: 'records-export' }, undefined, 'w')),
    ).toBe('ok');
  });
});

describe('a save handle writes one file', () => {
  it('is spent by a call that succeeded; a second export with it is refused', async () => {
    const { handles, call, engineCalls } = setUp();
    const handle = handles.issue('/home/a/out.csv', 'records-export', 'save');
    const input = { format: 'csv', file: { handle } };
    expect(await call('records.export', input, undefined, 'w')).toEqual(ok('written'));
    expect(codeOf(await call('records.export', input, undefined, 'w'))).toBe('FILE_HANDLE_UNKNOWN');
    expect(engineCalls).toHaveLength(1);
    expect(engineCalls[0][1]).toMatchObject({ file: { path: '/home/a/out.csv' } });
  });

  it('is not spent by a call that failed (nothing was written), and cannot be used twice at once', async () => {
    let answer: Result<unknown> = fail('WRITE_FAILED', 'disk full');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { handles, call } = setUp(() => answer);
    const handle = handles.issue('/home/a/out.csv', 'records-export', 'save');
    const input = { format: 'csv', file: { handle } };
    expect(codeOf(await call('records.export', input, undefined, 'w'))).toBe('WRITE_FAILED');
    answer = ok('written');
    // While one call with the handle runs, another is refused.
    const slow = setUp(async () => {
      await gate;
      return ok('written');
    });
    const h2 = slow.handles.issue('/home/a/other.csv', 'records-export', 'save');
    const first = slow.call('records.export', { format: 'csv', file: { handle: h2 } }, undefined, 'w');
    expect(
      codeOf(await slow.call('records.export', { format: 'csv', file: { handle: h2 } }, undefined, 'w')),
    ).toBe('FILE_HANDLE_UNKNOWN');
    release();
    expect(codeOf(await first)).toBe('ok');
    expect(codeOf(await call('records.export', input, undefined, 'w'))).toBe('ok');
  });

  it('open and folder handles may be used again (preview, import, delete the source)', async () => {
    const { handles, call } = setUp();
    const handle = handles.issue('/home/a/客户.csv', 'import', 'open');
    for (let i = 0; i < 3; i++)
      expect(codeOf(await call('import.preview', { file: { handle } }, undefined, 'w'))).toBe('ok');
  });
});

describe('handles are short-lived', () => {
  it(`expire ${HANDLE_LIFETIME_MS / 60_000} minutes after they were issued or last used`, async () => {
    const { handles, call, advance } = setUp();
    const handle = handles.issue('/home/a/客户.csv', 'import', 'open');
    const use = async () => codeOf(await call('import.preview', { file: { handle } }, undefined, 'w'));
    advance(HANDLE_LIFETIME_MS - 1);
    expect(await use()).toBe('ok');
    advance(HANDLE_LIFETIME_MS - 1);
    expect(await use()).toBe('ok');
    advance(HANDLE_LIFETIME_MS + 1);
    expect(await use()).toBe('FILE_HANDLE_UNKNOWN');
    const save = handles.issue('/home/a/out.csv', 'records-export', 'save');
    advance(HANDLE_LIFETIME_MS + 1);
    expect(
      codeOf(await call('records.export', { format: 'csv', file: { handle: save } }, undefined, 'w')),
    ).toBe('FILE_HANDLE_UNKNOWN');
  });

  it('are forgotten when the vault locks, but for a vault file chosen to be unlocked', async () => {
    const { handles, call } = setUp();
    const listeners: Array<(event: string, payload: unknown) => void> = [];
    const engine = {
      on: (l: (event: string, payload: unknown) => void) => {
        listeners.push(l);
        return () => undefined;
      },
    };
    forgetHandlesOnLock(engine, handles);
    const exportHandle = handles.issue('/home/a/out.csv', 'records-export', 'save');
    const importHandle = handles.issue('/home/a/客户.csv', 'import', 'open');
    const vaultHandle = handles.issue('/home/a/client.cvault', 'vault', 'open');
    for (const l of listeners) l('job.progress', {});
    expect(handles.peek(exportHandle)).toBe('/home/a/out.csv');
    for (const l of listeners) l('session.locked', { reason: 'idle' });
    expect(handles.peek(exportHandle)).toBeNull();
    expect(handles.peek(importHandle)).toBeNull();
    expect(codeOf(await call('import.preview', { file: { handle: importHandle } }, undefined, 'w'))).toBe(
      'FILE_HANDLE_UNKNOWN',
    );
    expect(
      codeOf(await call('vault.unlock', { vault: { handle: vaultHandle }, passphrase: 'p' }, undefined, 'w')),
    ).toBe('ok');
  });
});
