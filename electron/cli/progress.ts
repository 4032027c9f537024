// Job progress on stderr, only when stderr is a terminal (scripts and --json output stay clean).
import type { JobProgress } from '../../shared/contract';

export function formatProgress(p: JobProgress): string {
  const pct = p.total ? Math.floor((100 * p.done) / p.total) : null;
  const bar = pct === null ? '' : `[${'#'.repeat(Math.floor(pct / 5)).padEnd(20, '.')}] ${pct}% `;
  const count = p.total === null ? `${p.done}` : `${p.done}/${p.total}`;
  const eta = p.etaSeconds === null ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  return `${p.phase} ${bar}${count} ${p.rate.toFixed(0)}/s${eta}`;
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let shown = false;
  return {
    update(p: JobProgress) {
      if (!stream.isTTY) return;
      stream.write(`\r\x1b[2K${formatProgress(p)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
