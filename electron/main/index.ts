// Composition root of the desktop shell: wires app lifecycle, session hardening, the app:// protocol,
// the IPC choke point, the engine worker and the window. Security settings live in the modules that
// apply them; this file only decides the order.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, session } from 'electron';
import type { OpParsedInput } from '../../shared/contract';
import { ok } from '../../shared/result';
import { chooseFile } from './dialogs';
import { FileHandles, forgetHandlesOnLock } from './file-handles';
import { startEngineWorker, type EngineClient } from '../core/host/index';
import { AppWindows } from './app-windows';
import { useDataDir } from './data-dir';
import { hardenSession } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { watchSystemLock } from './power';
import { installAppProtocol, registerAppScheme } from './protocol';
import { closeEngineOnQuit } from './quit';
import { guardAllWebContents } from './web-contents-guard';
import { createMainWindow, focusOrCreateWindow } from './window';

// Bundled layout: dist/main/main.js, dist/core/worker.js, renderer/dist/ (inside app.asar when packaged).
const WORKER_SCRIPT = join(__dirname, '..', 'core', 'worker.js');
const RENDERER_ROOT = join(__dirname, '..', '..', 'renderer', 'dist');

// Before anything else: the data folder decides where Chromium's profile and the instance lock live.
const dataDir = useDataDir(app);
// Every renderer sandboxed, whatever a window asks for.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Closeout owns this data folder; it has been told to come forward (second-instance).
  app.quit();
} else {
  start();
}

function start(): void {
  const windows = new AppWindows();
  let engine: EngineClient | null = null;

  guardAllWebContents(app);
  closeEngineOnQuit(app, () => engine);
  app.on('second-instance', () => {
    if (app.isReady()) focusOrCreateWindow(windows);
  });
  // Closing the last window ends the session that holds the vault key, on every platform.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, { allowDevTools: !app.isPackaged });
      installAppProtocol(RENDERER_ROOT);
      engine = startEngineWorker(WORKER_SCRIPT, {
        dataDir,
        electronVersion: process.versions.electron,
        // Packaged: the CJK fonts for PDFs ship as extra resources, outside the asar.
        fontsDir: app.isPackaged ? join(process.resourcesPath, 'fonts') : null,
      });
      const chinese = app.getLocale().toLowerCase().startsWith('zh');
      const handles = new FileHandles();
      registerIpc(ipcMain, engine, windows, {
        handles,
        run: async (_op, event, input) =>
          ok(
            await chooseFile(
              dialog,
              BrowserWindow.fromWebContents(event.sender),
              input as OpParsedInput<'dialog.choose'>,
              handles,
              chinese,
            ),
          ),
      });
      forwardEvents(engine, windows);
      forgetHandlesOnLock(engine, handles);
      watchSystemLock(powerMonitor, engine);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            isMac: process.platform === 'darwin',
            isPackaged: app.isPackaged,
            chinese,
          }),
        ),
      );
      createMainWindow(windows);
      app.on('activate', () => focusOrCreateWindow(windows));
    })
    .catch((error: unknown) => {
      console.error(`closeout: the app could not start: ${error instanceof Error ? error.stack : error}`);
      app.exit(1);
    });
}
