// Page object for the Records page: search, the total, the virtual table's rows and cells, filters, a
// record's detail drawer, and Export.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class RecordsPage {
  readonly search: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly nameCells: Locator;
  readonly phoneCells: Locator;
  readonly filterRegion: Locator;
  readonly filterClear: Locator;
  readonly detail: Locator;
  readonly detailName: Locator;
  readonly detailSourceRef: Locator;
  readonly detailSourceRaw: Locator;
  readonly detailHistory: Locator;
  readonly exportButton: Locator;
  readonly exportStart: Locator;
  readonly exported: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('records-search');
    this.total = page.getByTestId('records-total');
    this.table = page.getByTestId('records-table');
    this.rows = page.getByTestId('records-row');
    this.nameCells = page.getByTestId('records-cell-name');
    this.phoneCells = page.getByTestId('records-cell-phone');
    this.filterRegion = page.getByTestId('records-filter-region');
    this.filterClear = page.getByTestId('records-filter-clear');
    this.detail = page.getByTestId('record-detail');
    this.detailName = this.detail.getByTestId('record-name');
    this.detailSourceRef = this.detail.getByTestId('record-source-ref');
    this.detailSourceRaw = this.detail.getByTestId('record-source-raw');
    this.detailHistory = this.detail.getByTestId('record-history');
    this.exportButton = page.getByTestId('records-export');
    this.exportStart = page.getByTestId('records-export-start');
    this.exported = page.getByTestId('records-exported');
  }

  /** The exact total, once counted. */
  async exactTotal(): Promise<number> {
    await expect(this.total).toHaveAttribute('data-exact', 'true');
    return Number(await this.total.getAttribute('data-total'));
  }

  async expectTotal(n: number): Promise<void> {
    await expect(this.total).toHaveAttribute('data-total', String(n));
  }

  async searchFor(text: string, expected: number): Promise<void> {
    await this.search.fill(text);
    await this.expectTotal(expected);
  }

  /** Scrolls the virtual table by wheel steps (positive: down). */
  async scroll(steps: number, by = 2000): Promise<void> {
    await this.table.hover();
    for (let i = 0; i < steps; i++) await this.page.mouse.wheel(0, by);
  }

  rowWith(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** A flag filter's checkbox (or its input, as antd renders it). */
  flagFilter(flag: string): Locator {
    return this.page.getByTestId(`records-filter-flag-${flag}`);
  }

  flagFilterInput(flag: string): Locator {
    return this.page.locator(
      `[data-testid="records-filter-flag-${flag}"] input, input[data-testid="records-filter-flag-${flag}"]`,
    );
  }

  async chooseOption(label: string): Promise<void> {
    await this.page.locator('.ant-select-item-option').filter({ hasText: label }).click();
  }

  exportFormat(format: string): Locator {
    return this.page.getByTestId(`records-export-format-${format}`);
  }

  /**
   * The box of a row and, per cell, the box of everything the cell shows (text and elements, wrapped
   * lines included), as the browser laid them out.
   */
  async rowBoxes(row: Locator): Promise<{ row: Box; contents: Box[] }> {
    return row.evaluate((element) => {
      interface Rect {
        x: number;
        y: number;
        width: number;
        height: number;
      }
      interface El {
        getBoundingClientRect(): Rect;
        querySelectorAll(selector: string): ArrayLike<El>;
        ownerDocument: {
          createRange(): { selectNodeContents(node: El): void; getBoundingClientRect(): Rect };
        };
      }
      const el = element as unknown as El;
      const box = ({ x, y, width, height }: Rect): Box => ({ x, y, width, height });
      const contents = Array.from(el.querySelectorAll('.ant-table-cell')).map((cell) => {
        const range = el.ownerDocument.createRange();
        range.selectNodeContents(cell);
        return box(range.getBoundingClientRect());
      });
      return { row: box(el.getBoundingClientRect()), contents };
    });
  }
}
