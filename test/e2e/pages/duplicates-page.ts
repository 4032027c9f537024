// Page object for the Duplicates page: find duplicates, the list of clusters with its status filters, and
// one cluster side by side with its review actions.
import type { Locator, Page } from '@playwright/test';

export class DuplicatesPage {
  readonly run: Locator;
  readonly runSummary: Locator;
  readonly detail: Locator;
  readonly detailStatus: Locator;
  readonly explanation: Locator;
  readonly merge: Locator;
  readonly unmerge: Locator;
  readonly splitConfirm: Locator;
  readonly gone: Locator;

  constructor(readonly page: Page) {
    this.run = page.getByTestId('dedupe-run');
    this.runSummary = page.getByTestId('dedupe-run-summary');
    this.detail = page.getByTestId('cluster-detail');
    this.detailStatus = this.detail.getByTestId('cluster-status');
    this.explanation = this.detail.getByTestId('cluster-explanation');
    this.merge = this.detail.getByTestId('cluster-merge');
    this.unmerge = this.detail.getByTestId('cluster-unmerge');
    this.splitConfirm = page.getByTestId('split-confirm');
    this.gone = page.getByTestId('cluster-gone');
  }

  /** A status filter, with its count in the label. */
  filter(status: 'pending' | 'accepted' | 'rejected' | 'merged' | 'all'): Locator {
    return this.page.getByTestId(`dedupe-filter-${status}`);
  }

  clusterRow(id: number): Locator {
    return this.page.getByTestId(`cluster-row-${id}`);
  }

  memberSources(recordId: number): Locator {
    return this.detail.getByTestId(`member-sources-${recordId}`);
  }

  /** "Keep this record" for a member. */
  survivor(recordId: number): Locator {
    return this.detail.getByTestId(`survivor-${recordId}`);
  }

  /** Take a field's value from a member. */
  choose(field: string, recordId: number): Locator {
    return this.detail.getByTestId(`choose-${field}-${recordId}`);
  }

  /** Take a member out of the cluster (then confirm with splitConfirm). */
  split(recordId: number): Locator {
    return this.detail.getByTestId(`member-split-${recordId}`);
  }
}
