// Page object for the Compliance centre: its tabs, the closure plan, the checklists (answered by hand),
// the report and the evidence pack.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseSelectOption } from './antd-select';

export type ComplianceTab =
  'plan' | 'checklists' | 'assessments' | 'processing' | 'risks' | 'people' | 'evidence';

export class CompliancePage {
  readonly planTab: Locator;
  readonly planStage: Locator;
  readonly planSteps: Locator;
  readonly certify: Locator;
  readonly keyDates: Locator;
  readonly checklist: Locator;
  readonly summary: Locator;
  readonly answerStatus: Locator;
  readonly answerNote: Locator;
  readonly answerFile: Locator;
  readonly answerFileName: Locator;
  readonly answerOk: Locator;
  readonly reportExport: Locator;
  readonly reportFiles: Locator;
  readonly packBuild: Locator;
  readonly packFile: Locator;
  readonly packResult: Locator;
  readonly packVerify: Locator;
  readonly verifyResult: Locator;
  readonly riskTable: Locator;

  constructor(readonly page: Page) {
    this.planTab = page.getByTestId('plan-tab');
    this.planStage = page.getByTestId('plan-stage');
    this.planSteps = page.getByTestId('plan-steps');
    this.certify = page.getByTestId('plan-certify');
    this.keyDates = page.getByTestId('key-dates');
    this.checklist = page.getByTestId('checklist');
    this.summary = page.getByTestId('checklist-summary');
    this.answerStatus = page.getByTestId('answer-status');
    this.answerNote = page.getByTestId('answer-note');
    this.answerFile = page.getByTestId('answer-file');
    this.answerFileName = page.getByTestId('answer-file-name');
    this.answerOk = page.getByTestId('answer-ok');
    this.reportExport = page.getByTestId('report-export');
    this.reportFiles = page.getByTestId('report-file');
    this.packBuild = page.getByTestId('pack-build');
    this.packFile = page.getByTestId('pack-file');
    this.packResult = page.getByTestId('pack-result');
    this.packVerify = page.getByTestId('pack-verify');
    this.verifyResult = page.getByTestId('verify-result');
    this.riskTable = page.getByTestId('risk-table');
  }

  tab(tab: ComplianceTab): Locator {
    return this.page.getByTestId(`compliance-tab-${tab}`);
  }

  async openTab(tab: ComplianceTab): Promise<void> {
    await this.tab(tab).click();
    await expect(this.page).toHaveURL(new RegExp(`#/compliance/${tab}$`));
  }

  step(id: string): Locator {
    return this.page.getByTestId(`plan-step-${id}`);
  }

  /** A checklist row, by the item's id. */
  item(id: string): Locator {
    return this.checklist.locator(`tr[data-item="${id}"]`);
  }

  /** The id of the first item still waiting for an answer by hand. */
  async firstOpenItem(): Promise<string> {
    const row = this.checklist.locator('tr[data-status="open"]').first();
    await expect(row).toBeVisible();
    return (await row.getAttribute('data-item'))!;
  }

  /** Opens the answer dialog of an item and answers it: a status (as shown), a note, then OK. */
  async answer(id: string, status: string, note: string, chooseFile: () => void): Promise<void> {
    await this.item(id).getByTestId('item-answer-button').click();
    await chooseSelectOption(this.page, this.answerStatus, status);
    await this.answerNote.fill(note);
    await expect(this.answerNote).toHaveValue(note);
    chooseFile();
    await this.answerFile.click();
    await expect(this.answerFileName).not.toHaveText(/未选择|None chosen/);
    await this.answerOk.click();
    await expect(this.answerOk).toBeHidden();
  }
}
