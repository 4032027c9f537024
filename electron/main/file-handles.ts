// Opaque handles for files the person chose in a native dialog (or dropped onto the window). The window
// only ever sees the handle (and the file's name); main swaps it for the path before the call reaches
// the engine. A handle is bound to what it was chosen for: its purpose and kind of dialog are written in
// it (the contract's fileRef schemas accept it only in a field declared for both) and kept here, where it
// also expires: minutes after it was issued or last used, at once for a save handle once a call with it
// succeeded (one file written per save dialog), and on every lock of the vault. Electron-free, so the e2e
// harness keeps its handles with this very table.
import { randomBytes } from 'node:crypto';
import type { FileDialogKind, FilePurpose } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { swapFileRefs, type SwapResult } from '../../shared/file-refs';

/** A handle lives this long after it was issued or last used. */
export const HANDLE_LIFETIME_MS = 10 * 60_000;

interface Entry {
  path: string;
  purpose: FilePurpose;
  kind: FileDialogKind;
  expires: number;
  /** A save handle in a call that has not answered yet: no second call may use it meanwhile. */
  inUse: boolean;
}

const UNKNOWN = { ok: false, code: 'FILE_HANDLE_UNKNOWN' } as const satisfies { ok: false; code: ErrorCode };

export class FileHandles {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(path: string, purpose: FilePurpose, kind: FileDialogKind): string {
    this.sweep();
    const handle = `h.${purpose}.${kind}.${randomBytes(18).toString('base64url')}`;
    this.entries.set(handle, { path, purpose, kind, expires: this.now() + HANDLE_LIFETIME_MS, inUse: false });
    return handle;
  }

  /** The path behind a live handle, without using it. */
  peek(handle: string): string | null {
    const entry = this.live(handle);
    return entry ? entry.path : null;
  }

  /**
   * Every `{handle}` in an input becomes `{path}`; a `{path}` sent by a window is refused. The caller
   * settles the swap with the call's outcome.
   */
  swap(input: unknown): SwapResult {
    const swapped = swapFileRefs(input, (handle) => {
      const entry = this.live(handle);
      return entry && !entry.inUse ? { ok: true, path: entry.path } : UNKNOWN;
    });
    if (!swapped.ok) return swapped;
    const used = swapped.handles.map((handle) => [handle, this.entries.get(handle)!] as const);
    for (const [, entry] of used) {
      entry.expires = this.now() + HANDLE_LIFETIME_MS;
      if (entry.kind === 'save') entry.inUse = true;
    }
    return {
      ok: true,
      value: swapped.value,
      settle: (succeeded) => {
        for (const [handle, entry] of used) {
          if (entry.kind !== 'save') continue;
          if (succeeded) this.entries.delete(handle);
          else entry.inUse = false;
        }
      },
    };
  }

  /**
   * A lock ends what was chosen in the session: every handle goes, but a vault file chosen to be
   * unlocked (the unlock screen may need a second try, and a failed try on another vault locks this one).
   */
  forgetOnLock(): void {
    for (const [handle, entry] of this.entries)
      if (!(entry.purpose === 'vault' && entry.kind === 'open')) this.entries.delete(handle);
  }

  private live(handle: string): Entry | null {
    const entry = this.entries.get(handle);
    if (!entry) return null;
    if (this.now() > entry.expires) {
      this.entries.delete(handle);
      return null;
    }
    // The table agrees with what the handle says it is for (the schema checked the field wants that).
    return handle.startsWith(`h.${entry.purpose}.${entry.kind}.`) ? entry : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [handle, entry] of this.entries) if (now > entry.expires) this.entries.delete(handle);
  }
}

/** Forgets the handles whenever the engine says the vault was locked (idle, system, the person). */
export function forgetHandlesOnLock(
  engine: { on(listener: (event: string, payload: unknown) => void): () => void },
  handles: FileHandles,
): () => void {
  return engine.on((event) => {
    if (event === 'session.locked') handles.forgetOnLock();
  });
}
