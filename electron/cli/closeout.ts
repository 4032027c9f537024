// Process entry of the `closeout` command (bin/closeout.js loads the bundled copy of this file).
import { runCli } from './program';

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
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
