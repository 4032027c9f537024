// The full collection a large import asks for: it frees an object only a WeakRef still points to, and it
// leaves the caller's global scope as it was (no `gc` added there). Contexts created after the first call
// do get a `gc` of their own (the flag is the process's): in jest, a later test file's global may hold one.
import { collectGarbage } from '../../../../electron/core/util/collect-garbage';

function weaklyHeld(): WeakRef<object> {
  return new WeakRef({ payload: new Array(10_000).fill('garbage') });
}

test('collects an object no longer reachable, without a gc added to the global scope', async () => {
  const hadGc = 'gc' in globalThis;
  const ref = weaklyHeld();
  // A WeakRef's target is kept until the end of the job that created or read it.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
  expect('gc' in globalThis).toBe(hadGc);
  // Asked for again, it reuses the same collector.
  expect(() => collectGarbage()).not.toThrow();
});
