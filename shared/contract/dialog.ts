// dialog.*: what only the desktop shell can do (native dialogs); the engine answers SHELL_ONLY.
import { z } from 'zod';
import { FILE_PURPOSE_NAMES, FILE_PURPOSES, op, type OpSpec } from './op';

/** A file the person chose in a native dialog: an opaque handle for the window, and the name to show. */
export interface ChosenFile {
  handle: string;
  name: string;
}

export const dialogOps = {
  'dialog.choose': op<ChosenFile | null>()({
    input: z
      .strictObject({
        kind: z.enum(['open', 'save', 'folder']),
        purpose: z.enum(FILE_PURPOSE_NAMES),
        suggestedName: z.string().max(200).optional(),
      })
      .refine((d) => (FILE_PURPOSES[d.purpose] as readonly string[]).includes(d.kind), {
        message: 'this purpose is not chosen in that kind of dialog',
        path: ['kind'],
      }),
    access: 'public',
    job: false,
    writes: false,
    host: 'shell',
    summary: 'Ask the person to choose a file or folder; the window gets a handle, never the path',
  }),
} as const satisfies Record<string, OpSpec>;
