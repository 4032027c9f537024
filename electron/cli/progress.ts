// Job progress on stderr: redrawn in place on a terminal; as plain lines (at most one a second) when
// CLOSEOUT_PROGRESS=1 asks for it in a log; otherwise silent, so scripts and --json output stay clean.
import type { JobProgress } from '../../shared/contract';

function formatProgress(p: JobProgress): string {
  const pct = p.total ? Math.floor((100 * p.done) / p.total) : null;
  const bar = pct === null ? '' : `[${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${pct}% `;
  const count = p.total === null ? `${p.done}` : `${p.done}/${p.total}`;
  const eta = p.etaSeconds === null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  return `${p.phase} ${bar}${count} ${p.rate.toFixed(0)}/s${eta}`;
}

export function progressPrinter(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv) {
  const tty = Boolean(stream.isTTY);
  const lines = !tty && env.CLOSEOUT_PROGRESS === '1';
  let shown = false;
  let lastLine = 0;
  return {
    update(p: JobProgress) {
      if (tty) {
        stream.write(`\r\x1b[2K${formatProgress(p)}`);
        shown = true;
      } else if (lines && Date.now() - lastLine >= 1000) {
        lastLine = Date.now();
        stream.write(`progress: ${formatProgress(p)}\n`);
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
