import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select by its whole label (or the first option a pattern matches) and waits
 * until the select shows it.
 *
 * The dropdown animates in; a click that lands while it is still appearing is sometimes dropped (the
 * select stays open with no value), so the open-and-click is retried until the select shows the label.
 * `typed` is typed first for selects with a search box.
 */
export async function chooseSelectOption(
  page: Page,
  select: Locator,
  label: string | RegExp,
  typed?: string,
): Promise<void> {
  const option =
    typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : label;
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if ((await dropdown.count()) === 0) {
      await select.click();
      if (typed !== undefined) await page.keyboard.type(typed);
    }
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
