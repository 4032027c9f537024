// The test's stand-in for electron/preload.ts, bundled by global-setup.ts and injected as an init script:
// the same buildBridge() over Playwright bindings instead of ipcRenderer, with the operations of the
// contract the test engine runs (the product's and test.count). It also reports CSP violations.
// Typed without the DOM library (test/ is type-checked as Node code), hence the small local shapes.
import { buildBridge } from '../../shared/bridge';
import { isEventName, type EventName } from '../../shared/contract';
import { TEST_OP_NAMES } from '../support/test-contract';
import type { HarnessWindow } from './harness/page-globals';

interface ViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

interface BrowserScope {
  top: unknown;
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: ViolationEvent) => void,
      capture: boolean,
    ): void;
  };
  reportError(error: unknown): void;
  setTimeout(callback: () => void, ms: number): number;
}

type Listener = (event: EventName, payload: unknown) => void;

const scope = globalThis as unknown as BrowserScope & HarnessWindow;

function install(): void {
  const listeners = new Set<Listener>();

  const dispatch = (event: EventName, payload: unknown) => {
    for (const listener of [...listeners]) {
      // One failing listener must not starve the others; the error still surfaces as a page error.
      try {
        listener(event, payload);
      } catch (error) {
        scope.reportError(error);
      }
    }
  };

  const bridge = buildBridge(
    TEST_OP_NAMES,
    (op, input, options) => scope.__closeoutInvoke(op, input, options),
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    // The page cannot learn a dropped file's path here either: the test says which file it was.
    (file) => scope.__closeoutDrop(String((file as { name?: unknown } | null)?.name ?? '')),
  );

  // As contextBridge.exposeInMainWorld does: a read-only property holding a frozen object.
  Object.defineProperty(globalThis, 'closeout', {
    value: bridge,
    enumerable: true,
    writable: false,
    configurable: false,
  });

  const pump = async () => {
    for (;;) {
      const batch = await scope.__closeoutNextEvents();
      for (const [event, payload] of batch) if (isEventName(event)) dispatch(event, payload);
    }
  };
  // Started a task later: Playwright installs its bindings with init scripts of its own, in no set order.
  scope.setTimeout(() => {
    pump().catch((error: unknown) => scope.reportError(error));
  }, 0);

  scope.document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      void scope.__closeoutCspViolation({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      });
    },
    true,
  );
}

// Like a preload (nodeIntegrationInSubFrames is off), only the top frame gets the bridge.
if (scope.top === globalThis) install();
