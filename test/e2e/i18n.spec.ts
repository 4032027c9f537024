// The frame opens in Chinese, switches to English and back, and remembers the choice across reloads.
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';

const ZH_NAV = [
  '总览',
  '客户记录',
  '重复客户',
  '导入',
  '分类',
  '处置',
  '备份',
  '移交',
  '销毁',
  '合规',
  '客户请求',
  '安全事件',
  '审计',
  '设置',
];
const EN_NAV = [
  'Dashboard',
  'Records',
  'Duplicates',
  'Import',
  'Classification',
  'Dispositions',
  'Backup',
  'Handover',
  'Wipe',
  'Compliance',
  'Requests',
  'Incidents',
  'Audit',
  'Settings',
];

test('opens in Chinese, switches to English and back, and keeps the choice across reloads', async ({
  shell,
  page,
}, testInfo) => {
  await shell.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(shell.appName).toHaveText(/客户信息善后\s*Closeout/);
  expect(await shell.navLabels()).toEqual(ZH_NAV);
  await expect(shell.pageTitle).toHaveText('总览');
  await expect(page.getByTestId('dashboard-empty')).toContainText('还没有任何企业保险库');
  await keepScreenshot(page, testInfo, 'frame-zh-CN');

  await shell.switchLanguage('en');
  expect(await shell.navLabels()).toEqual(EN_NAV);
  await expect(shell.pageTitle).toHaveText('Dashboard');
  await expect(page.getByTestId('dashboard-empty')).toContainText('No client vaults yet');
  expect(await shell.storedPreference('closeout.lang')).toBe('en');
  await keepScreenshot(page, testInfo, 'frame-en');

  await shell.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await shell.navLabels()).toEqual(EN_NAV);

  await shell.switchLanguage('zh-CN');
  expect(await shell.navLabels()).toEqual(ZH_NAV);
  await shell.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await shell.navLabels()).toEqual(ZH_NAV);
  expect(await shell.storedPreference('closeout.lang')).toBe('zh-CN');
});
