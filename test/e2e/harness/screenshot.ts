// Screenshots kept as test artifacts (test-results/e2e/<test>/<name>.png) and attached to the report.
import type { Page, TestInfo } from '@playwright/test';

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
