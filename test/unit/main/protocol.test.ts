// The app:// protocol: privileges of the scheme, and the responses (headers, status) of its handler
// on a real folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import type { FakeElectron } from './fake-electron';

jest.mock('electron', () => require('./fake-electron').createFakeElectron());

import { installAppProtocol, registerAppScheme, serveApp } from '../../../electron/main/protocol';

const fake = jest.requireMock('electron') as FakeElectron;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'closeout-protocol-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Closeout</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
  serve = serveApp(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('makes app: standard, secure and fetchable, and grants nothing else (no CSP bypass, no CORS)', () => {
    registerAppScheme();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('installAppProtocol', () => {
  it('handles the app scheme with the file server', async () => {
    installAppProtocol(root);
    const handler = fake.protocol.handlers.get('app')!;
    const response = (await handler(new Request('app://closeout/index.html'))) as Response;
    expect(response.status).toBe(200);
  });
});

describe('serveApp', () => {
  it('serves index.html with the CSP, nosniff and an HTML content type', async () => {
    const response = await get('app://closeout/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Closeout</title>');
  });

  it.each([
    ['app://closeout/', 'text/html; charset=utf-8'],
    ['app://closeout/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://closeout/assets/font.woff2', 'font/woff2'],
    ['app://closeout/assets/data.bin', 'application/octet-stream'],
  ])('%s is served as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://closeout/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods with 405', async () => {
    const response = await get('app://closeout/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses traversal and other hosts with 403, still under the CSP', async () => {
    for (const url of [
      'app://closeout/%252e%252e/secret',
      'app://closeout/..%5csecret',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers a missing file with 404', async () => {
    expect((await get('app://closeout/missing.js')).status).toBe(404);
  });
});
