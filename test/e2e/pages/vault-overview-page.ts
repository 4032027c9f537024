// Page object for the open vault's overview: client details, vault, audit chain, certificate.
import type { Locator, Page } from '@playwright/test';

export class VaultOverviewPage {
  readonly root: Locator;
  readonly clientName: Locator;
  readonly creditCode: Locator;
  readonly deadline: Locator;
  readonly idleTimeout: Locator;
  readonly fingerprint: Locator;
  readonly identity: Locator;
  readonly auditEntries: Locator;
  readonly recoveryUnconfirmed: Locator;
  readonly edit: Locator;
  readonly users: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('vault-overview');
    this.clientName = page.getByTestId('overview-client-name');
    this.creditCode = page.getByTestId('overview-credit-code');
    this.deadline = page.getByTestId('overview-deadline');
    this.idleTimeout = page.getByTestId('overview-idle');
    this.fingerprint = page.getByTestId('overview-fingerprint');
    this.identity = page.getByTestId('overview-identity');
    this.auditEntries = page.getByTestId('overview-audit-entries');
    this.recoveryUnconfirmed = page.getByTestId('recovery-unconfirmed');
    this.edit = page.getByTestId('overview-edit');
    this.users = page.getByTestId('overview-users');
  }
}
