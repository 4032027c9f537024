// resolveAppPath on real folders: what the app:// protocol serves, what it refuses (403) and what it
// does not have (404), including symlinks that lead out of the renderer's build folder.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAppPath } from '../../../electron/main/app-path';

let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'closeout-app-path-')));
  root = join(base, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'my file.css'), 'body{}');
  // Outside the root: a sibling whose name starts like the root's, and a plain secret.
  mkdirSync(join(base, 'dist-evil'));
  writeFileSync(join(base, 'dist-evil', 'secret.txt'), 'secret');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  symlinkSync(join(base, 'dist-evil'), join(root, 'evil-dir'));
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('served', () => {
  it('the app’s index at / and at /index.html', () => {
    expect(resolveAppPath(root, 'app://closeout/')).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://closeout/index.html')).toEqual({
      ok: true,
      file: join(root, 'index.html'),
    });
  });

  it('an asset, ignoring query and fragment', () => {
    expect(resolveAppPath(root, 'app://closeout/assets/index-abc.js?v=1#x')).toEqual({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
    });
  });

  it('a percent-encoded file name', () => {
    expect(resolveAppPath(root, 'app://closeout/assets/my%20file.css')).toEqual({
      ok: true,
      file: join(root, 'assets', 'my file.css'),
    });
  });

  it('a symlink that stays inside the root, as its real file', () => {
    expect(resolveAppPath(root, 'app://closeout/alias.js')).toEqual({
      ok: true,
      file: join(root, 'assets', 'index-abc.js'),
    });
  });
});

describe('not found (404)', () => {
  it.each(['app://closeout/missing.js', 'app://closeout/assets/missing.css', 'app://closeout/index.html/x'])(
    '%s',
    (url) => {
      expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 404 });
    },
  );

  it('a folder is not a file', () => {
    expect(resolveAppPath(root, 'app://closeout/assets')).toEqual({ ok: false, status: 404 });
  });

  it('a root that does not exist (renderer not built)', () => {
    expect(resolveAppPath(join(base, 'nope'), 'app://closeout/index.html')).toEqual({
      ok: false,
      status: 404,
    });
  });
});

describe('refused (403)', () => {
  it.each([
    ['a .. segment', 'app://closeout/../secret.txt'],
    ['a .. segment deeper in', 'app://closeout/assets/../../secret.txt'],
    ['a . segment', 'app://closeout/./index.html'],
    ['an encoded .. segment', 'app://closeout/%2e%2e/secret.txt'],
    ['an encoded .. segment, upper case', 'app://closeout/%2E%2E/secret.txt'],
    ['a half-encoded .. segment', 'app://closeout/.%2e/secret.txt'],
    ['a double-encoded .. segment', 'app://closeout/%252e%252e/secret.txt'],
    ['an encoded slash after ..', 'app://closeout/..%2fsecret.txt'],
    ['an encoded slash', 'app://closeout/assets%2findex-abc.js'],
    ['an encoded backslash', 'app://closeout/..%5csecret.txt'],
    ['a double-encoded slash', 'app://closeout/..%252fsecret.txt'],
    ['backslashes', 'app://closeout/assets\\..\\..\\secret.txt'],
    ['a single backslash', 'app://closeout/assets\\index-abc.js'],
    ['a NUL byte', 'app://closeout/index.html\u0000.js'],
    ['an encoded NUL byte', 'app://closeout/index.html%00.js'],
    ['a control character', 'app://closeout/index.html%0a'],
    ['a malformed escape', 'app://closeout/%zz'],
    ['a lone %', 'app://closeout/100%'],
    ['an absolute path (empty first segment)', 'app://closeout//etc/passwd'],
    ['an empty segment', 'app://closeout/assets//index-abc.js'],
    ['a Windows drive', 'app://closeout/C:/Windows/win.ini'],
    ['a Windows device name', 'app://closeout/assets/NUL'],
    ['a Windows device name with extension', 'app://closeout/con.txt'],
    ['another host', 'app://other/index.html'],
    ['a look-alike host', 'app://closeout.evil/index.html'],
    ['user info', 'app://closeout@evil/index.html'],
    ['a port', 'app://closeout:80/index.html'],
    ['no path at all', 'app://closeout'],
    ['another scheme', 'https://closeout/index.html'],
    ['file://', 'file:///etc/passwd'],
  ])('%s: %s', (_what, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, status: 403 });
  });

  it('a symlink inside the root that points to a file outside it', () => {
    expect(resolveAppPath(root, 'app://closeout/assets/leak.txt')).toEqual({ ok: false, status: 403 });
  });

  it('a symlinked folder leading to a sibling whose name starts like the root', () => {
    expect(resolveAppPath(root, 'app://closeout/evil-dir/secret.txt')).toEqual({ ok: false, status: 403 });
  });
});
