// The test's stand-in for the shell's native dialogs (dialog.choose): the test says which path the
// person "picks" (dialogs.next), or a fresh path in the test's folder is picked from the suggested name.
// The handles come from main's own table (electron/main/file-handles.ts): bound to the purpose and kind
// of dialog, expiring, spent by a save, forgotten on a lock, swapped for paths before a call reaches the
// engine, and any path sent by the page refused — exactly as in the app.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { FileHandles } from '../../../electron/main/file-handles';
import type { ChosenFile, OpParsedInput } from '../../../shared/contract';
import type { SwapResult } from '../../../shared/file-refs';

export type DialogRequest = OpParsedInput<'dialog.choose'>;

/** What the person picks: a path, or null for Cancel. */
export type DialogAnswer = string | null;

const EXTENSIONS: Partial<Record<DialogRequest['purpose'], string>> = {
  vault: '.cvault',
  'recovery-sheet': '.pdf',
};

export class DialogStandIn {
  /** main's handle table; the fixture forgets its handles on every lock, as main does. */
  readonly handles = new FileHandles();
  private readonly answers: DialogAnswer[] = [];
  private counter = 0;
  /** Every dialog the page opened, in order: what it asked for and what it got. */
  readonly opened: Array<{ request: DialogRequest; path: string | null }> = [];

  constructor(private readonly dir: string) {}

  /** The answer to the next dialog the page opens (queued: one per call). */
  next(answer: DialogAnswer): void {
    this.answers.push(answer);
  }

  /** dialog.choose, answered as the shell would after the person chose. */
  choose(request: DialogRequest): ChosenFile | null {
    const picked = this.answers.length ? this.answers.shift()! : this.freshPath(request);
    this.opened.push({ request, path: picked });
    if (picked === null) return null;
    // A folder dialog can create the folder it returns (createDirectory), so it always exists.
    if (request.kind === 'folder') mkdirSync(picked, { recursive: true });
    return { handle: this.handles.issue(picked, request.purpose, request.kind), name: path.basename(picked) };
  }

  /** main's FileHandles.swap: every {handle} becomes {path}; a {path} from the page is refused. */
  swap(input: unknown): SwapResult {
    return this.handles.swap(input);
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
