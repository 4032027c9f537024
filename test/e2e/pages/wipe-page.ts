// Page object for the Wipe page: the records wizard, the whole-vault wizard, the paper log, and the
// certificate shown at the end of a wipe.
import type { Locator, Page } from '@playwright/test';

export class WipePage {
  readonly caveat: Locator;
  readonly dryRun: Locator;
  readonly plan: Locator;
  readonly planDestroy: Locator;
  readonly planKept: Locator;
  readonly next: Locator;
  readonly chooseFolder: Locator;
  readonly folder: Locator;
  readonly verifier: Locator;
  readonly start: Locator;
  readonly done: Locator;
  readonly certificateFiles: Locator;
  readonly certificateSha256: Locator;
  readonly checks: Locator;
  readonly finish: Locator;
  readonly paperBatch: Locator;
  readonly paperDescription: Locator;
  readonly paperSheets: Locator;
  readonly paperWitness: Locator;
  readonly paperRecoverySheet: Locator;
  readonly paperEvidence: Locator;
  readonly paperSubmit: Locator;
  readonly paperRows: Locator;
  readonly sheetLogged: Locator;
  readonly keptElsewhere: Locator;
  readonly confirmName: Locator;
  readonly historyRows: Locator;

  constructor(readonly page: Page) {
    this.caveat = page.getByTestId('wipe-caveat');
    this.dryRun = page.getByTestId('wipe-dry-run');
    this.plan = page.getByTestId('wipe-plan');
    this.planDestroy = page.getByTestId('wipe-plan-destroy');
    this.planKept = page.getByTestId('wipe-plan-kept');
    this.next = page.getByTestId('wipe-next');
    this.chooseFolder = page.getByTestId('wipe-choose-folder');
    this.folder = page.getByTestId('wipe-folder');
    this.verifier = page.getByTestId('wipe-verifier');
    this.start = page.getByTestId('wipe-start');
    this.done = page.getByTestId('wipe-done');
    this.certificateFiles = page.getByTestId('wipe-certificate-file');
    this.certificateSha256 = page.getByTestId('wipe-certificate-sha256');
    this.checks = page.getByTestId('wipe-check');
    this.finish = page.getByTestId('wipe-finish');
    this.paperBatch = page.getByTestId('paper-batch');
    this.paperDescription = page.getByTestId('paper-description');
    this.paperSheets = page.getByTestId('paper-sheets');
    this.paperWitness = page.getByTestId('paper-witness');
    this.paperRecoverySheet = page.getByTestId('paper-recovery-sheet');
    this.paperEvidence = page.getByTestId('paper-evidence');
    this.paperSubmit = page.getByTestId('paper-submit');
    this.paperRows = page.getByTestId('paper-table').locator('tbody tr.ant-table-row');
    this.sheetLogged = page.getByTestId('wipe-sheet-logged');
    this.keptElsewhere = page.getByTestId('wipe-kept-elsewhere');
    this.confirmName = page.getByTestId('wipe-confirm-name');
    this.historyRows = page.getByTestId('wipe-history').locator('tbody tr.ant-table-row');
  }

  tab(name: 'records' | 'vault' | 'paper' | 'cloud' | 'certificates'): Locator {
    return this.page.getByTestId(`wipe-tab-${name}`);
  }

  check(name: string): Locator {
    return this.page.locator(`[data-testid="wipe-check"][data-name="${name}"]`);
  }

  keyAction(kind: string): Locator {
    return this.page.locator(`[data-testid="wipe-plan-key-action"][data-kind="${kind}"]`);
  }
}
