// Page object for the create-vault wizard: client details, owner and passphrase (with the strength
// meter), where to save, create, then the recovery key and its sheet.
import { expect, type Locator, type Page } from '@playwright/test';

export type WizardStep = 'client' | 'owner' | 'location' | 'create' | 'recovery';

export interface ClientDetails {
  clientName: string;
  creditCode?: string;
  contact?: string;
  closureReason?: string;
  /** ISO yyyy-mm-dd, typed into the date pickers. */
  decisionDate?: string;
  deregistrationDate?: string;
  deadline?: string;
}

export class CreateVaultWizard {
  readonly root: Locator;
  readonly clientName: Locator;
  readonly creditCode: Locator;
  readonly contact: Locator;
  readonly closureReason: Locator;
  readonly ownerName: Locator;
  readonly passphrase: Locator;
  readonly passphraseConfirm: Locator;
  readonly strength: Locator;
  readonly strengthWord: Locator;
  readonly strengthProblems: Locator;
  readonly chooseLocation: Locator;
  readonly chosenFile: Locator;
  readonly review: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly create: Locator;
  readonly error: Locator;
  readonly recoveryKey: Locator;
  readonly recoveryGroups: Locator;
  readonly saveSheet: Locator;
  readonly sheetSaved: Locator;
  readonly stored: Locator;
  readonly finish: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('create-wizard');
    this.clientName = page.getByTestId('field-client-name');
    this.creditCode = page.getByTestId('field-credit-code');
    this.contact = page.getByTestId('field-contact');
    this.closureReason = page.getByTestId('field-closure-reason');
    this.ownerName = page.getByTestId('field-owner-name');
    this.passphrase = page.getByTestId('passphrase');
    this.passphraseConfirm = page.getByTestId('passphrase-confirm');
    this.strength = page.getByTestId('strength');
    this.strengthWord = page.getByTestId('strength-word');
    this.strengthProblems = page.getByTestId('strength-problems');
    this.chooseLocation = page.getByTestId('choose-location');
    this.chosenFile = page.getByTestId('chosen-file');
    this.review = page.getByTestId('review');
    this.next = page.getByTestId('wizard-next');
    this.back = page.getByTestId('wizard-back');
    this.create = page.getByTestId('wizard-create');
    this.error = page.getByTestId('error-alert');
    this.recoveryKey = page.getByTestId('recovery-key');
    this.recoveryGroups = page.getByTestId('recovery-key-group');
    this.saveSheet = page.getByTestId('save-recovery-sheet');
    this.sheetSaved = page.getByTestId('recovery-sheet-saved');
    this.stored = page.getByTestId('recovery-stored');
    this.finish = page.getByTestId('wizard-finish');
  }

  /** The validation message under a form field (antd gives it the id `<field>_help`). */
  fieldError(field: string): Locator {
    return this.page.locator(`#${field}_help`);
  }

  async expectStep(step: WizardStep, timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step', step, { timeout });
  }

  async typeDate(testId: string, isoDate: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    await input.fill(isoDate);
    await input.press('Enter');
    await expect(input).toHaveValue(isoDate);
  }

  async fillClient(details: ClientDetails): Promise<void> {
    await this.clientName.fill(details.clientName);
    if (details.creditCode) await this.creditCode.fill(details.creditCode);
    if (details.contact) await this.contact.fill(details.contact);
    if (details.closureReason) await this.closureReason.fill(details.closureReason);
    if (details.decisionDate) await this.typeDate('field-decision-date', details.decisionDate);
    if (details.deregistrationDate)
      await this.typeDate('field-deregistration-date', details.deregistrationDate);
    if (details.deadline) await this.typeDate('field-deadline', details.deadline);
  }

  async fillOwner(name: string, passphrase: string, confirm = passphrase): Promise<void> {
    await this.ownerName.fill(name);
    await this.passphrase.fill(passphrase);
    await this.passphraseConfirm.fill(confirm);
  }

  /** The recovery key as shown: its groups, in order. */
  async shownGroups(): Promise<string[]> {
    return this.recoveryGroups.allInnerTexts();
  }
}
