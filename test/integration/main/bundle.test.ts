// The bundled shell (dist/main/main.js) booted in plain Node with a stand-in for `electron`: the bundle
// layout resolves (preload, worker, renderer), and a call from the app's window travels through the IPC
// choke point to the real engine worker and back. What only a real Electron can show is left to
// test/e2e/electron-smoke.spec.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { channelFor } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import type { FakeBrowserWindow, FakeElectron } from '../../unit/main/fake-electron';
import { ROOT, tempDir } from '../helpers';

jest.mock('electron', () => require('../../unit/main/fake-electron').createFakeElectron());

const fake = jest.requireMock('electron') as FakeElectron;
const data = tempDir('closeout-shell-');
const flush = () => new Promise((resolve) => setImmediate(resolve));
let win: FakeBrowserWindow;

beforeAll(async () => {
  process.env.CLOSEOUT_DATA_DIR = data.path;
  require(join(ROOT, 'dist', 'main', 'main.js'));
  fake.app.becomeReady();
  await flush();
  [win] = fake.BrowserWindow.getAllWindows() as FakeBrowserWindow[];
});

afterAll(async () => {
  // Quitting closes the engine worker; wait for that before removing its data folder.
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  for (let i = 0; i < 200 && !fake.app.calls.includes('quit'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  delete process.env.CLOSEOUT_DATA_DIR;
  data.remove();
});

it('opens one window on the app URL with the bundled preload', () => {
  expect(win.loaded).toEqual(['app://closeout/index.html']);
  const preload = (win.options.webPreferences as { preload: string }).preload;
  expect(preload).toBe(join(ROOT, 'dist', 'main', 'preload.js'));
  expect(existsSync(preload)).toBe(true);
});

it('answers app.info from the real engine worker, for the app’s own main frame', async () => {
  const handler = fake.ipcMain.handlers.get(channelFor('app.info'))!;
  const result = await handler(
    { sender: win.webContents, senderFrame: win.webContents.mainFrame },
    {},
    undefined,
  );
  expect(result).toMatchObject({
    ok: true,
    value: { name: 'Closeout', engineMode: 'worker', dataDir: data.path },
  });
});

it('refuses the same call from a sub-frame without bothering the engine', async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const handler = fake.ipcMain.handlers.get(channelFor('app.info'))!;
  const child = { ...win.webContents.mainFrame, parent: win.webContents.mainFrame, routingId: -1 };
  const result = await handler({ sender: win.webContents, senderFrame: child }, {}, undefined);
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  jest.restoreAllMocks();
});

it('serves renderer/dist over app:// with the CSP, and refuses traversal', async () => {
  const serve = fake.protocol.handlers.get('app')! as (request: Request) => Promise<Response>;
  const refused = await serve(new Request('app://closeout/..%2fpackage.json'));
  expect(refused.status).toBe(403);
  const index = await serve(new Request('app://closeout/index.html'));
  // The renderer is built by Vite (npm run build), not by this project's global setup.
  const built = existsSync(join(ROOT, 'renderer', 'dist', 'index.html'));
  expect(index.status).toBe(built ? 200 : 404);
  expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
});
