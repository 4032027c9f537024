// Builds and runs the `closeout` command. Kept free of process-global state so tests can run it in
// process with their own argv, environment and streams.
import { Command, CommanderError } from 'commander';
import { contract, OP_NAMES, type JobProgress, type OpName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { resolveDataDir } from '../core/app/data-dir';
import { createEngine, type EngineClient } from '../core/host/in-process';
import pkg from '../../package.json';
import { CliError, errorLine } from './cli-error';
import { commands, type CommandDef } from './commands';
import { cliLang } from './lang';
import { refusePassphraseInArgv } from './passphrase';
import { progressPrinter } from './progress';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  /** Registers a Ctrl+C handler; returns its removal. */
  onInterrupt: (handler: () => void) => () => void;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = cliLang(io.env);
  let engine: EngineClient | null = null;
  const getEngine = () =>
    (engine ??= createEngine({ dataDir: resolveDataDir(io.env), electronVersion: null }));

  const program = new Command('closeout')
    .description('Closeout 客户信息善后: offline end-of-life handling of customer data')
    .version(pkg.version, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  const covered = new Set(commands.map((c) => c.op));
  const generic: CommandDef[] = OP_NAMES.filter((op) => !covered.has(op)).map((op) => ({
    path: op.split('.'),
    op,
    description: contract[op].summary,
    configure: (c) => c.option('--input <json>', 'operation input as JSON', '{}'),
    input: (_args, o) => parseJsonInput(o.input as string),
    human: (value) => JSON.stringify(value, null, 2),
  }));

  let exitCode = 0;
  for (const def of [...commands, ...generic]) {
    const command = commandAt(program, def.path);
    command.description(def.description).option('--json', 'print the result as JSON');
    def.configure?.(command);
    command.action(async (...actionArgs: unknown[]) => {
      const cmd = actionArgs[actionArgs.length - 1] as Command;
      const options = cmd.opts();
      const result = await runOp(getEngine(), def.op, def.input(cmd.args, options), io);
      if (!result.ok) throw new CliError(result.error);
      io.stdout.write(
        (options.json ? JSON.stringify(result.value, null, 2) : def.human(result.value as never, lang)) +
          '\n',
      );
    });
  }

  try {
    refusePassphraseInArgv(argv);
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    exitCode = reportFailure(error, io, lang);
  } finally {
    await (engine as EngineClient | null)?.close();
  }
  return exitCode;
}

function commandAt(program: Command, path: readonly string[]): Command {
  let parent = program;
  for (const [i, word] of path.entries()) {
    const existing = parent.commands.find((c) => c.name() === word);
    parent = existing ?? parent.command(word);
    if (i < path.length - 1 && !existing) parent.description(`${word} commands`);
  }
  return parent;
}

function parseJsonInput(text: string): never {
  try {
    return JSON.parse(text) as never;
  } catch (error) {
    throw CliError.of('INVALID_INPUT', { detail: `--input is not JSON (${(error as Error).message})` }, 2);
  }
}

async function runOp(engine: EngineClient, op: OpName, input: unknown, io: CliIo): Promise<Result<unknown>> {
  if (!contract[op].job) return engine.call(op, input);
  const jobId = `cli-${process.pid}-${Date.now()}`;
  const printer = progressPrinter(io.stderr);
  const stopEvents = engine.on((event, payload) => {
    if (event === 'job.progress' && (payload as JobProgress).job === jobId)
      printer.update(payload as JobProgress);
  });
  // Ctrl+C asks the job to stop cleanly (it commits nothing) instead of killing it half-way.
  const stopInterrupt = io.onInterrupt(() => void engine.call('job.cancel', { job: jobId }));
  try {
    return await engine.call(op, input, { jobId });
  } finally {
    stopInterrupt();
    stopEvents();
    printer.done();
  }
}

function reportFailure(error: unknown, io: CliIo, lang: 'zh-CN' | 'en'): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; usage errors were already printed by commander.
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr.write(errorLine(error.error, lang) + '\n');
    return error.error.code === 'CANCELLED' ? 130 : error.exitCode;
  }
  io.stderr.write(`closeout: INTERNAL: ${(error as Error)?.message ?? String(error)}\n`);
  return 70;
}
