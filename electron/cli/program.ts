// Builds and runs the `closeout` command. Kept free of process-global state so tests can run it in
// process with their own argv, environment and streams.
import { Command, CommanderError } from 'commander';
import { contract, type JobProgress, type OpName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { resolveDataDir } from '../core/app/data-dir';
import { createEngine, type EngineClient } from '../core/host/in-process';
import pkg from '../../package.json';
import { CliError, errorLine, OutputClosed } from './cli-error';
import { commands } from './commands';
import { genericCommands } from './commands/generic';
import { decodeRecoveryKeyCommand } from './commands/recovery-key';
import { cliLang } from './lang';
import { readPassphrase, readSecretFile, refusePassphraseInArgv } from './passphrase';
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
    // The program has no options of its own after a command; this lets a command that runs something
    // itself also have review commands under it (`closeout dedupe FILE`, `closeout dedupe merge FILE`).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  let exitCode = 0;
  for (const def of [...commands, ...genericCommands(commands)]) {
    const command = commandAt(program, def.path);
    command.description(def.description).option('--json', 'print the result as JSON');
    if (def.vault) {
      command
        .argument('<file>', 'the vault file (.cvault)')
        .option('--user <name>', 'who unlocks (default: any user whose passphrase matches)')
        .option('--passphrase-file <file>', 'read the passphrase from this file (or set CLOSEOUT_PASSPHRASE)')
        .option('--recovery-key-file <file>', 'unlock with the recovery key read from this file');
    }
    for (const arg of def.args ?? []) command.argument(arg);
    def.configure?.(command);
    command.action(async (...actionArgs: unknown[]) => {
      const cmd = actionArgs[actionArgs.length - 1] as Command;
      const options = cmd.opts();
      const engine = getEngine();
      const args = def.vault ? cmd.args.slice(1) : cmd.args;
      // The input first: a usage error (exit 2), a secret in --input, is refused before anything runs.
      const input = def.input(args, options, io.env);
      if (def.vault) await unlockForCommand(engine, cmd.args[0], options, io.env);
      const result = await runOp(engine, def.op, input, io);
      if (!result.ok) throw new CliError(result.error);
      const value = def.after ? def.after(result.value as never, options, lang) : result.value;
      const printed = def.print ? await def.print(value as never, options, io.stdout) : false;
      if (!printed)
        io.stdout.write(
          (options.json ? JSON.stringify(value, null, 2) : def.human(value as never, lang)) + '\n',
        );
      exitCode = def.exitCode?.(value as never) ?? 0;
    });
  }

  program
    .command('recovery-key')
    .description('recovery key tools')
    .command('decode')
    .description('print the 64-hex-digit raw key for `PRAGMA key = "x\'…\'"` in any SQLCipher 4 client')
    .option('--file <file>', 'read the recovery key from this file (default: standard input)')
    .action(async (options: { file?: string }) => {
      io.stdout.write((await decodeRecoveryKeyCommand(options.file)) + '\n');
    });

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

async function unlockForCommand(
  engine: EngineClient,
  file: string,
  options: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const recoveryFile = options.recoveryKeyFile as string | undefined;
  const input = recoveryFile
    ? { vault: { path: file }, recoveryKey: readSecretFile(recoveryFile) }
    : {
        vault: { path: file },
        userName: options.user as string | undefined,
        passphrase: readPassphrase({ passphraseFile: options.passphraseFile as string | undefined }, env),
      };
  const result = await engine.call('vault.unlock', input);
  if (!result.ok) throw new CliError(result.error);
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

async function runOp(engine: EngineClient, op: OpName, input: unknown, io: CliIo): Promise<Result<unknown>> {
  if (!contract[op].job) return engine.call(op, input);
  const jobId = `cli-${process.pid}-${Date.now()}`;
  const printer = progressPrinter(io.stderr, io.env);
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
  // 128 + SIGPIPE, and no line: the reader asked for no more.
  if (error instanceof OutputClosed) return 141;
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
