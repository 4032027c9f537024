// The frame's navigation and theme: the hash names the page (so reload stays put), dark mode persists.
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { ROUTE_ORDER } from './pages/app-shell';

test('every sidebar entry opens its page, and a reload stays on it', async ({ shell, page }) => {
  await shell.open();
  for (const route of ROUTE_ORDER) {
    await shell.goTo(route);
    await expect(page).toHaveURL(new RegExp(`#/${route}$`));
    await expect(shell.pageTitle).toHaveText(await shell.navItem(route).innerText());
  }
  await shell.goTo('handover');
  await shell.reload();
  await expect(shell.root).toHaveAttribute('data-route', 'handover');
});

test('an unknown address falls back to the dashboard', async ({ shell, page }) => {
  await page.goto(`${shell.origin}/#/no-such-page`);
  await expect(shell.root).toHaveAttribute('data-route', 'dashboard');
});

// antd's layout background (colorBgLayout) under the default and the dark algorithm.
const LIGHT_BACKGROUND = 'rgb(245, 245, 245)';
const DARK_BACKGROUND = 'rgb(0, 0, 0)';

test('dark mode is applied and remembered across reloads', async ({ shell, page }, testInfo) => {
  await shell.open('settings');
  await expect(shell.root).toHaveCSS('background-color', LIGHT_BACKGROUND);

  await shell.setDarkTheme(true);
  await expect(shell.root).toHaveCSS('background-color', DARK_BACKGROUND);
  expect(await shell.storedPreference('closeout.theme')).toBe('dark');
  await shell.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(shell.themeSwitch).toHaveAttribute('aria-checked', 'true');
  await expect(shell.root).toHaveCSS('background-color', DARK_BACKGROUND);
  await keepScreenshot(page, testInfo, 'frame-dark-zh-CN');

  await shell.setDarkTheme(false);
  await expect(shell.root).toHaveCSS('background-color', LIGHT_BACKGROUND);
  expect(await shell.storedPreference('closeout.theme')).toBe('light');
});
