// `closeout <namespace> <verb> [FILE] --input JSON`: every operation without a hand-written command, by
// its operation name, its result printed as JSON.
import { contract, OP_NAMES, type OpName } from '../../../shared/contract';
import type { CommandDef } from '../command-def';
import { parseJsonInput } from '../helpers';
import { refuseSecretsInInput } from '../passphrase';

/**
 * Words scripts already use for operations that were renamed since (the generic commands follow the
 * operation names): kept as they were, with the same --input and output.
 */
const KEPT_PATHS: Partial<Record<OpName, readonly string[]>> = {
  'import.mappings': ['mappings', 'list'],
  'import.saveMapping': ['mappings', 'save'],
  'import.deleteMapping': ['mappings', 'delete'],
  'dispositions.set': ['dispose', 'set'],
  'classification.override': ['records', 'override'],
};

function genericCommand(op: OpName, path: readonly string[], description: string): CommandDef {
  return {
    path,
    op,
    vault: contract[op].access !== 'public',
    description,
    configure: (c) => c.option('--input <json>', 'operation input as JSON', '{}'),
    input: (_args, o) => {
      const input = parseJsonInput(o.input as string);
      refuseSecretsInInput(input);
      return input;
    },
    human: (value) => JSON.stringify(value, null, 2),
  };
}

/** A generic command for each operation that `handWritten` does not cover, and the kept words. */
export function genericCommands(handWritten: readonly CommandDef[]): CommandDef[] {
  const covered = new Set(handWritten.map((c) => c.op));
  return OP_NAMES.filter((op) => !covered.has(op)).flatMap((op) => [
    genericCommand(op, op.split('.'), contract[op].summary),
    ...(KEPT_PATHS[op] ? [genericCommand(op, KEPT_PATHS[op], contract[op].summary)] : []),
  ]);
}
