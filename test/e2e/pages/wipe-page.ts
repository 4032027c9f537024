// Page object for the Wipe page: the records wizard, the whole-vault wizard, the paper log, and the
// certificate shown at the end of a wipe.
import type { Locator, Page } from '@playwright/test';

export class WipePage {
  /** The tab shown. */
  readonly pane: Locator;
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
    // Each tab keeps its wizard mounted: the wizards' controls are looked for in the tab shown.
    const pane = (this.pane = page.getByRole('tabpanel')); // hidden panes are not in the accessibility tree
    this.caveat = page.getByTestId('wipe-caveat');
    this.dryRun = pane.getByTestId('wipe-dry-run');
    this.plan = pane.getByTestId('wipe-plan');
    this.planDestroy = pane.getByTestId('wipe-plan-destroy');
    this.planKept = pane.getByTestId('wipe-plan-kept');
    this.next = pane.getByTestId('wipe-next');
    this.chooseFolder = pane.getByTestId('wipe-choose-folder');
    this.folder = pane.getByTestId('wipe-folder');
    this.verifier = pane.getByTestId('wipe-verifier');
    this.start = pane.getByTestId('wipe-start');
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
    this.sheetLogged = pane.getByTestId('wipe-sheet-logged');
    this.keptElsewhere = pane.getByTestId('wipe-kept-elsewhere');
    this.confirmName = pane.getByTestId('wipe-confirm-name');
    this.historyRows = page.getByTestId('wipe-history').locator('tbody tr.ant-table-row');
  }

  tab(name: 'records' | 'vault' | 'paper' | 'cloud' | 'certificates'): Locator {
    return this.page.getByTestId(`wipe-tab-${name}`);
  }

  check(name: string): Locator {
    return this.page.locator(`[data-testid="wipe-check"][data-name="${name}"]`);
  }

  keyAction(kind: string): Locator {
    return this.pane.locator(`[data-testid="wipe-plan-key-action"][data-kind="${kind}"]`);
  }
}
