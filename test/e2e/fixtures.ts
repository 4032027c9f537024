// Playwright fixtures: a fresh data folder and a real engine per test, the renderer served with the app's
// CSP, window.closeout injected from the same bridge builder as the preload, the shell's file dialogs stood
// in for (handles, never paths, reach the page), and guards that fail the test on any off-origin request,
// CSP violation, console error or page error.
import { test as base, expect } from '@playwright/test';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EngineClient } from '../../electron/core/host/types';
import { checkedCall } from '../../electron/main/checked-call';
import { forgetHandlesOnLock } from '../../electron/main/file-handles';
import { fail, ok } from '../../shared/result';
import { DialogStandIn, type DialogRequest } from './harness/dialogs';
import { EventChannel } from './harness/event-channel';
import type { CspViolationReport } from './harness/page-globals';
import { BRIDGE_INIT_SCRIPT, RENDERER_DIST } from './harness/paths';
import { seedVault, type SeededVault, type SeedVault } from './harness/seed-vault';
import { startStaticServer, type StaticServer } from './harness/static-server';
import { AppShell } from './pages/app-shell';
import { testContract, type TestContract, type TestOpName } from '../support/test-contract';
import { createTestEngine } from '../support/test-engine';

interface HarnessProblems {
  offOriginRequests: string[];
  cspViolations: CspViolationReport[];
  consoleErrors: string[];
  pageErrors: string[];
}

interface TestFixtures {
  /** An empty app data folder for this test only, removed afterwards. */
  dataDir: string;
  /** The real engine over dataDir, as the desktop app's worker runs it, plus the test operation. */
  engine: EngineClient<TestContract>;
  /** A folder for the files the person "chooses" in dialogs (vaults, sheets, exports), removed afterwards. */
  files: string;
  /** The shell's file dialogs: queue what the person picks with dialogs.next(path). */
  dialogs: DialogStandIn;
  /** Makes a vault straight through the engine (locked, in the registry), for specs about other screens. */
  seed: (spec: SeedVault) => Promise<SeededVault>;
  /** Installs the bridge and the guards on `page`; every test gets it. */
  harness: HarnessProblems;
  /** The app's frame: open a page, navigate, switch language and theme. */
  shell: AppShell;
}

interface WorkerFixtures {
  server: StaticServer;
  bridgeScript: string;
}

function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startStaticServer(RENDERER_DIST);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  bridgeScript: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      await use(await readFile(BRIDGE_INIT_SCRIPT, 'utf8'));
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  engine: async ({ dataDir }, use) => {
    const engine = createTestEngine({ dataDir, electronVersion: null });
    await use(engine);
    await engine.close();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  files: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-files-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  dialogs: async ({ files }, use) => {
    await use(new DialogStandIn(files));
  },

  seed: async ({ dataDir, files }, use) => {
    await use((spec) => seedVault(dataDir, files, spec));
  },

  harness: [
    async ({ page, context, server, engine, bridgeScript, dialogs }, use) => {
      const problems: HarnessProblems = {
        offOriginRequests: [],
        cspViolations: [],
        consoleErrors: [],
        pageErrors: [],
      };

      // The app is offline by construction: note every request elsewhere, and refuse it.
      context.on('request', (request) => {
        if (!isLocal(request.url(), server.origin)) problems.offOriginRequests.push(request.url());
      });
      await context.route('**/*', (route) =>
        isLocal(route.request().url(), server.origin) ? route.continue() : route.abort('blockedbyclient'),
      );

      page.on('console', (message) => {
        if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text()))
          problems.consoleErrors.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));

      // main's own checks (electron/main/checked-call.ts: schemas, the shell's operations — here the
      // dialog stand-in —, handles swapped for paths by main's own table, a path from the page refused),
      // in front of the test engine; like main's IPC router, only the page's own main frame is answered.
      const checked = checkedCall<null>(
        testContract,
        { call: (op, input, options) => engine.call(op as TestOpName, input, options) },
        {
          run: async (_op, input) => ok(dialogs.choose(input as DialogRequest)),
          swap: (input) => dialogs.swap(input),
        },
      );
      await page.exposeBinding('__closeoutInvoke', (source, op: unknown, input: unknown, options: unknown) =>
        source.frame === page.mainFrame()
          ? checked(op as string, input, options, null)
          : fail('FORBIDDEN_SENDER', 'not the main frame'),
      );
      // A dropped file: the shell would read its path from the File; here the test queued it with
      // dialogs.next(path), and the page's file name must match it.
      await page.exposeBinding('__closeoutDrop', (source, name: string) => {
        if (source.frame !== page.mainFrame()) return fail('FORBIDDEN_SENDER', 'not the main frame');
        const chosen = dialogs.choose({ kind: 'open', purpose: 'import' });
        if (chosen && chosen.name !== name)
          return fail('INVALID_INPUT', `dropped ${name}, queued ${chosen.name}`);
        return ok(chosen);
      });
      await page.exposeBinding('__closeoutCspViolation', (_source, report: CspViolationReport) => {
        problems.cspViolations.push(report);
      });
      const events = new EventChannel();
      const stopEvents = engine.on((event, payload) => events.push(event, payload));
      const stopForgetting = forgetHandlesOnLock(engine, dialogs.handles);
      await page.exposeBinding('__closeoutNextEvents', (source) =>
        source.frame === page.mainFrame() ? events.next() : [],
      );
      await page.addInitScript({ content: bridgeScript });

      await use(problems);

      stopEvents();
      stopForgetting();
      events.close();
      // One assertion over everything, so a failure lists every kind of problem at once.
      expect(problems, 'off-origin requests, CSP violations, console or page errors').toEqual({
        offOriginRequests: [],
        cspViolations: [],
        consoleErrors: [],
        pageErrors: [],
      });
    },
    { auto: true },
  ],

  shell: async ({ page, server, harness }, use) => {
    void harness; // the guards must be in place before the page opens
    await use(new AppShell(page, server.origin));
  },
});

export { expect };
