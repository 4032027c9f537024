// Page object for the Dashboard: the list of client vaults, its empty state, or the error.
import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly empty: Locator;
  readonly table: Locator;
  readonly error: Locator;
  readonly errorMessage: Locator;
  readonly errorCode: Locator;
  readonly refresh: Locator;

  constructor(readonly page: Page) {
    this.empty = page.getByTestId('dashboard-empty');
    this.table = page.getByTestId('dashboard-table');
    this.error = page.getByTestId('error-alert');
    this.errorMessage = page.getByTestId('error-message');
    this.errorCode = page.getByTestId('error-code');
    this.refresh = page.getByTestId('dashboard-refresh');
  }

  row(clientName: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: clientName });
  }
}
