// Page object for the frame: header (open vault, language, theme), sidebar and the current page.
import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'zh-CN' | 'en';
export type Route =
  | 'dashboard'
  | 'records'
  | 'duplicates'
  | 'import'
  | 'classification'
  | 'dispositions'
  | 'backup'
  | 'handover'
  | 'wipe'
  | 'compliance'
  | 'requests'
  | 'incidents'
  | 'analytics'
  | 'audit'
  | 'settings';
/** Views reached from the sidebar's pages: the wizard, the unlock screen, the vault overview, users. */
export type View = Route | 'create' | 'unlock' | 'vault' | 'users';

export const ROUTE_ORDER: readonly Route[] = [
  'dashboard',
  'records',
  'duplicates',
  'import',
  'classification',
  'dispositions',
  'backup',
  'handover',
  'wipe',
  'compliance',
  'requests',
  'incidents',
  'audit',
  'settings',
];

const LANG_LABELS: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

const hashOf = (view: View, vaultId?: string): string =>
  view === 'users' ? '#/settings/users' : view === 'unlock' && vaultId ? `#/unlock/${vaultId}` : `#/${view}`;

export class AppShell {
  readonly root: Locator;
  readonly appName: Locator;
  readonly sidebar: Locator;
  readonly langSwitch: Locator;
  readonly themeSwitch: Locator;
  readonly pageTitle: Locator;
  /** The open vault in the header: client, user and role, Lock. Absent while locked. */
  readonly session: Locator;
  readonly sessionClient: Locator;
  readonly sessionUser: Locator;
  readonly lockButton: Locator;
  readonly recoveryBanner: Locator;

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
    this.session = page.getByTestId('session-header');
    this.sessionClient = page.getByTestId('session-client');
    this.sessionUser = page.getByTestId('session-user');
    this.lockButton = page.getByTestId('lock');
    this.recoveryBanner = page.getByTestId('recovery-banner');
  }

  async open(view: View = 'dashboard', vaultId?: string): Promise<void> {
    await this.page.goto(`${this.origin}/${hashOf(view, vaultId)}`);
    await expect(this.root).toHaveAttribute('data-route', view);
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

  async expectView(view: View, timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-route', view, { timeout });
  }

  /** Lock from the header; the app shows the vault's unlock screen. */
  async lock(): Promise<void> {
    await this.lockButton.click();
    await this.expectView('unlock');
    await expect(this.session).toBeHidden();
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

  /** Everything the page keeps in localStorage, as one string (to prove what is never stored). */
  async storedEverything(): Promise<string> {
    return this.page.evaluate(() => {
      const storage = (globalThis as unknown as { localStorage: Record<string, string> }).localStorage;
      return JSON.stringify({ ...storage });
    });
  }
}
