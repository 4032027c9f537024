// Page object for the Audit page: entries and filters, verification, export.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSelectOption } from './antd-select';

export class AuditPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly count: Locator;
  readonly loadOlder: Locator;
  readonly userFilter: Locator;
  readonly opFilter: Locator;
  readonly rangeFilter: Locator;
  readonly clearFilters: Locator;
  readonly verify: Locator;
  readonly verifyResult: Locator;
  readonly exportButton: Locator;
  readonly exportedFiles: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('audit-table');
    this.rows = this.table.locator('tbody tr.ant-table-row');
    this.empty = page.getByTestId('audit-empty');
    this.count = page.getByTestId('audit-count');
    this.loadOlder = page.getByTestId('audit-load-older');
    this.userFilter = page.getByTestId('audit-filter-user');
    this.opFilter = page.getByTestId('audit-filter-op');
    this.rangeFilter = page.getByTestId('audit-filter-range');
    this.clearFilters = page.getByTestId('audit-filter-clear');
    this.verify = page.getByTestId('audit-verify');
    this.verifyResult = page.getByTestId('audit-verify-result');
    this.exportButton = page.getByTestId('audit-export');
    this.exportedFiles = page.getByTestId('audit-exported-file');
  }

  /** The operation column of every row shown, top to bottom. */
  async ops(): Promise<string[]> {
    return this.rows.locator('td:nth-child(4)').allInnerTexts();
  }

  private async pick(select: Locator, text: string): Promise<void> {
    await chooseSelectOption(this.page, select, text, text);
  }

  async filterByOp(op: string): Promise<void> {
    await this.pick(this.opFilter, op);
  }

  async filterByUser(name: string): Promise<void> {
    await this.pick(this.userFilter, name);
  }

  async filterByDates(from: string, to: string): Promise<void> {
    const inputs = this.rangeFilter.locator('input');
    await inputs.first().click();
    await inputs.first().fill(from);
    await inputs.first().press('Enter');
    await inputs.last().fill(to);
    await inputs.last().press('Enter');
    await expect(inputs.last()).toHaveValue(to);
  }
}
