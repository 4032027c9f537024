// Every web contents (windows, and any other that might appear) may navigate only within the app,
// never opens windows, never redirects and never hosts a <webview>. Installed before any window
// exists, through `web-contents-created`.
import type { App, WebContents } from 'electron';
import { isAppUrl } from './app-url';

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Sub-frames are not part of the app (CSP frame-src 'none'); refuse their navigation outright.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  // The app protocol never redirects, so any redirect is someone else's.
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links to the web are not followed anywhere, not even in the system browser: the app is offline,
  // and a URL chosen by page content is not something main should act on.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
