// Writes a file so that a crash or a full disk leaves either the old file or the new one, never half:
// temp file in the same folder, fsync, rename over, fsync the folder. The temp is created new
// (O_EXCL) and never through a link (O_NOFOLLOW), and a rename replaces a link at the target rather than
// following it; whether the target may be written at all is write-guard.ts's question.
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files being written right now, by name. */
const inFlight = new Set<string>();

/**
 * Removes every temporary file this process is writing, at once: for a process that must stop now (the
 * CLI on SIGTERM, SIGHUP or SIGPIPE), so no partial export, plaintext included, stays beside its target.
 */
export function removeTempFilesInFlight(): void {
  for (const temp of inFlight) rmSync(temp, { force: true });
  inFlight.clear();
}

/** A new file, opened for writing: never an existing one, never through a symbolic link. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates `file` (it must not exist, and is not followed if it is a link) and opens it for writing. */
export function createExclusive(file: string, mode = 0o600): number {
  return openSync(file, CREATE_NEW, mode);
}

export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = createExclusive(temp, mode);
  inFlight.add(temp);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  fsyncDir(dirname(file));
}

export function fsyncDir(dir: string): void {
  // Not every platform can open a folder for fsync (Windows): the rename is then as durable as it gets.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort by design, see above */
  }
}

/**
 * The streaming form of writeFileAtomic, for exports too large to hold in memory: write (or let a
 * library write) `temp`, then `commit()` fsyncs and renames it over `file`; `abort()` removes it.
 */
export interface AtomicFile {
  readonly file: string;
  readonly temp: string;
  /** Appends bytes with a synchronous write (the file is open from the start). */
  write(data: string | Uint8Array): void;
  /** Bytes written through `write` so far. */
  readonly bytes: number;
  commit(): void;
  abort(): void;
}

export function openAtomic(file: string, mode = 0o600): AtomicFile {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = createExclusive(temp, mode);
  inFlight.add(temp);
  let bytes = 0;
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    file,
    temp,
    get bytes() {
      return bytes;
    },
    write(data) {
      if (fd === null) throw new Error('atomic file already closed');
      const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
      bytes += buffer.length;
    },
    commit() {
      try {
        close();
        // Whatever wrote the temp file (this handle or a library by name), it is flushed before the rename.
        const sync = openSync(temp, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
        try {
          fsyncSync(sync);
        } finally {
          closeSync(sync);
        }
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      } finally {
        inFlight.delete(temp);
      }
      fsyncDir(dirname(file));
    },
    abort() {
      try {
        close();
      } finally {
        rmSync(temp, { force: true });
        inFlight.delete(temp);
      }
    },
  };
}
