// The app:// protocol: serves the renderer's build folder with the CSP as a response header, so the
// page never runs from file:// (which would grant it every local file's origin).
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { resolveAppPath } from './app-path';
import { contentTypeFor } from './content-type';

/** Must run before `ready`: privileges cannot be granted to a scheme afterwards. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: a real origin (storage, relative URLs); secure: counts as a secure context;
    // supportFetchAPI: the page may fetch its own files. Nothing else (no CSP bypass, no CORS).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

const STATUS_TEXT: Readonly<Record<number, string>> = {
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

function refuse(status: 403 | 404 | 405 | 500): Response {
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
  if (status === 405) headers.Allow = 'GET, HEAD';
  return new Response(STATUS_TEXT[status], { status, headers });
}

/** The handler itself, free of Electron so it can be exercised with plain Request objects. */
export function serveApp(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...BASE_HEADERS, 'Content-Type': contentTypeFor(resolved.file) },
      });
    } catch (error) {
      console.error(
        `closeout: could not read an app file: ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
      return refuse(500);
    }
  };
}

export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, serveApp(root));
}
