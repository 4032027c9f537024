// Navigation, new windows, redirects and <webview>: only the app itself, nothing else.
import { FakeWebContents, navigationEvent, type FakeElectron } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import { guardAllWebContents, guardWebContents } from '../../../electron/main/web-contents-guard';

const fake = jest.requireMock('electron') as FakeElectron;

function guarded(): FakeWebContents {
  const contents = new FakeWebContents();
  guardWebContents(contents as unknown as Electron.WebContents);
  return contents;
}

function navigate(contents: FakeWebContents, channel: string, url: string, isMainFrame = true): boolean {
  const event = navigationEvent(url, isMainFrame);
  contents.emit(channel, event, url, false, isMainFrame);
  return event.prevented;
}

describe('will-navigate', () => {
  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file:///C:/Users/me/Desktop/customers.xlsx',
    'app://other/index.html',
    'app://closeout.evil/index.html',
    'app://closeout@evil.example/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
  ])('prevents navigation to %s', (url) => {
    expect(navigate(guarded(), 'will-navigate', url)).toBe(true);
  });

  it('lets the app navigate within itself', () => {
    expect(navigate(guarded(), 'will-navigate', 'app://closeout/index.html')).toBe(false);
    expect(navigate(guarded(), 'will-navigate', 'app://closeout/index.html#/vaults')).toBe(false);
  });
});

describe('will-frame-navigate', () => {
  it('prevents any sub-frame navigation, even to the app', () => {
    expect(navigate(guarded(), 'will-frame-navigate', 'app://closeout/index.html', false)).toBe(true);
    expect(navigate(guarded(), 'will-frame-navigate', 'https://example.com/', false)).toBe(true);
  });

  it('applies the same rule as will-navigate to the main frame', () => {
    expect(navigate(guarded(), 'will-frame-navigate', 'app://closeout/index.html', true)).toBe(false);
    expect(navigate(guarded(), 'will-frame-navigate', 'https://example.com/', true)).toBe(true);
  });
});

describe('redirects, new windows, webviews', () => {
  it('prevents every redirect', () => {
    expect(navigate(guarded(), 'will-redirect', 'app://closeout/index.html')).toBe(true);
    expect(navigate(guarded(), 'will-redirect', 'https://example.com/')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'app://closeout/index.html',
    'about:blank',
    'file:///etc/passwd',
    'mailto:a@b.c',
  ])('denies window.open(%s)', (url) => {
    const contents = guarded();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const contents = guarded();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.prevented).toBe(true);
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents as it is created, before it can load anything', () => {
    guardAllWebContents(fake.app as unknown as Electron.App);
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});
