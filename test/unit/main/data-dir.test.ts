// The data folder: CLOSEOUT_DATA_DIR wins (and becomes Electron's userData), else userData as is.
import { resolve } from 'node:path';
import { useDataDir } from '../../../electron/main/data-dir';

function fakeApp() {
  const paths = new Map([['userData', '/home/user/.config/Closeout']]);
  return {
    paths,
    getPath: (name: string) => paths.get(name)!,
    setPath: (name: string, value: string) => void paths.set(name, value),
  } as unknown as Pick<Electron.App, 'getPath' | 'setPath'> & { paths: Map<string, string> };
}

it('uses Electron’s userData folder when no override is set', () => {
  const app = fakeApp();
  expect(useDataDir(app, {})).toBe('/home/user/.config/Closeout');
  expect(useDataDir(app, { CLOSEOUT_DATA_DIR: '   ' })).toBe('/home/user/.config/Closeout');
});

it('takes CLOSEOUT_DATA_DIR, made absolute, and moves userData there too', () => {
  const app = fakeApp();
  expect(useDataDir(app, { CLOSEOUT_DATA_DIR: 'portable/data' })).toBe(resolve('portable/data'));
  expect(app.paths.get('userData')).toBe(resolve('portable/data'));
});
