// Opaque handles for files the person chose in a native dialog. The window only ever sees the handle
// (and the file's name); main swaps it for the path before the call reaches the engine.
import { randomBytes } from 'node:crypto';
import { swapFileRefs, type SwapResult } from '../../shared/file-refs';

export class FileHandles {
  private readonly paths = new Map<string, string>();

  issue(path: string): string {
    const handle = `h-${randomBytes(18).toString('base64url')}`;
    this.paths.set(handle, path);
    return handle;
  }

  resolve(handle: string): string | null {
    return this.paths.get(handle) ?? null;
  }

  /** Every `{handle}` in an input becomes `{path}`; a `{path}` sent by a window is refused. */
  swap(input: unknown): SwapResult {
    return swapFileRefs(input, (handle) => this.resolve(handle));
  }
}
