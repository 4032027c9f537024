// Process entry of the `closeout` command (bin/closeout.js loads the bundled copy of this file).
import { runCli } from './program';

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
