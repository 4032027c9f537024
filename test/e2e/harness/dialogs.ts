// The test's stand-in for the shell's native dialogs (dialog.choose): the test says which path the
// person "picks" (dialogs.next), or a fresh path in the test's folder is picked from the suggested name.
// Like electron/main, it gives the page an opaque handle and the file's name, keeps handle → path, and
// swaps handles for paths before a call reaches the engine, refusing any path sent by the page.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ChosenFile, OpParsedInput } from '../../../shared/contract';
import { swapFileRefs, type SwapResult } from '../../../shared/file-refs';

export type DialogRequest = OpParsedInput<'dialog.choose'>;

/** What the person picks: a path, or null for Cancel. */
export type DialogAnswer = string | null;

const EXTENSIONS: Partial<Record<DialogRequest['purpose'], string>> = {
  vault: '.cvault',
  'recovery-sheet': '.pdf',
};

export class DialogStandIn {
  private readonly paths = new Map<string, string>();
  private readonly answers: DialogAnswer[] = [];
  private counter = 0;
  /** Every dialog the page opened, in order: what it asked for and what it got. */
  readonly opened: Array<{ request: DialogRequest; path: string | null }> = [];

  constructor(private readonly dir: string) {}

  /** The answer to the next dialog the page opens (queued: one per call). */
  next(answer: DialogAnswer): void {
    this.answers.push(answer);
  }

  /** The path behind a handle the page was given. */
  pathOf(handle: string): string | null {
    return this.paths.get(handle) ?? null;
  }

  /** dialog.choose, answered as the shell would after the person chose. */
  choose(request: DialogRequest): ChosenFile | null {
    const picked = this.answers.length ? this.answers.shift()! : this.freshPath(request);
    this.opened.push({ request, path: picked });
    if (picked === null) return null;
    // A folder dialog can create the folder it returns (createDirectory), so it always exists.
    if (request.kind === 'folder') mkdirSync(picked, { recursive: true });
    const handle = `h-${randomBytes(18).toString('base64url')}`;
    this.paths.set(handle, picked);
    return { handle, name: path.basename(picked) };
  }

  /** As main's FileHandles.swap: every {handle} becomes {path}; a {path} from the page is refused. */
  swap(input: unknown): SwapResult {
    return swapFileRefs(input, (handle) => this.pathOf(handle));
  }

  private freshPath(request: DialogRequest): string {
    this.counter += 1;
    const suggested = request.suggestedName ? path.basename(request.suggestedName) : '';
    const base = suggested || `${request.purpose}-${this.counter}${EXTENSIONS[request.purpose] ?? ''}`;
    let candidate = path.join(this.dir, base);
    for (let n = 2; existsSync(candidate); n++) {
      const ext = path.extname(base);
      candidate = path.join(this.dir, `${path.basename(base, ext)} (${n})${ext}`);
    }
    return candidate;
  }
}
