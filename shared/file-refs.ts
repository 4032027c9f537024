// Where a window's input names a file, it names a handle that the shell issued when the person chose
// the file in a native dialog. Before a call reaches the engine, the shell (or the e2e harness standing
// in for it) swaps every handle for its path and refuses any path a window tries to pass itself.
import type { ErrorCode } from './errors';

export type SwapResult = { ok: true; value: unknown } | { ok: false; code: ErrorCode };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function swapFileRefs(input: unknown, resolve: (handle: string) => string | null): SwapResult {
  let problem: ErrorCode | null = null;
  const walk = (value: unknown): unknown => {
    if (problem) return value;
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'path') {
      problem = 'PATH_NOT_ALLOWED';
      return value;
    }
    if (keys.length === 1 && keys[0] === 'handle' && typeof value.handle === 'string') {
      const path = resolve(value.handle);
      if (path === null) problem = 'FILE_HANDLE_UNKNOWN';
      return { path };
    }
    return Object.fromEntries(keys.map((k) => [k, walk(value[k])]));
  };
  const value = walk(input);
  return problem ? { ok: false, code: problem } : { ok: true, value };
}
