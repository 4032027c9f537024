// Small-cell and complementary suppression judged by an attacker who knows every line total and solves
// for the suppressed cells in whole numbers: no count below k is published, and every suppressed small
// cell has at least two values consistent with what is published.
import fc from 'fast-check';
import { knownLines, suppressCells } from '../../../../shared/analytics/suppress';

/**
 * Another whole-number value of `target` consistent with the published table and the known totals, or
 * null when they pin it: an exhaustive search (cells nearest the target first, sums checked both ways).
 */
function alternative(
  sizes: number[],
  counts: number[],
  hidden: boolean[],
  k: number,
  target: number,
): number | null {
  const lines = knownLines(sizes, counts, k)
    .map((line) => line.filter((i) => hidden[i]))
    .filter((cells) => cells.length > 0)
    .map((cells) => ({ cells, sum: cells.reduce((s, i) => s + counts[i], 0) }));
  const linesOf = (i: number) => lines.filter((l) => l.cells.includes(i));
  const max = (i: number) => Math.min(...linesOf(i).map((l) => l.sum));
  const order = [target];
  for (let n = 0; n < order.length; n++)
    for (const l of linesOf(order[n])) for (const c of l.cells) if (!order.includes(c)) order.push(c);
  const value = new Map<number, number>();
  const fits = (i: number) =>
    linesOf(i).every(({ cells, sum }) => {
      const low = cells.reduce((s, c) => s + (value.get(c) ?? 0), 0);
      const high = cells.reduce((s, c) => s + (value.get(c) ?? max(c)), 0);
      return low <= sum && sum <= high;
    });
  const search = (n: number): boolean => {
    if (n === order.length) return true;
    const i = order[n];
    for (let v = 0; v <= max(i); v++) {
      if (n === 0 && v === counts[i]) continue;
      value.set(i, v);
      if (fits(i) && search(n + 1)) return true;
      value.delete(i);
    }
    return false;
  };
  return search(0) ? value.get(target)! : null;
}

const table = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
  .filter((sizes) => sizes.reduce((a, b) => a * b, 1) <= 18)
  .chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      counts: fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 15 })),
        {
          minLength: sizes.reduce((a, b) => a * b, 1),
          maxLength: sizes.reduce((a, b) => a * b, 1),
        },
      ),
      k: fc.integer({ min: 2, max: 6 }),
    }),
  );

describe('suppressCells', () => {
  it('publishes no count from 1 to k-1', () => {
    fc.assert(
      fc.property(table, ({ sizes, counts, k }) => {
        const hidden = suppressCells(sizes, counts, k);
        return counts.every((n, i) => hidden[i] || n === 0 || n >= k);
      }),
    );
  });

  it('leaves no suppressed small cell derivable from the line totals of k or more (whole-number attacker)', () => {
    fc.assert(
      fc.property(table, ({ sizes, counts, k }) => {
        const hidden = suppressCells(sizes, counts, k);
        const lines = knownLines(sizes, counts, k);
        counts.forEach((n, i) => {
          if (n === 0 || n >= k) return;
          // A cell on no known line (its totals are all below k) cannot be derived from them.
          if (!lines.some((l) => l.includes(i))) return;
          if (alternative(sizes, counts, hidden, k, i) !== null) return;
          // Pinned: only acceptable when the known totals pin it with every cell hidden (nothing a
          // table can hide; the totals themselves give it away).
          const all = counts.map(() => true);
          expect({ cell: i, pinnedByTotalsAlone: alternative(sizes, counts, all, k, i) === null }).toEqual({
            cell: i,
            pinnedByTotalsAlone: true,
          });
        });
      }),
      { numRuns: 100 },
    );
  });

  it('hides a second cell of the row when one small cell could be derived from the row total', () => {
    // 2 × 3: row totals 18 and 26, column totals known. The 2 alone would be 18 − 10 − 6.
    const sizes = [2, 3];
    const counts = [2, 10, 6, 9, 8, 9];
    const hidden = suppressCells(sizes, counts, 5);
    expect(hidden[0]).toBe(true);
    expect(hidden.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(alternative(sizes, counts, hidden, 5, 0)).not.toBeNull();
  });

  it('hides no more than a rectangle around one small cell of a full table', () => {
    const counts = [3, 20, 30, 40, 50, 60, 70, 80, 90];
    const hidden = suppressCells([3, 3], counts, 5);
    expect(hidden.filter(Boolean)).toHaveLength(4);
    expect(hidden[0]).toBe(true);
  });

  it('hides nothing when every count reaches k', () => {
    expect(suppressCells([2, 2], [5, 6, 7, 8], 5)).toEqual([false, false, false, false]);
  });
});
