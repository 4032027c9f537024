// The one IPC choke point. Every operation of the contract is registered here and nowhere else; each
// call's sender is checked here, then its input and options (checked-call.ts) before it reaches the engine,
// and every answer, refusals included, is a Result value: a thrown error would lose everything but its
// message across IPC.
import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { IpcMain } from 'electron';
import {
  channelFor,
  contract,
  DROP_CHANNEL,
  EVENT_CHANNEL,
  type ChosenFile,
  OP_NAMES,
  type OpName,
} from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { EngineClient } from '../core/host/index';
import { isAppUrl } from './app-url';
import type { AppWindows } from './app-windows';
import { checkedCall, refusal } from './checked-call';
import { FileHandles } from './file-handles';
import { checkSender, type SenderEvent } from './sender';

export type IpcCall = (
  op: OpName,
  event: SenderEvent,
  input: unknown,
  options: unknown,
) => Promise<Result<unknown>>;

/** What only the shell answers (contract operations with host: 'shell'), and the file handles it issued. */
export interface Shell {
  handles: FileHandles;
  run: (op: OpName, event: SenderEvent, input: unknown) => Promise<Result<unknown>>;
}

const noShell: Shell = { handles: new FileHandles(), run: async () => refusal('SHELL_ONLY') };

export function handleCall(engine: EngineClient, windows: AppWindows, shell: Shell = noShell): IpcCall {
  const checked = checkedCall<SenderEvent>(
    contract,
    { call: (op, input, options) => engine.call(op as OpName, input, options) },
    {
      run: (op, input, event) => shell.run(op as OpName, event, input),
      swap: (input) => shell.handles.swap(input),
    },
  );
  return async (op, event, input, options) => {
    const verdict = checkSender(event, windows);
    if (!verdict.trusted) {
      console.warn(`closeout: refused ${op}: ${verdict.reason}`);
      return refusal('FORBIDDEN_SENDER');
    }
    return checked(op, input, options, event);
  };
}

/**
 * A file dropped onto the window (DROP_CHANNEL): the preload read its path from the dropped File. It is
 * answered like a dialog — a handle and the name — for a regular file only; anything else is refused.
 */
export function handleDrop(windows: AppWindows, handles: FileHandles) {
  return (event: SenderEvent, path: unknown): Result<ChosenFile | null> => {
    const verdict = checkSender(event, windows);
    if (!verdict.trusted) {
      console.warn(`closeout: refused a dropped file: ${verdict.reason}`);
      return refusal('FORBIDDEN_SENDER');
    }
    if (typeof path !== 'string' || path.length > 4096 || !isAbsolute(path) || path.includes('\0'))
      return refusal('INVALID_INPUT', { detail: 'not the path of a dropped file' });
    try {
      if (!statSync(path).isFile()) return refusal('INVALID_INPUT', { detail: 'a folder, not a file' });
    } catch {
      return refusal('INVALID_INPUT', { detail: 'the dropped file is gone' });
    }
    // A dropped file is one to import (the only window that takes drops is the import wizard).
    return { ok: true, value: { handle: handles.issue(path, 'import', 'open'), name: basename(path) } };
  };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  engine: EngineClient,
  windows: AppWindows,
  shell?: Shell,
): void {
  const call = handleCall(engine, windows, shell);
  for (const op of OP_NAMES) {
    ipcMain.handle(channelFor(op), (event, input: unknown, options: unknown) =>
      call(op, event, input, options),
    );
  }
  const dropped = handleDrop(windows, (shell ?? noShell).handles);
  ipcMain.handle(DROP_CHANNEL, (event, path: unknown) => dropped(event, path));
}

/** Engine events go to the app's own windows only, and only while they show the app. */
export function forwardEvents(engine: EngineClient, windows: AppWindows): () => void {
  return engine.on((name, payload) => {
    for (const win of windows.list()) {
      const contents = win.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(EVENT_CHANNEL, name, payload);
    }
  });
}
