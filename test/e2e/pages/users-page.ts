// Page object for Users & roles: the table, Add user, role changes, removal, passphrases.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSelectOption } from './antd-select';

export class UsersPage {
  readonly table: Locator;
  readonly add: Locator;
  readonly readOnly: Locator;
  readonly error: Locator;
  readonly addModal: Locator;
  readonly roleSelects: Locator;
  readonly removeButtons: Locator;
  readonly passphraseButtons: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('users-table');
    this.add = page.getByTestId('add-user');
    this.readOnly = page.getByTestId('users-read-only');
    this.error = page.getByTestId('error-alert');
    this.addModal = page.getByTestId('add-user-modal');
    this.roleSelects = page.getByTestId('user-role-select');
    this.removeButtons = page.getByTestId('user-remove');
    this.passphraseButtons = page.getByTestId('user-set-passphrase');
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Add user with the role picked from the select (by its label in the current language). */
  async addUser(name: string, roleLabel: string, passphrase: string): Promise<void> {
    await this.add.click();
    const modal = this.page.locator('.ant-modal').filter({ has: this.page.getByTestId('add-user-name') });
    await modal.getByTestId('add-user-name').fill(name);
    await chooseSelectOption(this.page, modal.getByTestId('add-user-role'), new RegExp(`^${roleLabel}`));
    await modal.getByTestId('passphrase').fill(passphrase);
    await modal.getByTestId('passphrase-confirm').fill(passphrase);
    await this.page.getByTestId('add-user-submit').click();
    await expect(modal).toBeHidden({ timeout: 20_000 });
  }

  async setPassphrase(name: string, passphrase: string): Promise<void> {
    await this.row(name).getByTestId('user-set-passphrase').click();
    const modal = this.page
      .locator('.ant-modal')
      .filter({ has: this.page.getByTestId('passphrase-confirm') });
    await modal.getByTestId('passphrase').fill(passphrase);
    await modal.getByTestId('passphrase-confirm').fill(passphrase);
    await this.page.getByTestId('set-passphrase-submit').click();
    await expect(modal).toBeHidden({ timeout: 20_000 });
  }
}
