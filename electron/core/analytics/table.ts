// analytics.table: the live customers counted over the cross product of the chosen dimensions, every
// count from 1 to k-1 suppressed and enough others with it that no suppressed count can be worked out
// from the totals (shared/analytics/suppress.ts). What the page charts and every export writes.
import { ANY, UNKNOWN, valueOf, type AnalyticsDimension } from '../../../shared/analytics/dimensions';
import { suppressCells } from '../../../shared/analytics/suppress';
import type { AnalyticsTable, OpParsedInput } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { forEachFacts } from './facts';

/** The largest cross product a table may span (suppression then costs a second or two at most). */
const MAX_CELLS = 2000;

const SPEND_ORDER = ['lt-1k', '1k-10k', '10k-100k', 'ge-100k'];

/** Values in reading order: spend bands by amount, the rest alphabetically (periods chronologically), unknown last. */
function ordered(dimension: AnalyticsDimension, values: Iterable<string>): string[] {
  const rank = (v: string) => (v === UNKNOWN || v === ANY ? 1 : 0);
  return [...values].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (dimension === 'spend') return SPEND_ORDER.indexOf(a) - SPEND_ORDER.indexOf(b);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

export function analyticsTable(
  vault: OpenVault,
  input: Pick<OpParsedInput<'analytics.table'>, 'by' | 'k' | 'period' | 'excludeObjected'>,
  now = new Date(),
): AnalyticsTable {
  const today = now.toISOString().slice(0, 10);
  const { by, k } = input;
  const tally = new Map<string, number>();
  const seen = by.map(() => new Set<string>());
  forEachFacts(vault.db, input.excludeObjected, (facts) => {
    const values = by.map((d, i) => {
      const v = valueOf(d, facts, 0, today, input.period);
      seen[i].add(v);
      return v;
    });
    const key = values.join('\u0000');
    tally.set(key, (tally.get(key) ?? 0) + 1);
  });
  const axes = by.map((d, i) => ordered(d, seen[i]));
  const size = axes.reduce((n, a) => n * a.length, 1);
  if (size > MAX_CELLS) throw new EngineError('ANALYTICS_TOO_MANY_CELLS', { cells: size, max: MAX_CELLS });

  const combos: string[][] = [];
  const walk = (prefix: string[]) => {
    if (prefix.length === axes.length) combos.push(prefix);
    else for (const v of axes[prefix.length]) walk([...prefix, v]);
  };
  if (tally.size > 0) walk([]);
  const counts = combos.map((values) => tally.get(values.join('\u0000')) ?? 0);
  const hidden = suppressCells(
    axes.map((a) => a.length),
    counts,
    k,
  );
  const cells = combos
    .map((values, i) => ({ values, count: hidden[i] ? null : counts[i] }))
    .filter((c, i) => hidden[i] || counts[i] > 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    by,
    k,
    period: input.period,
    excludeObjected: input.excludeObjected,
    axes,
    cells,
    total: total >= k ? total : null,
    suppressed: hidden.filter(Boolean).length,
  };
}
