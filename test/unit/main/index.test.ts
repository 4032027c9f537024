// The composition root, with Electron and the engine worker faked: what happens before ready (data
// folder, sandbox, scheme, instance lock), what ready installs, and how the app leaves.
import { join } from 'node:path';
import { channelFor, DROP_CHANNEL, OP_NAMES } from '../../../shared/contract';
import type { FakeBrowserWindow, FakeElectron } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());
jest.mock('../../../electron/core/host/index', () => ({ startEngineWorker: jest.fn() }));

interface Started {
  fake: FakeElectron;
  startEngineWorker: jest.Mock;
  engine: { call: jest.Mock; on: jest.Mock; close: jest.Mock };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Loads electron/main/index.ts afresh, as Electron would run dist/main/main.js. */
function load(env: { dataDir?: string; secondInstance?: boolean } = {}): Started {
  let started!: Started;
  const saved = process.env.CLOSEOUT_DATA_DIR;
  if (env.dataDir) process.env.CLOSEOUT_DATA_DIR = env.dataDir;
  else delete process.env.CLOSEOUT_DATA_DIR;
  try {
    jest.isolateModules(() => {
      const fake = jest.requireMock('electron') as FakeElectron;
      fake.app.singleInstance = !env.secondInstance;
      const host = jest.requireMock('../../../electron/core/host/index') as { startEngineWorker: jest.Mock };
      const engine = {
        call: jest.fn(() => Promise.resolve({ ok: true, value: { locked: false } })),
        on: jest.fn(() => () => undefined),
        close: jest.fn(() => Promise.resolve()),
      };
      host.startEngineWorker.mockReturnValue(engine);
      require('../../../electron/main/index');
      started = { fake, startEngineWorker: host.startEngineWorker, engine };
    });
  } finally {
    if (saved === undefined) delete process.env.CLOSEOUT_DATA_DIR;
    else process.env.CLOSEOUT_DATA_DIR = saved;
  }
  return started;
}

describe('before ready', () => {
  it('takes CLOSEOUT_DATA_DIR as userData before taking the single-instance lock', () => {
    const { fake } = load({ dataDir: '/tmp/closeout-test-data' });
    expect(fake.app.getPath('userData')).toBe('/tmp/closeout-test-data');
    const calls = fake.app.calls;
    expect(calls.indexOf('setPath:userData')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
  });

  it('sandboxes every renderer and registers the app scheme', () => {
    const { fake } = load();
    expect(fake.app.calls).toContain('enableSandbox');
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    const { fake, startEngineWorker } = load({ secondInstance: true });
    expect(fake.app.calls).toContain('quit');
    fake.app.becomeReady();
    await flush();
    expect(startEngineWorker).not.toHaveBeenCalled();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});

describe('on ready', () => {
  async function ready(dataDir = '/tmp/closeout-ready') {
    const started = load({ dataDir });
    started.fake.app.becomeReady();
    await flush();
    return started;
  }

  it('hardens the session before any window exists', async () => {
    const { fake } = await ready();
    const session = fake.session.defaultSession;
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.beforeRequest).not.toBeNull();
    expect(session.spellCheckerEnabled).toBe(false);
  });

  it('serves the renderer over app:// and answers every contract operation (and dropped files) over IPC', async () => {
    const { fake } = await ready();
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      [...OP_NAMES.map(channelFor), DROP_CHANNEL].sort(),
    );
  });

  it('starts the engine worker from the bundle layout with the data folder', async () => {
    const { startEngineWorker } = await ready('/tmp/closeout-engine');
    expect(startEngineWorker).toHaveBeenCalledTimes(1);
    const [script, data] = startEngineWorker.mock.calls[0];
    expect(script).toBe(join(__dirname, '../../../electron', 'core', 'worker.js'));
    // Unpackaged: fonts come from node_modules (fontsDir null); packaged: resources/fonts.
    expect(data).toEqual({
      dataDir: '/tmp/closeout-engine',
      electronVersion: process.versions.electron,
      fontsDir: null,
    });
  });

  it('opens one window on the app URL, with a menu that has no help links', async () => {
    const { fake } = await ready();
    const windows = fake.BrowserWindow.getAllWindows() as FakeBrowserWindow[];
    expect(windows).toHaveLength(1);
    expect(windows[0].loaded).toEqual(['app://closeout/index.html']);
    const [menu] = fake.Menu.applied as { template: { label?: string; role?: string }[] }[];
    expect(menu.template.map((item) => item.role ?? item.label)).not.toContain('help');
  });

  it('guards web contents created later (navigation denied)', async () => {
    const { fake } = await ready();
    const [win] = fake.BrowserWindow.getAllWindows() as FakeBrowserWindow[];
    fake.app.emit('web-contents-created', {}, win.webContents);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('brings the window forward when a second instance starts', async () => {
    const { fake } = await ready();
    const [win] = fake.BrowserWindow.getAllWindows() as FakeBrowserWindow[];
    fake.app.emit('second-instance', {}, [], '/');
    expect(win.calls).toContain('focus');
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('locks the vault when the system suspends or the screen locks', async () => {
    const { fake, engine } = await ready();
    fake.powerMonitor.emit('lock-screen');
    fake.powerMonitor.emit('suspend');
    await flush();
    const lock = ['vault.lock', { reason: 'system' }];
    expect(engine.call.mock.calls).toEqual([lock, lock]);
  });

  it('closes the engine before quitting', async () => {
    const { fake, engine } = await ready();
    const quitEvent = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    fake.app.emit('before-quit', quitEvent);
    expect(quitEvent.prevented).toBe(true);
    expect(engine.close).toHaveBeenCalledTimes(1);
    await flush();
    expect(fake.app.calls.filter((call) => call === 'quit')).toHaveLength(1);
  });

  it('quits when the last window closes', async () => {
    const { fake } = await ready();
    fake.app.emit('window-all-closed');
    expect(fake.app.calls).toContain('quit');
  });
});
