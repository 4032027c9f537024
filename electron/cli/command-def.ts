// What a hand-written CLI command is: the operation it runs, how its arguments become the operation's
// input, and how its result is printed. In its own module so the command lists can be split across
// files (commands/index.ts gathers them) without an import cycle.
import type { Command } from 'commander';
import type { Lang } from '../../shared/errors';
import type { OpInput, OpName, OpResult } from '../../shared/contract';

/** Runs an operation as the command does (progress, Ctrl+C), throwing its error. */
export type CliCall = <O extends OpName>(op: O, input: OpInput<O>) => Promise<OpResult<O>>;

export interface CommandDef<K extends OpName = OpName> {
  /** Words after `closeout`, e.g. ['vault', 'list']. */
  path: readonly string[];
  op: K;
  description: string;
  /** Positional arguments after FILE, in commander syntax, e.g. ['<id>']. */
  args?: readonly string[];
  /** The first argument is a vault FILE that is unlocked for the operation. */
  vault?: boolean;
  configure?: (command: Command) => void;
  input: (args: string[], options: Record<string, unknown>, env: NodeJS.ProcessEnv) => OpInput<K>;
  human: (value: OpResult<K>, lang: Lang) => string;
  /** Exit code for a successful call whose result still reports a problem (checks). */
  exitCode?: (value: OpResult<K>) => number;
  /** Something to do with the result besides printing it (e.g. write a key file). Returns what to print. */
  after?: (value: OpResult<K>, options: Record<string, unknown>, lang: Lang) => OpResult<K>;
  /**
   * For a vault command: a result to use instead of unlocking the vault, when one applies (a wipe whose
   * keys are already destroyed is finished from its journal). Null: unlock and run `op` as usual.
   */
  instead?: (file: string, call: CliCall) => Promise<OpResult<K> | null>;
  /** Prints the result itself (e.g. streams a file to standard output); true when it did. */
  print?: (
    value: OpResult<K>,
    options: Record<string, unknown>,
    stdout: NodeJS.WritableStream,
  ) => Promise<boolean>;
}
