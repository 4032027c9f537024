// Page object for the Dashboard: the list of client vaults, its empty state, or the error; where new
// vaults are started and vault files opened.
import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly empty: Locator;
  readonly table: Locator;
  readonly error: Locator;
  readonly errorMessage: Locator;
  readonly errorCode: Locator;
  readonly refresh: Locator;
  readonly newVault: Locator;
  readonly openFile: Locator;

  constructor(readonly page: Page) {
    this.empty = page.getByTestId('dashboard-empty');
    this.table = page.getByTestId('dashboard-table');
    this.error = page.getByTestId('error-alert');
    this.errorMessage = page.getByTestId('error-message');
    this.errorCode = page.getByTestId('error-code');
    this.refresh = page.getByTestId('dashboard-refresh');
    this.newVault = page.getByTestId('dashboard-new-vault');
    this.openFile = page.getByTestId('dashboard-open-file');
  }

  row(clientName: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: clientName });
  }

  /** Open (→ unlock screen) on a vault's row. */
  async open(clientName: string): Promise<void> {
    await this.row(clientName).getByTestId('vault-open').click();
  }
}
