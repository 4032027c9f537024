// The Requests page: the register, the form that registers a request, fulfil and close on a row.
import type { Locator, Page } from '@playwright/test';

export class RequestsPage {
  constructor(private readonly page: Page) {}

  get add(): Locator {
    return this.page.getByTestId('request-add');
  }
  get received(): Locator {
    return this.page.getByTestId('request-received');
  }
  get record(): Locator {
    return this.page.getByTestId('request-record');
  }
  get kind(): Locator {
    return this.page.getByTestId('request-kind');
  }
  get save(): Locator {
    return this.page.getByTestId('request-save');
  }
  get rows(): Locator {
    return this.page.getByTestId('request-table').locator('tbody tr.ant-table-row');
  }
  row(ref: string): Locator {
    return this.rows.filter({ hasText: ref });
  }
  get closeOk(): Locator {
    return this.page.getByTestId('request-close-ok');
  }
  get outcome(): Locator {
    return this.page.getByTestId('request-outcome');
  }

  /** Registers a request for a record, received on `receivedOn` (the form's other fields as they are). */
  async register(recordId: number, receivedOn: string): Promise<void> {
    await this.add.click();
    await this.received.fill(receivedOn);
    await this.record.fill(String(recordId));
    await this.save.click();
  }
}
