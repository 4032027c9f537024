// Page object for Settings: the open vault's settings and the installation's facts.
import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly version: Locator;
  readonly dataDir: Locator;
  readonly engineMode: Locator;
  readonly electron: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('info-version');
    this.dataDir = page.getByTestId('info-data-dir');
    this.engineMode = page.getByTestId('info-engine-mode');
    this.electron = page.getByTestId('info-electron');
  }
}
