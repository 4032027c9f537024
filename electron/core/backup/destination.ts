// Checks a backup destination before anything is written: a folder that exists, can be written, is not
// the vault's own folder (a backup beside the vault dies with the same disk), and has room.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, realpathSync, rmSync, statSync, statfsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { EngineError } from '../kernel/engine-error';

/** Free space to leave over on top of the snapshot (10 % above the vault's size, plus this). */
const SPACE_MARGIN_BYTES = 16 * 1024 * 1024;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function vaultBytes(vaultFile: string): number {
  let total = 0;
  for (const file of [vaultFile, `${vaultFile}-wal`]) {
    try {
      total += statSync(file).size;
    } catch {
      /* no WAL file: nothing to add */
    }
  }
  return total;
}

/** Returns the destination's real path, or throws the error that says what is wrong with it. */
export function checkDestination(dir: string, vaultFile: string): string {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    throw new EngineError('BACKUP_DEST_UNUSABLE', {
      path: dir,
      reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(error),
    });
  }
  if (!statSync(real).isDirectory())
    throw new EngineError('BACKUP_DEST_UNUSABLE', { path: dir, reason: 'not a folder' });
  if (isInside(real, realpathSync(dirname(vaultFile))))
    throw new EngineError('BACKUP_DEST_INSIDE_VAULT', { path: dir });
  // access(W_OK) says yes to root on a folder it cannot write (read-only mounts, /proc): really try.
  const probe = join(real, `.closeout-write-probe-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    throw new EngineError('BACKUP_DEST_UNUSABLE', {
      path: dir,
      reason: `not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
  }
  const fs = statfsSync(real);
  const available = Number(fs.bavail) * Number(fs.bsize);
  const needed = Math.ceil(vaultBytes(vaultFile) * 1.1) + SPACE_MARGIN_BYTES;
  if (available < needed)
    throw new EngineError('BACKUP_NO_SPACE', { path: dir, needed: mib(needed), available: mib(available) });
  return real;
}

/** True when the destination has (next to) no room or no free inodes left: a write failed for want of space. */
export function destinationFull(dir: string): boolean {
  try {
    const fs = statfsSync(dir);
    return fs.ffree === 0 || Number(fs.bavail) * Number(fs.bsize) < 64 * 1024;
  } catch {
    return false;
  }
}

/** Best effort: the mount point holding `dir` (the highest ancestor on the same device). */
export function volumeOf(dir: string): string | null {
  try {
    let current = realpathSync(dir);
    const device = statSync(current).dev;
    for (;;) {
      const parent = dirname(current);
      if (parent === current || statSync(parent).dev !== device) return current;
      current = parent;
    }
  } catch {
    return null;
  }
}

/** What an interrupted backup leaves behind: its temp copy (and SQLite's files beside it) and temp manifests. */
const DEBRIS = [
  /^\..+\.cobackup\.[0-9a-f]{12}\.partial(-journal|-wal|-shm)?$/,
  /^\..+\.cobackup\.manifest\.json(\.p7s)?\.[0-9a-f]{12}\.tmp$/,
];
/** Younger debris may belong to a backup another Closeout is writing right now. */
const DEBRIS_AGE_MS = 60 * 60 * 1000;

/** Removes debris of backups killed part-way (crash, power cut) from a destination. Returns the count. */
export function sweepDebris(dir: string, now = Date.now()): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!DEBRIS.some((pattern) => pattern.test(name))) continue;
    try {
      const file = join(dir, name);
      if (now - statSync(file).mtimeMs < DEBRIS_AGE_MS) continue;
      rmSync(file, { force: true });
      removed++;
    } catch {
      /* gone already, or not ours to remove: leave it */
    }
  }
  return removed;
}
