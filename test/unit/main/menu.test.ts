// The application menu: edit, zoom and window commands; nothing that opens the web; no reload or
// DevTools in packaged builds.
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../electron/main/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const variants = [
  { isMac: false, isPackaged: true, chinese: true },
  { isMac: true, isPackaged: true, chinese: false },
  { isMac: false, isPackaged: false, chinese: false },
];

it.each(variants)('has no help menu and no item of its own doing (%o)', (options) => {
  const all = items(buildMenuTemplate(options));
  expect(all.some((item) => item.role === 'help')).toBe(false);
  // Only roles: no click handler that could open a URL or anything else.
  expect(all.every((item) => item.click === undefined)).toBe(true);
});

it('offers copy and paste, and zoom', () => {
  const roles = items(buildMenuTemplate(variants[0])).map((item) => item.role);
  expect(roles).toEqual(
    expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']),
  );
});

it('has reload and DevTools in development only', () => {
  const packaged = items(buildMenuTemplate({ isMac: false, isPackaged: true, chinese: false })).map(
    (i) => i.role,
  );
  const development = items(buildMenuTemplate({ isMac: false, isPackaged: false, chinese: false })).map(
    (i) => i.role,
  );
  expect(packaged).not.toContain('reload');
  expect(packaged).not.toContain('toggleDevTools');
  expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
});

it('labels the menus in Chinese on a Chinese system', () => {
  const labels = buildMenuTemplate({ isMac: false, isPackaged: true, chinese: true }).map(
    (item) => item.label,
  );
  expect(labels).toEqual(['文件', '编辑', '视图', '窗口']);
});
