// Page object for the unlock screen: user name and passphrase, or the recovery key; the lock notice.
import { expect, type Locator, type Page } from '@playwright/test';

export class UnlockPage {
  readonly card: Locator;
  readonly client: Locator;
  readonly file: Locator;
  readonly userName: Locator;
  readonly passphrase: Locator;
  readonly submit: Locator;
  readonly useRecoveryKey: Locator;
  readonly recoveryKey: Locator;
  readonly recoveryFeedback: Locator;
  readonly tryRecoveryKey: Locator;
  readonly lockNotice: Locator;
  readonly error: Locator;
  readonly errorCode: Locator;
  readonly errorMessage: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('unlock-card');
    this.client = page.getByTestId('unlock-client');
    this.file = page.getByTestId('unlock-file');
    this.userName = page.getByTestId('unlock-user');
    this.passphrase = page.getByTestId('unlock-passphrase');
    this.submit = page.getByTestId('unlock-submit');
    this.useRecoveryKey = page.getByTestId('use-recovery-key');
    this.recoveryKey = page.getByTestId('recovery-key-input');
    this.recoveryFeedback = page.getByTestId('recovery-key-feedback');
    this.tryRecoveryKey = page.getByTestId('unlock-try-recovery');
    this.lockNotice = page.getByTestId('lock-notice');
    this.error = this.card.getByTestId('error-alert');
    this.errorCode = this.card.getByTestId('error-code');
    this.errorMessage = this.card.getByTestId('error-message');
  }

  async unlock(userName: string, passphrase: string): Promise<void> {
    await expect(this.card).toBeVisible();
    await this.userName.fill(userName);
    await this.passphrase.fill(passphrase);
    await this.submit.click();
  }

  async switchToRecoveryKey(): Promise<void> {
    if ((await this.useRecoveryKey.getAttribute('aria-checked')) !== 'true')
      await this.useRecoveryKey.click();
    await expect(this.recoveryKey).toBeVisible();
  }
}
