// Page object for the Backup page: back up now, the list of copies, Verify and Restore drill per copy.
import type { Locator, Page } from '@playwright/test';

export class BackupPage {
  readonly about: Locator;
  readonly createButton: Locator;
  readonly createdFile: Locator;
  readonly verifyNew: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly result: Locator;
  readonly checks: Locator;
  readonly failureModal: Locator;
  readonly failureClose: Locator;
  readonly jobOutcome: Locator;
  readonly drillCertificate: Locator;
  readonly pruneKeepLast: Locator;
  readonly pruneKeepDaily: Locator;
  readonly pruneKeepMonthly: Locator;
  readonly prunePreview: Locator;
  readonly pruneSummary: Locator;
  readonly pruneRows: Locator;
  readonly pruneApply: Locator;
  readonly restoreSource: Locator;
  readonly restoreStart: Locator;
  readonly restoreDone: Locator;

  constructor(readonly page: Page) {
    this.about = page.getByTestId('backup-about');
    this.createButton = page.getByTestId('backup-create');
    this.createdFile = page.getByTestId('backup-created-file');
    this.verifyNew = page.getByTestId('backup-verify-new');
    this.table = page.getByTestId('backup-table');
    this.rows = this.table.locator('tbody tr.ant-table-row');
    this.result = page.getByTestId('backup-result');
    this.checks = this.result.getByTestId('backup-check');
    this.failureModal = page.locator('.ant-modal').filter({ has: page.getByTestId('backup-failure') });
    this.failureClose = page.getByTestId('backup-failure-close');
    this.jobOutcome = page.getByTestId('backup-create-card').getByTestId('job-outcome');
    this.drillCertificate = page.getByTestId('backup-drill-certificate');
    this.pruneKeepLast = page.getByTestId('prune-keep-last');
    this.pruneKeepDaily = page.getByTestId('prune-keep-daily');
    this.pruneKeepMonthly = page.getByTestId('prune-keep-monthly');
    this.prunePreview = page.getByTestId('prune-preview');
    this.pruneSummary = page.getByTestId('prune-summary');
    this.pruneRows = page.getByTestId('prune-table').locator('tbody tr.ant-table-row');
    this.pruneApply = page.getByTestId('prune-apply');
    this.restoreSource = page.getByTestId('restore-source');
    this.restoreStart = page.getByTestId('restore-start');
    this.restoreDone = page.getByTestId('restore-done');
  }

  /** A named check of the result shown (verification or drill). */
  check(name: string): Locator {
    return this.result.locator(`[data-testid="backup-check"][data-name="${name}"]`);
  }

  rowVerify(row = 0): Locator {
    return this.rows.nth(row).getByTestId('backup-row-verify');
  }

  rowDrill(row = 0): Locator {
    return this.rows.nth(row).getByTestId('backup-row-drill');
  }

  rowRestore(row = 0): Locator {
    return this.rows.nth(row).getByTestId('backup-row-restore');
  }
}
