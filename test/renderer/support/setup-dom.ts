// Runs before each renderer test file: what jsdom lacks and antd asks for (media queries, resize
// observers), the app's i18n as the window sets it up, and after each test the check that every call the
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

afterEach(() => {
  const fake = currentFake();
  uninstallFakeBridge();
  if (fake && fake.unexpected.length)
    throw new Error(`calls the test did not expect:\n${fake.unexpected.join('\n')}`);
});
