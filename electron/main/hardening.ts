// Session-wide refusals: every permission denied, every device chooser empty, no downloads, no
// spellcheck dictionaries, and no request leaves for anywhere but the app's own files. The app is
// offline by construction; this is what makes that true even if the page is compromised.
import type { Session } from 'electron';
import { isAppUrl } from './app-url';

export interface HardeningOptions {
  /** DevTools pages load from devtools://; allowed in development only, never in packaged builds. */
  allowDevTools: boolean;
}

export interface RequestDetails {
  url: string;
  resourceType: string;
}

// data: images and fonts are what the CSP (img-src/font-src data:) lets the page use; anything else
// through data: (a document, a script) is refused here too.
const DATA_URL_TYPES = new Set(['image', 'font']);

export function isAllowedRequest(details: RequestDetails, options: HardeningOptions): boolean {
  const { url, resourceType } = details;
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:')) return DATA_URL_TYPES.has(resourceType);
  if (url.startsWith('devtools://')) return options.allowDevTools;
  return false;
}

export function hardenSession(session: Session, options: HardeningOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // Files leave the app only through main's own save dialogs, never as a page download.
  session.on('will-download', (event) => event.preventDefault());
  session.setSpellCheckerEnabled(false);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details, options);
    if (!allowed) {
      console.warn(`closeout: refused a ${details.resourceType} request to ${schemeOf(details.url)}`);
    }
    callback({ cancel: !allowed });
  });
}

/** Logged instead of the full URL, which could carry data the page put in it. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, colon + 1) : '(no scheme)';
}
