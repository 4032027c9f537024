// The Incidents page: the register, the form that registers an incident, the notice dialog on a row.
import type { Locator, Page } from '@playwright/test';

export class IncidentsPage {
  constructor(private readonly page: Page) {}

  get add(): Locator {
    return this.page.getByTestId('incident-add');
  }
  get description(): Locator {
    return this.page.getByTestId('incident-description');
  }
  get backup(): Locator {
    return this.page.getByTestId('incident-backup');
  }
  get regimes(): Locator {
    return this.page.getByTestId('incident-regimes');
  }
  get save(): Locator {
    return this.page.getByTestId('incident-save');
  }
  row(ref: string): Locator {
    return this.page.getByTestId('incident-table').locator('tbody tr.ant-table-row').filter({ hasText: ref });
  }
  draft(lang: 'zh-CN' | 'en'): Locator {
    return this.page.getByTestId(`notice-draft-${lang}`);
  }
  get writeDraft(): Locator {
    return this.page.getByTestId('notice-write');
  }
  get markSent(): Locator {
    return this.page.getByTestId('notice-sent');
  }
}
