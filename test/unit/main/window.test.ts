// The window: hardened web preferences that cannot be changed, the app URL, the window registry.
import { basename, isAbsolute } from 'node:path';
import type { FakeBrowserWindow, FakeElectron } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import { AppWindows } from '../../../electron/main/app-windows';
import { createMainWindow, focusOrCreateWindow, WEB_PREFERENCES } from '../../../electron/main/window';

const fake = jest.requireMock('electron') as FakeElectron;

beforeEach(() => {
  fake.BrowserWindow.created.length = 0;
});

describe('WEB_PREFERENCES', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('%s is %s', (key, value) => {
    expect(WEB_PREFERENCES[key]).toBe(value);
  });

  it('is frozen, so no caller can weaken it', () => {
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(() => {
      (WEB_PREFERENCES as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
  });

  it('loads the bundled preload beside the main bundle', () => {
    expect(isAbsolute(WEB_PREFERENCES.preload!)).toBe(true);
    expect(basename(WEB_PREFERENCES.preload!)).toBe('preload.js');
  });

  it('sets nothing that loosens the page (no enableBlinkFeatures, no extra arguments, no partition)', () => {
    expect(Object.keys(WEB_PREFERENCES).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });
});

describe('createMainWindow', () => {
  it('builds the window with exactly the frozen preferences and loads the app URL', () => {
    const windows = new AppWindows();
    createMainWindow(windows);
    const [win] = fake.BrowserWindow.created as FakeBrowserWindow[];
    expect(win.options.webPreferences).toEqual(WEB_PREFERENCES);
    expect(win.options.webPreferences).not.toBe(WEB_PREFERENCES);
    expect(win.options.show).toBe(false);
    expect(win.loaded).toEqual(['app://closeout/index.html']);
  });

  it('shows the window once it has painted', () => {
    createMainWindow(new AppWindows());
    const [win] = fake.BrowserWindow.created as FakeBrowserWindow[];
    expect(win.calls).not.toContain('show');
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('registers the window as the app’s own until it closes', () => {
    const windows = new AppWindows();
    createMainWindow(windows);
    const [win] = fake.BrowserWindow.created as FakeBrowserWindow[];
    const contents = win.webContents as unknown as Electron.WebContents;
    expect(windows.owns(contents)).toBe(true);
    win.close();
    expect(windows.owns(contents)).toBe(false);
    expect(windows.list()).toEqual([]);
  });
});

describe('focusOrCreateWindow (second instance, activate)', () => {
  it('brings the existing window forward instead of opening another', () => {
    const windows = new AppWindows();
    createMainWindow(windows);
    const [win] = fake.BrowserWindow.created as FakeBrowserWindow[];
    win.minimized = true;
    expect(focusOrCreateWindow(windows)).toBe(win);
    expect(win.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
    expect(fake.BrowserWindow.created).toHaveLength(1);
  });

  it('opens a window when none is left', () => {
    const windows = new AppWindows();
    focusOrCreateWindow(windows);
    expect(fake.BrowserWindow.created).toHaveLength(1);
  });
});
