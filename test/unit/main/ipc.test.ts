// The IPC choke point: who may call (the app's own main frame), what may be sent (the contract's
// schemas), and that every answer is a Result value, refusals included.
import { channelFor, DROP_CHANNEL, EVENT_CHANNEL, OP_NAMES, type OpName } from '../../../shared/contract';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/result';
import type { EngineClient, EngineListener } from '../../../electron/core/host/index';
import {
  FakeBrowserWindow,
  FakeWebContents,
  fakeFrame,
  type FakeElectron,
  type FakeFrame,
} from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import { AppWindows } from '../../../electron/main/app-windows';
import { FileHandles } from '../../../electron/main/file-handles';
import { forwardEvents, handleCall, handleDrop, registerIpc } from '../../../electron/main/ipc';
import type { SenderEvent } from '../../../electron/main/sender';

const fake = jest.requireMock('electron') as FakeElectron;

class FakeEngine implements EngineClient {
  readonly calls: [OpName, unknown, unknown][] = [];
  readonly listeners = new Set<EngineListener>();
  answer: (op: OpName) => Result<unknown> = () => ok({ answered: true });

  call(op: OpName, input: unknown, options?: unknown) {
    this.calls.push([op, input, options]);
    return Promise.resolve(this.answer(op)) as never;
  }
  on(listener: EngineListener) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  close() {
    return Promise.resolve();
  }
  emit(name: Parameters<EngineListener>[0], payload: unknown) {
    for (const listener of this.listeners) listener(name, payload);
  }
}

function appWindow(windows: AppWindows): FakeBrowserWindow {
  const win = new FakeBrowserWindow({});
  windows.add(win as unknown as Electron.BrowserWindow);
  return win;
}

function eventFrom(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): SenderEvent {
  return { sender: contents, senderFrame: frame } as unknown as SenderEvent;
}

let engine: FakeEngine;
let windows: AppWindows;
let win: FakeBrowserWindow;
let call: ReturnType<typeof handleCall>;

beforeEach(() => {
  fake.ipcMain.handlers.clear();
  engine = new FakeEngine();
  windows = new AppWindows();
  win = appWindow(windows);
  call = handleCall(engine, windows);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('registerIpc', () => {
  it('registers one handler per contract operation on its closeout: channel, the drop channel, and nothing else', () => {
    registerIpc(fake.ipcMain as unknown as Electron.IpcMain, engine, windows);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      [...OP_NAMES.map(channelFor), DROP_CHANNEL].sort(),
    );
  });

  it('answers through the registered handler as Electron would call it', async () => {
    registerIpc(fake.ipcMain as unknown as Electron.IpcMain, engine, windows);
    const handler = fake.ipcMain.handlers.get(channelFor('app.info'))!;
    await expect(handler(eventFrom(win.webContents), {}, undefined)).resolves.toEqual(ok({ answered: true }));
    expect(engine.calls).toEqual([['app.info', {}, undefined]]);
  });
});

describe('a trusted call', () => {
  it('is forwarded to the engine and its Result returned as is', async () => {
    engine.answer = () => ok({ name: 'Closeout' });
    await expect(call('app.info', eventFrom(win.webContents), {}, undefined)).resolves.toEqual(
      ok({ name: 'Closeout' }),
    );
    expect(engine.calls).toEqual([['app.info', {}, undefined]]);
  });

  it('passes the engine’s own failures through unchanged', async () => {
    engine.answer = () => fail('VAULT_LOCKED', 'The vault is locked; unlock it first');
    const result = await call('app.info', eventFrom(win.webContents), {}, undefined);
    expect(result).toEqual(fail('VAULT_LOCKED', 'The vault is locked; unlock it first'));
  });

  it('sends the validated input (with defaults) and options', async () => {
    await call('backup.prune', eventFrom(win.webContents), { keepLast: 3 }, { jobId: 'job_12345678' });
    expect(engine.calls).toEqual([
      [
        'backup.prune',
        { keepLast: 3, keepDaily: 0, keepMonthly: 0, dryRun: false },
        { jobId: 'job_12345678' },
      ],
    ]);
  });
});

describe('refused senders: FORBIDDEN_SENDER as a value, engine never called', () => {
  async function expectRefused(event: SenderEvent) {
    const result = await call('app.info', event, {}, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FORBIDDEN_SENDER');
    expect(engine.calls).toEqual([]);
  }

  it('a sub-frame of an app window', async () => {
    const child = fakeFrame('app://closeout/index.html', win.webContents.mainFrame);
    await expectRefused(eventFrom(win.webContents, child));
  });

  it('a second top-level frame that is not the window’s main frame', async () => {
    await expectRefused(eventFrom(win.webContents, fakeFrame('app://closeout/index.html')));
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/index.html',
    'file:///tmp/index.html',
    'app://other/index.html',
    'app://closeout.evil/index.html',
    'app://closeout@evil/index.html',
    'about:blank',
  ])('the main frame showing %s', async (url) => {
    win.webContents.mainFrame.url = url;
    await expectRefused(eventFrom(win.webContents));
  });

  it('web contents that no app window owns', async () => {
    await expectRefused(eventFrom(new FakeWebContents('app://closeout/index.html')));
  });

  it('a window that has been closed', async () => {
    win.close();
    await expectRefused(eventFrom(win.webContents));
  });

  it('a frame that is gone or detached', async () => {
    await expectRefused(eventFrom(win.webContents, null));
    win.webContents.mainFrame.detached = true;
    await expectRefused(eventFrom(win.webContents));
  });

  it('a frame that throws when inspected (disposed mid-call)', async () => {
    const event = {
      sender: win.webContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as unknown as SenderEvent;
    await expectRefused(event);
  });
});

describe('invalid input: INVALID_INPUT as a value, never a throw', () => {
  async function expectInvalid(op: OpName, input: unknown, options?: unknown): Promise<string> {
    const result = await call(op, eventFrom(win.webContents), input, options);
    expect(result.ok).toBe(false);
    expect(engine.calls).toEqual([]);
    if (result.ok) return '';
    expect(result.error.code).toBe('INVALID_INPUT');
    return String(result.error.details?.detail);
  }

  it('a value outside the schema names the field', async () => {
    expect(await expectInvalid('backup.prune', { keepLast: 0 })).toContain('keepLast');
  });

  it('an unknown key (schemas are strict)', async () => {
    await expectInvalid('app.info', { path: '/etc/passwd' });
  });

  it('not an object at all', async () => {
    await expectInvalid('app.info', 'x');
    await expectInvalid('job.cancel', ['job']);
  });

  it('bad call options', async () => {
    expect(await expectInvalid('app.info', {}, { jobId: '../../x' })).toContain('jobId');
    await expectInvalid('app.info', {}, { jobId: 'job_12345678', extra: true });
  });
});

describe('unexpected errors', () => {
  it('become INTERNAL with a reference, not a rejected promise', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    engine.call = () => {
      throw new Error('boom');
    };
    const result = await call('app.info', eventFrom(win.webContents), {}, undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.details?.ref).toMatch(/^[0-9a-f]{8}$/);
    }
  });
});

describe('forwardEvents', () => {
  it('sends engine events to every live app window showing the app', () => {
    const second = appWindow(windows);
    forwardEvents(engine, windows);
    engine.emit('job.finished', { job: 'job_12345678', op: 'vault.check', outcome: 'succeeded' });
    for (const target of [win, second]) {
      expect(target.webContents.sent).toEqual([
        [EVENT_CHANNEL, 'job.finished', { job: 'job_12345678', op: 'vault.check', outcome: 'succeeded' }],
      ]);
    }
  });

  it('skips closed windows and windows no longer showing the app', () => {
    const elsewhere = appWindow(windows);
    elsewhere.webContents.mainFrame.url = 'https://evil.example/';
    const closed = appWindow(windows);
    closed.close();
    forwardEvents(engine, windows);
    engine.emit('session.locked', { reason: 'system' });
    expect(win.webContents.sent).toHaveLength(1);
    expect(elsewhere.webContents.sent).toEqual([]);
    expect(closed.webContents.sent).toEqual([]);
  });

  it('stops when unsubscribed', () => {
    const stop = forwardEvents(engine, windows);
    stop();
    engine.emit('session.locked', { reason: 'idle' });
    expect(win.webContents.sent).toEqual([]);
  });
});

describe('files: windows pass dialog handles, never paths', () => {
  it('swaps a handle the shell issued for its path before the engine sees the call', async () => {
    const handles = new FileHandles();
    const handle = handles.issue('/home/a/客户.cvault', 'vault', 'open');
    const shelled = handleCall(engine, windows, { handles, run: async () => ok(null) });
    await shelled(
      'vault.unlock',
      eventFrom(win.webContents),
      { vault: { handle }, passphrase: 'p' },
      undefined,
    );
    expect(engine.calls).toEqual([
      ['vault.unlock', { vault: { path: '/home/a/客户.cvault' }, passphrase: 'p' }, undefined],
    ]);
  });

  it('refuses a path sent by a window, and an unknown handle', async () => {
    const shelled = handleCall(engine, windows, { handles: new FileHandles(), run: async () => ok(null) });
    const withPath = await shelled(
      'vault.unlock',
      eventFrom(win.webContents),
      { vault: { path: '/etc/passwd' }, passphrase: 'p' },
      undefined,
    );
    expect(withPath).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } });
    const forged = await shelled(
      'vault.unlock',
      eventFrom(win.webContents),
      { vault: { handle: 'h.vault.open.forgedforgedforgedforged' }, passphrase: 'p' },
      undefined,
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_UNKNOWN' } });
    expect(engine.calls).toEqual([]);
  });

  it('refuses a handle chosen for another purpose (an export’s save handle as the vault to unlock)', async () => {
    const handles = new FileHandles();
    const exportHandle = handles.issue('/home/a/客户.cvault', 'records-export', 'save');
    const shelled = handleCall(engine, windows, { handles, run: async () => ok(null) });
    const result = await shelled(
      'vault.unlock',
      eventFrom(win.webContents),
      { vault: { handle: exportHandle }, passphrase: 'p' },
      undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(engine.calls).toEqual([]);
  });

  it('routes shell operations (native dialogs) to the shell, not the engine', async () => {
    const run = jest.fn(async () =>
      ok({ handle: 'h.vault.save.abcdefghijabcdefghijabcd', name: 'a.cvault' }),
    );
    const shelled = handleCall(engine, windows, { handles: new FileHandles(), run });
    const result = await shelled(
      'dialog.choose',
      eventFrom(win.webContents),
      { kind: 'save', purpose: 'vault' },
      undefined,
    );
    expect(result).toEqual(ok({ handle: 'h.vault.save.abcdefghijabcdefghijabcd', name: 'a.cvault' }));
    expect(run).toHaveBeenCalledTimes(1);
    expect(engine.calls).toEqual([]);
  });

  it('without a shell, a shell operation is refused as a value', async () => {
    const result = await call(
      'dialog.choose',
      eventFrom(win.webContents),
      { kind: 'open', purpose: 'vault' },
      undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'SHELL_ONLY' } });
  });
});

describe('a dropped file', () => {
  let dir: string;
  let handles: FileHandles;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closeout-drop-'));
    handles = new FileHandles();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gets a handle for its path and its name, like a dialog answer', () => {
    const file = join(dir, '客户.csv');
    writeFileSync(file, 'a,b\n');
    const result = handleDrop(windows, handles)(eventFrom(win.webContents), file);
    expect(result.ok).toBe(true);
    if (!result.ok || !result.value) throw new Error('no handle');
    expect(result.value.name).toBe('客户.csv');
    expect(result.value.handle).toMatch(/^h\.import\.open\./);
    expect(handles.peek(result.value.handle)).toBe(file);
  });

  it('is refused from a frame that is not the app, and for folders, missing files and non-paths', () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'a\n');
    const drop = handleDrop(windows, handles);
    const stranger = new FakeBrowserWindow({});
    expect(drop(eventFrom(stranger.webContents), file)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    for (const bad of [dir, join(dir, 'gone.csv'), 'relative.csv', 42, null, `${file}\0x`])
      expect(drop(eventFrom(win.webContents), bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
  });
});
