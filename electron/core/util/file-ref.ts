// Turns a FileRef into a path. Handles exist only between the renderer and main: main swaps them for
// paths before a call reaches the engine, so a handle arriving here means a stale or forged one.
import { isAbsolute, resolve } from 'node:path';
import type { FileRef } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';

export function pathOf(ref: FileRef): string {
  if ('handle' in ref) throw new EngineError('FILE_HANDLE_UNKNOWN');
  if (ref.path.includes('\0')) throw new EngineError('INVALID_INPUT', { detail: 'path contains NUL' });
  return isAbsolute(ref.path) ? resolve(ref.path) : resolve(process.cwd(), ref.path);
}
