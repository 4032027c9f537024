// Page object for the Handover page: the list of handovers and the wizard's steps (recipient, route,
// agreement and vetting, PIPIA, notices, objections and consents, fields and package, receipt).
import type { Locator, Page } from '@playwright/test';

export class HandoverWizard {
  readonly steps: Locator;
  readonly step: Locator;
  readonly next: Locator;
  readonly rows: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.steps = page.getByTestId('handover-steps');
    this.step = page.getByTestId('handover-step');
    this.next = page.getByTestId('handover-next');
    this.rows = page.getByTestId('handover-row');
    this.error = page.getByTestId('error-alert');
  }

  el(id: string): Locator {
    return this.page.getByTestId(`handover-${id}`);
  }

  /** Fills an antd form field by its test id (the input itself carries it). */
  async fill(id: string, value: string): Promise<void> {
    await this.el(id).fill(value);
  }

  async recipient(r: {
    organisation: string;
    creditCode: string;
    contactPerson: string;
    contact: string;
    address: string;
  }): Promise<void> {
    await this.fill('organisation', r.organisation);
    await this.fill('credit-code', r.creditCode);
    await this.fill('contact-person', r.contactPerson);
    await this.fill('contact', r.contact);
    await this.fill('address', r.address);
  }

  async atStep(step: string): Promise<void> {
    await this.step.and(this.page.locator(`[data-step="${step}"]`)).waitFor();
  }
}
