// Where a window's input names a file, it names a handle that the shell issued when the person chose
// the file in a native dialog. Before a call reaches the engine, the shell (or the e2e harness standing
// in for it) swaps every handle for its path and refuses any path a window tries to pass itself.
import type { ErrorCode } from './errors';

export type SwapResult =
  | {
      ok: true;
      value: unknown;
      /** Tells the handle table how the call went (a save handle is spent by a call that succeeded). */
      settle: (succeeded: boolean) => void;
    }
  | { ok: false; code: ErrorCode };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `{handle}` becomes `{path}` (or the first problem is the answer); a `{path}` is refused. */
export function swapFileRefs(
  input: unknown,
  resolve: (handle: string) => { ok: true; path: string } | { ok: false; code: ErrorCode },
): { ok: true; value: unknown; handles: string[] } | { ok: false; code: ErrorCode } {
  let problem: ErrorCode | null = null;
  const handles: string[] = [];
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
      const resolved = resolve(value.handle);
      if (!resolved.ok) {
        problem = resolved.code;
        return value;
      }
      handles.push(value.handle);
      return { path: resolved.path };
    }
    return Object.fromEntries(keys.map((k) => [k, walk(value[k])]));
  };
  const value = walk(input);
  return problem ? { ok: false, code: problem } : { ok: true, value, handles };
}
