// Runs before each renderer test file: what jsdom lacks and antd asks for (media queries, resize
// observers, message channels), the app's i18n as the window sets it up, and after each test the check that every call the
// code made was one the test expected (see fake-bridge.ts).
import '../../../renderer/src/i18n';
import { currentFake, uninstallFakeBridge } from './fake-bridge';

if (!window.matchMedia)
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });

if (!('ResizeObserver' in window))
  Object.defineProperty(window, 'ResizeObserver', {
    configurable: true,
    value: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });

// antd's forms defer their watchers to a macrotask through a MessageChannel, which jsdom lacks.
if (!('MessageChannel' in window)) {
  class TimerPort {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    other: TimerPort | null = null;
    postMessage(data: unknown): void {
      const target = this.other;
      setTimeout(() => target?.onmessage?.({ data }), 0);
    }
    close(): void {
      this.onmessage = null;
    }
  }
  class TimerChannel {
    readonly port1 = new TimerPort();
    readonly port2 = new TimerPort();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  }
  Object.defineProperty(window, 'MessageChannel', { configurable: true, value: TimerChannel });
}

afterEach(() => {
  const fake = currentFake();
  uninstallFakeBridge();
  if (fake && fake.unexpected.length)
    throw new Error(`calls the test did not expect:\n${fake.unexpected.join('\n')}`);
});
