// The full collection a large import asks for: it frees an object only a WeakRef still points to, and it
// leaves the global scope as it was (no `gc` there for other code to find).
import { collectGarbage } from '../../../../electron/core/util/collect-garbage';

function weaklyHeld(): WeakRef<object> {
  return new WeakRef({ payload: new Array(10_000).fill('garbage') });
}

test('collects an object no longer reachable, without a global gc', async () => {
  const ref = weaklyHeld();
  // A WeakRef's target is kept until the end of the job that created or read it.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
  expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  // Asked for again, it reuses the same collector.
  expect(() => collectGarbage()).not.toThrow();
});
