// Page object for the Import wizard: files (added in the dialog or dropped), the mapping with its preview,
// the import job, and the result (counts, quarantine, export, deleting the plaintext source).
import { expect, type Locator, type Page } from '@playwright/test';

export type ImportStep = 'files' | 'mapping' | 'import' | 'result';

/** The browser globals a drop needs (test/ is type-checked without the DOM library). */
interface DropWindow {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: object) => unknown;
  document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
}

export class ImportWizard {
  readonly root: Locator;
  readonly dropZone: Locator;
  readonly addFile: Locator;
  readonly files: Locator;
  readonly next: Locator;
  readonly mapping: Locator;
  readonly preview: Locator;
  readonly previewRows: Locator;
  readonly run: Locator;
  readonly backToMapping: Locator;
  readonly totals: Locator;
  readonly jobOutcome: Locator;
  readonly quarantine: Locator;
  readonly ssdCaveat: Locator;
  readonly exportQuarantine: Locator;
  readonly exported: Locator;
  readonly deleteSource: Locator;
  readonly deleteDialog: Locator;
  readonly deleteConfirm: Locator;
  readonly sourceDeleted: Locator;
  readonly sheets: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-wizard');
    this.dropZone = page.getByTestId('import-drop');
    this.addFile = page.getByTestId('import-add-file');
    this.files = page.getByTestId('import-file');
    this.next = page.getByTestId('import-next');
    this.mapping = page.getByTestId('import-mapping');
    this.preview = page.getByTestId('import-preview');
    this.previewRows = this.preview.locator('tbody tr.ant-table-row');
    this.run = page.getByTestId('import-run');
    this.backToMapping = page.getByTestId('import-back-to-mapping');
    this.totals = page.getByTestId('import-totals');
    this.jobOutcome = this.root.getByTestId('job-outcome');
    this.quarantine = page.getByTestId('import-quarantine');
    this.ssdCaveat = page.getByTestId('import-ssd-caveat');
    this.exportQuarantine = page.getByTestId('import-export-quarantine');
    this.exported = page.getByTestId('import-exported');
    this.deleteSource = page.getByTestId('import-delete-source');
    this.deleteDialog = page.locator('.ant-modal');
    this.deleteConfirm = page.getByTestId('import-delete-confirm');
    this.sourceDeleted = page.getByTestId('import-source-deleted');
    this.sheets = page.getByTestId('import-sheet-row');
  }

  /** A workbook sheet's row in the files step (its name, row count, tags and checkbox). */
  sheet(name: string): Locator {
    return this.sheets.and(this.page.locator(`[data-sheet="${name}"]`));
  }

  sheetCheck(name: string): Locator {
    return this.sheet(name).locator('.ant-checkbox-input');
  }

  /** The result's row of one source (a file, or one sheet of a workbook). */
  source(sheet: string): Locator {
    return this.page.locator(`[data-testid="import-source"][data-sheet="${sheet}"]`);
  }

  async expectStep(step: ImportStep, timeout?: number): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step', step, { timeout });
  }

  /** A file dropped onto the wizard (as from the file manager): the shell turns the File into a handle. */
  async drop(name: string): Promise<void> {
    await this.page.evaluate((fileName) => {
      const w = globalThis as unknown as DropWindow;
      const data = new w.DataTransfer();
      data.items.add(new w.File(['a,b'], fileName, { type: 'text/csv' }));
      const zone = w.document.querySelector('[data-testid="import-drop"]');
      zone?.dispatchEvent(new w.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, name);
  }

  /** A listed file's detected format or encoding tag. */
  detected(file: Locator, what: 'format' | 'encoding'): Locator {
    return file.getByTestId(`import-${what}`);
  }

  /** The field select of a source column in the mapping. */
  target(header: string): Locator {
    return this.mapping.locator(`[data-testid="import-target"][data-header="${header}"]`);
  }

  /** Preview cells marked invalid for a field. */
  invalid(field: string): Locator {
    return this.preview.locator(`[data-testid="import-invalid"][data-field="${field}"]`);
  }
}
