// Page object for the Dispositions page: the counts (records without a disposition first), the rules with
// a dry run, and Apply after a confirmation.
import type { Locator, Page } from '@playwright/test';

export class DispositionsPage {
  readonly none: Locator;
  readonly allDecided: Locator;
  readonly addRule: Locator;
  readonly dryRun: Locator;
  readonly preview: Locator;
  readonly apply: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.none = page.getByTestId('disposition-none');
    this.allDecided = page.getByTestId('dispositions-all-decided');
    this.addRule = page.getByTestId('dispositions-add-rule');
    this.dryRun = page.getByTestId('dispositions-dry-run');
    this.preview = page.getByTestId('dispositions-preview');
    this.apply = page.getByTestId('dispositions-apply');
    this.confirm = page.getByTestId('dispositions-confirm');
  }

  /** The count of records with a disposition (RETAIN, TRANSFER, ANONYMISE, DESTROY). */
  count(disposition: string): Locator {
    return this.page.getByTestId(`disposition-${disposition}`);
  }

  /** What the dry run counted for the rule at `index`. */
  matched(index: number): Locator {
    return this.page.getByTestId(`dispositions-matched-${index}`);
  }
}
