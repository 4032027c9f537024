// Page object for the frame: header (language, theme), sidebar and the current page.
import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';
export type Route =
  'dashboard' | 'records' | 'intake' | 'backup' | 'handover' | 'wipe' | 'compliance' | 'audit' | 'settings';

export const ROUTE_ORDER: readonly Route[] = [
  'dashboard',
  'records',
  'intake',
  'backup',
  'handover',
  'wipe',
  'compliance',
  'audit',
  'settings',
];

const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export class AppShell {
  readonly root: Locator;
  readonly appName: Locator;
  readonly sidebar: Locator;
  readonly langSwitch: Locator;
  readonly themeSwitch: Locator;
  readonly pageTitle: Locator;

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    this.root = page.getByTestId('app-shell');
    this.appName = page.getByTestId('app-name');
    this.sidebar = page.getByTestId('sidebar');
    this.langSwitch = page.getByTestId('lang-switch');
    this.themeSwitch = page.getByTestId('theme-switch');
    this.pageTitle = page.getByTestId('page-title');
  }

  async open(route: Route = 'dashboard'): Promise<void> {
    await this.page.goto(`${this.origin}/#/${route}`);
    await expect(this.root).toHaveAttribute('data-route', route);
  }

  async reload(): Promise<void> {
    const route = await this.root.getAttribute('data-route');
    await this.page.reload();
    await expect(this.root).toHaveAttribute('data-route', route ?? 'dashboard');
  }

  navItem(route: Route): Locator {
    return this.page.getByTestId(`nav-${route}`);
  }

  /** The sidebar's labels, top to bottom. */
  async navLabels(): Promise<string[]> {
    return Promise.all(ROUTE_ORDER.map((route) => this.navItem(route).innerText()));
  }

  async goTo(route: Route): Promise<void> {
    await this.navItem(route).click();
    await expect(this.root).toHaveAttribute('data-route', route);
  }

  async switchLanguage(lang: Lang): Promise<void> {
    await this.langSwitch.getByText(LANG_LABELS[lang], { exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async setDarkTheme(dark: boolean): Promise<void> {
    if ((await this.themeSwitch.getAttribute('aria-checked')) !== String(dark))
      await this.themeSwitch.click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', dark ? 'dark' : 'light');
  }

  async storedPreference(key: string): Promise<string | null> {
    return this.page.evaluate(
      (name) =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem(name),
      key,
    );
  }
}
