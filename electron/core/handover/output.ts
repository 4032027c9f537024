// Where a handover writes what the person asked for: an existing folder, and file names that are new
// there (Closeout never writes over a file). The owner-only mode is the default: these files name people.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileRef } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { guardWrite, type WriteScope } from '../util/write-guard';

export function outputFolder(ref: FileRef): string {
  const dir = pathOf(ref);
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new EngineError('WRITE_FAILED', { path: dir, reason: 'no such folder' });
  return dir;
}

/**
 * `dir/name`, refused as every output a person names is (write-guard: not a file Closeout manages, not a
 * symbolic link), and with FILE_EXISTS when something is already there.
 */
export function freshPath(dir: string, name: string, scope: WriteScope): string {
  const path = join(dir, name);
  guardWrite(path, scope);
  if (existsSync(path)) throw new EngineError('FILE_EXISTS', { path });
  return path;
}

export const writeFailed = (path: string, error: unknown): EngineError =>
  error instanceof EngineError
    ? error
    : new EngineError('WRITE_FAILED', {
        path,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
