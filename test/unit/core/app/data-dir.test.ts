import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDataDir, resolveDataDir } from '../../../../electron/core/app/data-dir';
import { EngineError } from '../../../../electron/core/kernel/engine-error';

describe('resolveDataDir', () => {
  it('prefers CLOSEOUT_DATA_DIR on every platform', () => {
    expect(resolveDataDir({ CLOSEOUT_DATA_DIR: '/media/usb/closeout' }, 'win32', '/home/a')).toBe(
      '/media/usb/closeout',
    );
  });

  it('uses the OS usual place for the app (the same as Electron userData)', () => {
    expect(resolveDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Closeout');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/a')).toBe('/x/cfg/Closeout');
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/a')).toBe(
      '/home/a/.config/Closeout',
    );
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Closeout');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toContain(
      'Closeout',
    );
  });
});

describe('ensureDataDir', () => {
  it('creates an owner-only folder', () => {
    const base = mkdtempSync(join(tmpdir(), 'closeout-dd-'));
    try {
      const dir = ensureDataDir(join(base, 'a', 'b'));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('names the folder and the reason when it cannot be used', () => {
    const base = mkdtempSync(join(tmpdir(), 'closeout-dd-'));
    try {
      const file = join(base, 'file');
      writeFileSync(file, 'x');
      let caught: unknown;
      try {
        ensureDataDir(join(file, 'sub'));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EngineError);
      expect(caught).toMatchObject({ code: 'DATA_DIR_UNUSABLE', details: { path: join(file, 'sub') } });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
