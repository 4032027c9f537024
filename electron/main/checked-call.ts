// The checks every call from a window passes on its way to the engine, apart from who sent it (ipc.ts
// checks that first): the operation is in the contract, its input and options match their schemas (so
// nothing malformed even crosses into the worker, and a file handle is only accepted in a field declared
// for the purpose it was chosen for), operations only the shell can answer go to the shell, file handles
// become paths (file-handles.ts) and a path sent by a window is refused, and every outcome — refusals and
// unexpected errors included — is a Result value. It imports nothing from `electron`, so the e2e harness
// puts the very same checks in front of its engine.
import { randomUUID } from 'node:crypto';
import { callOptionsSchema, type CallOptions, type ContractShape } from '../../shared/contract';
import { formatError, type ErrorCode } from '../../shared/errors';
import type { SwapResult } from '../../shared/file-refs';
import { fail, type Result } from '../../shared/result';
import { describeZodError } from '../../shared/zod-message';

/** Where checked calls go: the engine (in the app, its worker). */
export interface CallTarget {
  call(op: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
}

/** What only the shell answers (operations with host: 'shell'), and the handles it issued for files. */
export interface ShellSide<Sender> {
  run(op: string, input: unknown, sender: Sender): Promise<Result<unknown>>;
  swap(input: unknown): SwapResult;
}

export type CheckedCall<Sender> = (
  op: string,
  input: unknown,
  options: unknown,
  sender: Sender,
) => Promise<Result<unknown>>;

export function refusal(code: ErrorCode, details?: Record<string, unknown>): Result<never> {
  return fail(code, formatError(code, 'en', details), details);
}

export function checkedCall<Sender>(
  contract: ContractShape,
  engine: CallTarget,
  shell: ShellSide<Sender>,
): CheckedCall<Sender> {
  return async (op, input, options, sender) => {
    try {
      if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(contract, op))
        return refusal('UNKNOWN_OPERATION', { op: String(op) });
      const spec = contract[op];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) return refusal('INVALID_INPUT', { detail: describeZodError(parsed.error) });
      const parsedOptions = callOptionsSchema.safeParse(options);
      if (!parsedOptions.success)
        return refusal('INVALID_INPUT', { detail: describeZodError(parsedOptions.error) });
      if (spec.host === 'shell') return await shell.run(op, parsed.data, sender);
      // Windows name files by dialog handles only; the engine gets the paths behind them.
      const swapped = shell.swap(parsed.data);
      if (!swapped.ok) return refusal(swapped.code);
      let succeeded = false;
      try {
        const result = await engine.call(op, swapped.value, parsedOptions.data);
        succeeded = result.ok;
        return result;
      } finally {
        swapped.settle(succeeded);
      }
    } catch (error) {
      const ref = randomUUID().slice(0, 8);
      console.error(
        `closeout: internal error ${ref} in ${String(op)}: ${error instanceof Error ? error.stack : error}`,
      );
      return refusal('INTERNAL', { ref });
    }
  };
}
