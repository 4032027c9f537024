// The one place that builds a BrowserWindow. Its web preferences are a frozen constant so that no
// caller, test or debug switch can weaken them for one window.
import { join } from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_URL } from './app-url';
import type { AppWindows } from './app-windows';

/** Bundled layout: dist/main/main.js beside dist/main/preload.js. */
const PRELOAD = join(__dirname, 'preload.js');

export const WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  preload: PRELOAD,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  // Spellcheck would make Chromium fetch dictionaries from the network on Linux and Windows.
  spellcheck: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped on the window must not replace the app with a file:// page.
  navigateOnDragDrop: false,
  safeDialogs: true,
  // A middle click on a link would ask for a new window (refused anyway): not even the event.
  disableBlinkFeatures: 'Auxclick',
});

export function createMainWindow(windows: AppWindows): BrowserWindow {
  const options: BrowserWindowConstructorOptions = {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    title: 'Closeout',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    // A copy, so nothing done with the options can reach the shared frozen constant.
    webPreferences: { ...WEB_PREFERENCES },
  };
  // Electronegativity cannot follow these options to the frozen WEB_PREFERENCES (contextIsolation and
  // sandbox on, Auxclick off; test/unit/main/window.test.ts checks them): its three checks of them are off here.
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_URL).catch((error: unknown) => {
    console.error(`closeout: the window could not load ${APP_URL}: ${String(error)}`);
  });
  return win;
}

/** A second launch brings the existing window forward instead of opening a second app. */
export function focusOrCreateWindow(windows: AppWindows): BrowserWindow {
  const [win] = windows.list();
  if (!win) return createMainWindow(windows);
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}
