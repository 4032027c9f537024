// Process entry of the `closeout` command (bin/closeout.js loads the bundled copy of this file).
import { runCli } from './program';
import { removeTemporaryFiles } from './temporary';

// Nothing the command wrote for a moment (a plaintext export on its way to standard output, a partial
// file beside an --out target) outlives it: on a normal exit, and when it is told to stop at once —
// SIGTERM, SIGHUP (its terminal went away) or SIGPIPE — it removes them and exits with 128 + the signal.
process.once('exit', removeTemporaryFiles);
for (const [signal, number] of [
  ['SIGTERM', 15],
  ['SIGHUP', 1],
  ['SIGPIPE', 13],
] as const)
  process.on(signal, () => {
    removeTemporaryFiles();
    process.exit(128 + number);
  });
// The reader of standard output has gone (`| head -1`): stop quietly, as a closed pipe stops any tool.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  removeTemporaryFiles();
  process.exit(128 + 13);
});

// Ctrl+C: a running job is asked to stop cleanly (it commits nothing); with no job running, exit now.
const interruptHandlers = new Set<() => void>();
process.on('SIGINT', () => {
  if (interruptHandlers.size === 0) {
    process.stderr.write('closeout: CANCELLED: interrupted\n');
    process.exit(130);
  }
  for (const handler of interruptHandlers) handler();
});

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => {
    interruptHandlers.add(handler);
    return () => interruptHandlers.delete(handler);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`closeout: INTERNAL: ${String(error)}\n`);
    process.exitCode = 70;
  },
);
