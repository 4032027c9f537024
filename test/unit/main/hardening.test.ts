// Session hardening: every permission denied, no device choosers, no downloads, no spellcheck
// dictionaries, and no request to anything but the app's own files.
import { FakeSession } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import { hardenSession, isAllowedRequest } from '../../../electron/main/hardening';

const PACKAGED = { allowDevTools: false };
const DEVELOPMENT = { allowDevTools: true };

function hardened(options = PACKAGED): FakeSession {
  const session = new FakeSession();
  hardenSession(session as unknown as Electron.Session, options);
  return session;
}

function event() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('permissions', () => {
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'display-capture',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'idle-detection',
    'unknown',
  ];

  it.each(permissions)('a request for %s is denied', (permission) => {
    const session = hardened();
    const callback = jest.fn();
    session.permissionRequestHandler!({}, permission, callback, {});
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(permissions)('a check for %s answers false', (permission) => {
    const session = hardened();
    expect(session.permissionCheckHandler!(null, permission, 'app://closeout', {})).toBe(false);
  });

  it('grants no device (HID, serial, USB) and no screen capture', () => {
    const session = hardened();
    expect(session.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://closeout' })).toBe(false);
    const capture = jest.fn();
    session.displayMediaRequestHandler!({}, capture);
    expect(capture).toHaveBeenCalledWith(null);
  });

  it('answers device choosers with no device', () => {
    const session = hardened();
    const hid = event();
    const hidCallback = jest.fn();
    session.emit('select-hid-device', hid, { deviceList: [{ deviceId: 'x' }] }, hidCallback);
    expect(hid.prevented).toBe(true);
    expect(hidCallback).toHaveBeenCalledWith(null);

    const serial = event();
    const serialCallback = jest.fn();
    session.emit('select-serial-port', serial, [{ portId: 'p' }], {}, serialCallback);
    expect(serial.prevented).toBe(true);
    expect(serialCallback).toHaveBeenCalledWith('');

    const usb = event();
    const usbCallback = jest.fn();
    session.emit('select-usb-device', usb, { deviceList: [{ deviceId: 'u' }] }, usbCallback);
    expect(usb.prevented).toBe(true);
    expect(usbCallback).toHaveBeenCalledWith();
  });
});

describe('downloads and spellcheck', () => {
  it('cancels page downloads: files leave only through main’s own dialogs', () => {
    const session = hardened();
    const download = event();
    session.emit('will-download', download, {}, {});
    expect(download.prevented).toBe(true);
  });

  it('turns the spellchecker off, so no dictionary is ever downloaded', () => {
    expect(hardened().spellCheckerEnabled).toBe(false);
  });
});

describe('requests (webRequest.onBeforeRequest)', () => {
  function decide(url: string, resourceType = 'mainFrame', options = PACKAGED): boolean {
    const session = hardened(options);
    const callback = jest.fn();
    session.beforeRequest!({ url, resourceType, method: 'GET', id: 1 }, callback);
    expect(callback).toHaveBeenCalledTimes(1);
    return (callback.mock.calls[0][0] as { cancel: boolean }).cancel;
  }

  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['http://example.com/', 'mainFrame'],
    ['https://example.com/tracker.js', 'script'],
    ['https://fonts.googleapis.com/css2?family=Noto', 'stylesheet'],
    ['file:///etc/passwd', 'mainFrame'],
    ['file:///C:/Windows/win.ini', 'xhr'],
    ['ws://127.0.0.1:9222/', 'webSocket'],
    ['wss://example.com/socket', 'webSocket'],
    ['ftp://example.com/', 'other'],
    ['app://other/index.html', 'mainFrame'],
    ['app://closeout.evil/index.html', 'script'],
    ['data:text/html,<script>alert(1)</script>', 'mainFrame'],
    ['data:text/javascript,alert(1)', 'script'],
    ['devtools://devtools/bundled/devtools_app.html', 'mainFrame'],
    ['chrome://settings/', 'mainFrame'],
  ])('cancels %s (%s)', (url, type) => {
    expect(decide(url, type)).toBe(true);
  });

  it.each([
    ['app://closeout/index.html', 'mainFrame'],
    ['app://closeout/assets/index-abc.js', 'script'],
    ['app://closeout/assets/index-abc.css', 'stylesheet'],
    ['data:image/png;base64,iVBORw0KGgo=', 'image'],
    ['data:font/woff2;base64,d09GMg==', 'font'],
  ])('allows %s (%s)', (url, type) => {
    expect(decide(url, type)).toBe(false);
  });

  it('allows DevTools pages in development builds only', () => {
    expect(decide('devtools://devtools/bundled/devtools_app.html', 'mainFrame', DEVELOPMENT)).toBe(false);
    expect(isAllowedRequest({ url: 'devtools://devtools/x', resourceType: 'script' }, PACKAGED)).toBe(false);
  });

  it('logs a refusal by scheme only, never the full URL (it could carry data)', () => {
    decide('https://example.com/?customer=张三', 'xhr');
    const logged = (console.warn as jest.Mock).mock.calls.flat().join(' ');
    expect(logged).toContain('https:');
    expect(logged).not.toContain('张三');
  });
});
