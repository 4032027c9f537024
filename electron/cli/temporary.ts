// What the CLI writes for a moment and must not leave behind, however the process ends: the private
// folder an export to standard output passes through, and every temporary file the engine is writing
// beside an --out target (util/atomic-write.ts). The process entry (closeout.ts) removes them on a normal
// exit, on Ctrl+C, SIGTERM, SIGHUP and SIGPIPE, and when the reader of standard output has gone (EPIPE).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempFilesInFlight } from '../core/util/atomic-write';

const folders = new Set<string>();

/** A new folder in the temporary folder that only this user can open (0700). */
export function privateTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/** Everything above, at once (synchronously: it may run as the process is stopping). */
export function removeTemporaryFiles(): void {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
  removeTempFilesInFlight();
}
