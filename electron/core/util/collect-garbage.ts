// A full garbage collection, asked for by the few loops that allocate fast around a small working set
// (a large import). V8 lets its old generation grow to its starting limit (about 256 MB) before its
// first full collection, garbage included: without a collection asked for, that garbage is most of a
// large import's peak memory. `gc` comes from a context of its own (the flag exposes it only to contexts
// created after it is set): the caller's global scope gets none.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full collection; does nothing where the runtime refuses to expose one. */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
