// A fake `window.closeout` for the renderer's tests, built like the preload's: shared/bridge.ts over the
// contract's operation names. Each call passes the checks main makes (the input matches the operation's
// schema, whose file fields take only a handle issued for their purpose and kind of dialog, in the form
// main's handle table writes; a handle this fake did not issue is unknown; a path is refused) before the test's handler for that operation answers it; a
// call the test did not expect is recorded and fails the test (setup-dom.ts). A test's dialog handler
// answers with any handle it likes; the page gets a real one for it, and the calls are recorded with the
// test's handle again, so a test compares inputs with what its dialog answered.
// Events (job progress, a lock) are pushed by the test with `emit`.
import { buildBridge, type CloseoutBridge } from '../../../shared/bridge';
import {
  contract,
  OP_NAMES,
  type CallOptions,
  type ChosenFile,
  type EventName,
  type FileDialogKind,
  type FilePurpose,
  type EventPayload,
  type OpName,
  type OpParsedInput,
  type OpResult,
} from '../../../shared/contract';
import { swapFileRefs } from '../../../shared/file-refs';
import { fail, type Result } from '../../../shared/result';

type Handler<K extends OpName> = (
  input: OpParsedInput<K>,
  options?: CallOptions,
) => Result<OpResult<K>> | Promise<Result<OpResult<K>>>;

export type Handlers = { [K in OpName]?: Handler<K> };

interface Call {
  op: OpName;
  input: unknown;
  options?: CallOptions;
}

export interface FakeBridge {
  readonly bridge: CloseoutBridge;
  /** Every call that reached a handler, in order. */
  readonly calls: Call[];
  /** Calls refused by the checks or with no handler: each one fails the test. */
  readonly unexpected: string[];
  /** Answers `op` from now on. */
  handle<K extends OpName>(op: K, handler: Handler<K>): void;
  /** The inputs `op` was called with, in order. */
  inputsOf<K extends OpName>(op: K): Array<OpParsedInput<K>>;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Listeners currently subscribed (a hook that unmounts must leave none behind). */
  listenerCount(): number;
}

let current: FakeBridge | null = null;

/** The fake installed by the running test, if any (setup-dom.ts checks it after each test). */
export function currentFake(): FakeBridge | null {
  return current;
}

export function uninstallFakeBridge(): void {
  current = null;
  Reflect.deleteProperty(window, 'closeout');
}

/** Installs a fresh fake as `window.closeout` (a test's earlier fake is replaced). */
export function installFakeBridge(
  handlers: Handlers = {},
  drop?: (file: unknown) => Result<ChosenFile | null>,
): FakeBridge {
  const table = new Map<OpName, Handler<OpName>>(
    Object.entries(handlers) as Array<[OpName, Handler<OpName>]>,
  );
  // The handle the page was given (main's form: h.<purpose>.<kind>.<24 characters>) → the test's own.
  const testHandles = new Map<string, string>();
  const issue = (file: ChosenFile, purpose: FilePurpose, kind: FileDialogKind): ChosenFile => {
    const handle = `h.${purpose}.${kind}.${String(testHandles.size + 1).padStart(24, '0')}`;
    testHandles.set(handle, file.handle);
    return { handle, name: file.name };
  };
  const asTestSaw = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(asTestSaw);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [
      k,
      k === 'handle' && typeof v === 'string' ? (testHandles.get(v) ?? v) : asTestSaw(v),
    ]);
    return Object.fromEntries(entries);
  };
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const calls: Call[] = [];
  const unexpected: string[] = [];

  const refuse = (op: string, why: string): Result<never> => {
    unexpected.push(`${op}: ${why}`);
    return fail('INVALID_INPUT', `${op}: ${why}`);
  };

  const invoke = async (op: string, input: unknown, options?: CallOptions): Promise<Result<unknown>> => {
    if (!Object.prototype.hasOwnProperty.call(contract, op)) return refuse(op, 'not an operation');
    const name = op as OpName;
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return refuse(op, `input refused: ${parsed.error.message}`);
    const swapped = swapFileRefs(parsed.data, (handle) => {
      const own = testHandles.get(handle);
      return own ? { ok: true, path: `/fake/${own}` } : { ok: false, code: 'FILE_HANDLE_UNKNOWN' };
    });
    if (!swapped.ok) return refuse(op, swapped.code);
    const handler = table.get(name);
    if (!handler) return refuse(op, 'no handler in this test');
    const seen = asTestSaw(parsed.data) as OpParsedInput<OpName>;
    calls.push({ op: name, input: seen, options });
    const result = await handler(seen, options);
    if (name === 'dialog.choose' && result.ok && result.value) {
      const request = parsed.data as OpParsedInput<'dialog.choose'>;
      return { ok: true, value: issue(result.value as ChosenFile, request.purpose, request.kind) };
    }
    return result;
  };

  const fileFromDrop = async (file: unknown): Promise<Result<ChosenFile | null>> => {
    if (!drop) return refuse('fileFromDrop', 'no drop handler in this test');
    const result = drop(file);
    // As main: a dropped file is one to import.
    return result.ok && result.value ? { ok: true, value: issue(result.value, 'import', 'open') } : result;
  };

  const bridge = buildBridge(
    OP_NAMES,
    invoke,
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    fileFromDrop,
  );
  // Configurable, unlike the preload's, so the next test can install its own.
  Object.defineProperty(window, 'closeout', { value: bridge, configurable: true, enumerable: true });

  const fake: FakeBridge = {
    bridge,
    calls,
    unexpected,
    handle: (op, handler) => {
      table.set(op, handler as unknown as Handler<OpName>);
    },
    inputsOf: <K extends OpName>(op: K) =>
      calls.filter((c) => c.op === op).map((c) => c.input as OpParsedInput<K>),
    emit: (event, payload) => {
      for (const listener of [...listeners]) listener(event, payload);
    },
    listenerCount: () => listeners.size,
  };
  current = fake;
  return fake;
}

/** A promise the test settles by hand, to see a hook while a call is still on its way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
