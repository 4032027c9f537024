// The preload: exposes `window.closeout` (one function per contract operation, plus `on(event)`)
// and nothing else — no ipcRenderer, no generic invoke, no process. Bundled into one file that
// needs only `electron`, as a sandboxed preload must be.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../shared/bridge';
import { CHANNEL_PREFIX, DROP_CHANNEL, EVENT_CHANNEL, isEventName, OP_NAMES } from '../shared/contract';

const bridge = buildBridge(
  OP_NAMES,
  (op, input, options) => ipcRenderer.invoke(CHANNEL_PREFIX + op, input, options),
  (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
  // The path comes from the File itself (empty for a File the page constructed), never from the page.
  async (file) => {
    let path = '';
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      /* not a File: treated like one without a path */
    }
    return path ? ipcRenderer.invoke(DROP_CHANNEL, path) : { ok: true, value: null };
  },
);

contextBridge.exposeInMainWorld('closeout', bridge);
