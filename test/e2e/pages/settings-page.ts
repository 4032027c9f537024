// Page object for Settings: the installation's facts and the job-runner check.
import { expect, type Locator, type Page } from '@playwright/test';

export interface JobSnapshot {
  status: string;
  percent: number;
  count: string | null;
  rate: string | null;
  eta: string | null;
  phase: string | null;
}

export class SettingsPage {
  readonly version: Locator;
  readonly dataDir: Locator;
  readonly engineMode: Locator;
  readonly electron: Locator;
  readonly runJob: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly rate: Locator;
  readonly eta: Locator;
  readonly count: Locator;
  readonly cancelJob: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('info-version');
    this.dataDir = page.getByTestId('info-data-dir');
    this.engineMode = page.getByTestId('info-engine-mode');
    this.electron = page.getByTestId('info-electron');
    this.runJob = page.getByTestId('job-run');
    this.progress = page.getByTestId('job-progress');
    this.progressBar = page.getByTestId('job-progress-bar');
    this.rate = page.getByTestId('job-rate');
    this.eta = page.getByTestId('job-eta');
    this.count = page.getByTestId('job-count');
    this.cancelJob = page.getByTestId('job-cancel');
    this.outcome = page.getByTestId('job-outcome');
  }

  /**
   * What the progress area shows, read in one round trip: while a job runs, every extra round trip is
   * time the job may use to finish before the test can look at it.
   */
  async snapshot(): Promise<JobSnapshot> {
    return this.progress.evaluate((root) => {
      const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      const bar = root.querySelector('[data-testid="job-progress-bar"]');
      return {
        status: root.getAttribute('data-status') ?? '',
        percent: Number(bar?.getAttribute('data-percent') ?? NaN),
        count: text('job-count'),
        rate: text('job-rate'),
        eta: text('job-eta'),
        phase: text('job-phase'),
      };
    });
  }

  /** Waits until a running job shows a bar strictly between 0 and 100 with its rate and ETA. */
  async waitForPartialProgress(): Promise<JobSnapshot> {
    let seen: JobSnapshot | null = null;
    await expect
      .poll(
        async () => {
          seen = await this.snapshot();
          return seen.status === 'running' && seen.percent > 0 && seen.percent < 100 && seen.rate !== null;
        },
        { message: 'a running job with a bar between 0 and 100', intervals: [50] },
      )
      .toBe(true);
    return seen as unknown as JobSnapshot;
  }

  async percent(): Promise<number> {
    return Number(await this.progressBar.getAttribute('data-percent'));
  }

  async expectOutcome(outcome: 'succeeded' | 'cancelled' | 'failed', timeout = 15_000): Promise<void> {
    await expect(this.outcome).toHaveAttribute('data-outcome', outcome, { timeout });
  }
}
