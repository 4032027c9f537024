// What the CLI's command groups share: the language switch for output, reading option values (text,
// whole numbers, JSON, repeatable options) with one clear INVALID_INPUT error (exit 2) when they are
// wrong, and `define`, which types a command against its operation before it joins the list.
import { readFileSync } from 'node:fs';
import type { OpName } from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import type { RecordFilter } from '../../shared/records';
import { CliError } from './cli-error';
import type { CommandDef } from './command-def';

/** A command typed against its operation's input and result, as one of the list. */
export const define = <K extends OpName>(def: CommandDef<K>): CommandDef => def as unknown as CommandDef;

/** The Chinese or the English text, by the CLI's language. */
export const t = (lang: Lang, zh: string, en: string): string => (lang === 'zh-CN' ? zh : en);

/** An option's value when it is text (commander gives booleans and arrays too). */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** For repeatable options: `--rule a --rule b` → ['a', 'b']. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A whole number of at least `min`, or INVALID_INPUT naming the option or argument. */
export function whole(name: string, text: string | undefined, min = 1): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n) || n < min)
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `${name} must be a whole number ≥ ${min} (not ${text})` },
      2,
    );
  return n;
}

/** Commander's parser of an option that takes one of `values`, or INVALID_INPUT naming the option. */
export const oneOf =
  <T extends string>(name: string, values: readonly T[]) =>
  (text: string): T => {
    if ((values as readonly string[]).includes(text)) return text as T;
    throw CliError.of(
      'INVALID_INPUT',
      { detail: `${name} must be one of ${values.join(', ')} (not ${text})` },
      2,
    );
  };

/** `whole` as commander's parser of an option's value. */
export const wholeOption =
  (name: string, min = 0) =>
  (text: string): number =>
    whole(name, text, min);

export function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `${what} ${file}: ${(error as Error).message}` }, 2);
  }
}

/** `--filter JSON`, as on the Records page; the engine checks it against the contract's schema. */
export function parseFilter(text: string | undefined): RecordFilter | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as RecordFilter;
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `--filter is not JSON (${(error as Error).message})` }, 2);
  }
}

/** `--input JSON` of the generic commands. */
export function parseJsonInput(text: string): never {
  try {
    return JSON.parse(text) as never;
  } catch (error) {
    // Where, never what: the parser's message quotes the text, which may hold something secret.
    const where = /position \d+|line \d+ column \d+/.exec((error as Error).message)?.[0];
    throw CliError.of('INVALID_INPUT', { detail: `--input is not JSON${where ? ` (at ${where})` : ''}` }, 2);
  }
}
