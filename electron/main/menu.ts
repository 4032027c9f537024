// The application menu: standard edit, zoom and window commands only. No help links to the web (the
// app is offline) and no reload or DevTools in packaged builds.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  isPackaged: boolean;
  /** Chinese labels when the system language is Chinese; roles localise their own items. */
  chinese: boolean;
}

export function buildMenuTemplate({ isMac, isPackaged, chinese }: MenuOptions): MenuItemConstructorOptions[] {
  const t = (zh: string, en: string) => (chinese ? zh : en);
  const appMenu: MenuItemConstructorOptions = isMac
    ? {
        role: 'appMenu',
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      }
    : { label: t('文件', 'File'), submenu: [{ role: 'quit', label: t('退出', 'Quit') }] };

  const devItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }];

  return [
    appMenu,
    {
      label: t('编辑', 'Edit'),
      submenu: [
        { role: 'undo', label: t('撤销', 'Undo') },
        { role: 'redo', label: t('重做', 'Redo') },
        { type: 'separator' },
        { role: 'cut', label: t('剪切', 'Cut') },
        { role: 'copy', label: t('复制', 'Copy') },
        { role: 'paste', label: t('粘贴', 'Paste') },
        { role: 'selectAll', label: t('全选', 'Select All') },
      ],
    },
    {
      label: t('视图', 'View'),
      submenu: [
        ...devItems,
        { role: 'resetZoom', label: t('实际大小', 'Actual Size') },
        { role: 'zoomIn', label: t('放大', 'Zoom In') },
        { role: 'zoomOut', label: t('缩小', 'Zoom Out') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('全屏', 'Toggle Full Screen') },
      ],
    },
    {
      label: t('窗口', 'Window'),
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [
            { role: 'minimize', label: t('最小化', 'Minimize') },
            { role: 'close', label: t('关闭', 'Close') },
          ],
    },
  ];
}
