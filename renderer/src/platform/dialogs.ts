// Native file dialogs through the shell (dialog.choose): the window gets a handle and the file's name,
// never a path. Cancelling answers null.
import type { ChosenFile, OpInput } from '../../../shared/contract';
import { api, type Result } from './api';

export type DialogRequest = OpInput<'dialog.choose'>;

export function chooseFile(request: DialogRequest): Promise<Result<ChosenFile | null>> {
  return api.call('dialog.choose', request);
}

/** A file name safe on every platform, from a company name: no path separators or reserved characters. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 ? ' ' : c))
    .join('')
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return cleaned || fallback;
}
