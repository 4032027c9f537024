// `window.closeout`: one function per operation plus `on(event)`. Built from the contract by the
// preload (over ipcRenderer) and by the e2e harness (over a Playwright binding, from the contract its test
// engine runs), so both are the same.
import {
  type ChosenFile,
  EVENT_NAMES,
  type CallOptions,
  type EventName,
  type EventPayload,
  type OpInput,
  type OpName,
  type OpResult,
} from './contract';
import type { Result } from './result';

export type BridgeCall<K extends OpName> = (
  input: OpInput<K>,
  options?: CallOptions,
) => Promise<Result<OpResult<K>>>;

export type Unsubscribe = () => void;

export type CloseoutBridge = { readonly [K in OpName]: BridgeCall<K> } & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
  /**
   * A file the person dropped onto the window (a DOM File from a drop event) → a handle and its name, as
   * a dialog answers; null when the File is not a file on disk (one the page made up has no path).
   */
  readonly fileFromDrop: DropFile;
};

export type Invoke = (op: string, input: unknown, options?: CallOptions) => Promise<unknown>;
export type Subscribe = (listener: (event: EventName, payload: unknown) => void) => Unsubscribe;
export type DropFile = (file: unknown) => Promise<Result<ChosenFile | null>>;

/**
 * `subscribe` is called once per `on()`, and its unsubscribe is returned as is, so a listener can
 * always be removed (a preload listener that cannot be removed leaks across page reloads).
 */
export function buildBridge(
  ops: readonly string[],
  invoke: Invoke,
  subscribe: Subscribe,
  fileFromDrop: DropFile,
): CloseoutBridge {
  const api: Record<string, unknown> = {};
  for (const name of ops) {
    api[name] = (input: unknown, options?: CallOptions) => invoke(name, input ?? {}, options);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): Unsubscribe => {
    if (!EVENT_NAMES.includes(event)) throw new TypeError(`closeout.on: unknown event ${event}`);
    if (typeof listener !== 'function') throw new TypeError('closeout.on: listener must be a function');
    return subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  };
  api.fileFromDrop = (file: unknown) => fileFromDrop(file);
  return Object.freeze(api) as CloseoutBridge;
}
