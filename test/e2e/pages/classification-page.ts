// Page object for the Classification page: the counts (each a link to the filtered Records page) and the
// rules editor (stale years, save a new version, reclassify as offered), and the product review (values
// with their category and suggestion, ticked in bulk and filed under a category).
import type { Locator, Page } from '@playwright/test';

export class ClassificationPage {
  readonly total: Locator;
  readonly reclassify: Locator;
  readonly rulesEditor: Locator;
  readonly staleYears: Locator;
  readonly rulesSave: Locator;
  readonly rulesSaved: Locator;
  readonly reclassifyNow: Locator;
  readonly productReview: Locator;
  readonly productSummary: Locator;
  readonly productRows: Locator;
  readonly productBulkCategory: Locator;
  readonly productBulkApply: Locator;

  constructor(readonly page: Page) {
    this.total = page.getByTestId('classification-total');
    this.reclassify = page.getByTestId('classification-reclassify');
    this.rulesEditor = page.getByTestId('rules-editor');
    // antd puts the test id on the number input itself or on its wrapper, depending on the version.
    this.staleYears = page.locator(
      '[data-testid="rules-stale-years"] input, input[data-testid="rules-stale-years"]',
    );
    this.rulesSave = page.getByTestId('rules-save');
    this.rulesSaved = page.getByTestId('rules-saved');
    this.reclassifyNow = page.getByTestId('rules-reclassify-now');
    this.productReview = page.getByTestId('product-review');
    this.productSummary = page.getByTestId('product-summary');
    this.productRows = page.getByTestId('product-row');
    this.productBulkCategory = page.getByTestId('product-bulk-category');
    this.productBulkApply = page.getByTestId('product-bulk-apply');
  }

  /** A count: by customer type, region, category or flag (e.g. count('flag', 'stale')). */
  count(kind: 'type' | 'region' | 'category' | 'flag' | 'country', key: string): Locator {
    return this.page.getByTestId(`count-${kind}-${key}`);
  }

  /** The product review's row of a value. */
  productRow(value: string): Locator {
    return this.productRows.and(this.page.locator(`[data-value="${value.replace(/"/g, '\\"')}"]`));
  }

  /** Ticks a value's row in the product review. */
  async tickProduct(value: string): Promise<void> {
    await this.productRow(value).locator('.ant-checkbox-input').check();
  }

  async setStaleYears(years: number): Promise<void> {
    await this.staleYears.fill(String(years));
    await this.staleYears.blur();
  }
}
