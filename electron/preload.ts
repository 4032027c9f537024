// The preload: exposes `window.closeout` (one function per contract operation, plus `on(event)`)
// and nothing else — no ipcRenderer, no generic invoke, no process. Bundled into one file that
// needs only `electron`, as a sandboxed preload must be.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../shared/bridge';
import { channelFor, EVENT_CHANNEL, isEventName } from '../shared/contract';

const bridge = buildBridge(
  (op, input, options) => ipcRenderer.invoke(channelFor(op), input, options),
  (listener) => {
    const wrapped = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('closeout', bridge);
