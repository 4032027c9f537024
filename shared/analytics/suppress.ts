// Small-cell suppression with complementary suppression, for a table of counts over the cross product of
// n dimensions (flattened, last dimension fastest). The reader is assumed to know every line total of k
// or more (the sum of the cells that differ in one dimension only: row and column totals in two
// dimensions, any margin the Dashboard shows; a smaller total is itself a small cell no one publishes),
// and that a cell never listed is 0. Primary: every count 1..k-1 is
// suppressed. Complementary: each line holding a suppressed cell holds at least two, whose sum is at least
// k (so no line bounds a small cell below k); then every primary cell is checked against what linear
// algebra on the line totals and the bounds 0 ≤ x ≤ total can pin down, and one more cell is suppressed
// until none can. Pure: the engine and the tests share it.

/** The lines of a table: for each dimension of size ≥ 2, the cells that differ only in that dimension. */
function tableLines(sizes: readonly number[]): number[][] {
  const total = sizes.reduce((a, b) => a * b, 1);
  const strides = sizes.map((_, d) => sizes.slice(d + 1).reduce((a, b) => a * b, 1));
  const lines: number[][] = [];
  sizes.forEach((size, d) => {
    if (size < 2) return;
    for (let i = 0; i < total; i++) {
      if (Math.floor(i / strides[d]) % size !== 0) continue; // i is the first cell of its line
      lines.push(Array.from({ length: size }, (_, j) => i + j * strides[d]));
    }
  });
  return lines;
}

/** The cheapest cell of a line to suppress next: a zero when any (it hides nothing), else the smallest. */
function cheapest(line: readonly number[], counts: readonly number[], hidden: boolean[], nonZero: boolean) {
  let best = -1;
  for (const i of line) {
    if (hidden[i] || (nonZero && counts[i] === 0)) continue;
    if (best < 0 || counts[i] < counts[best]) best = i;
  }
  return best;
}

/** Suppress until each line with a suppressed cell has ≥ 2 of them summing to ≥ k (where it can). */
function fillLines(lines: number[][], counts: readonly number[], hidden: boolean[], k: number): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      for (;;) {
        const h = line.filter((i) => hidden[i]);
        if (h.length === 0) break;
        const sum = h.reduce((s, i) => s + counts[i], 0);
        if (h.length >= 2 && sum >= k) break;
        const next = cheapest(line, counts, hidden, h.length >= 2);
        if (next < 0) break;
        hidden[next] = true;
        changed = true;
      }
    }
  }
}

/** The suppressed cells whose value the line totals pin down by linear algebra (sparse elimination). */
function pinnedByEquations(lines: number[][], hidden: boolean[]): Set<number> {
  const rows: Array<Map<number, number>> = [];
  for (const line of lines) {
    const row = new Map<number, number>();
    for (const i of line) if (hidden[i]) row.set(i, 1);
    if (row.size > 0) rows.push(row);
  }
  const pivots = new Map<number, Map<number, number>>();
  for (let row of rows) {
    for (const [col, pivotRow] of pivots) {
      const factor = row.get(col);
      if (factor === undefined) continue;
      row = new Map(row);
      for (const [c, v] of pivotRow) {
        const next = (row.get(c) ?? 0) - factor * v;
        if (Math.abs(next) < 1e-9) row.delete(c);
        else row.set(c, next);
      }
    }
    if (row.size === 0) continue;
    const [col, lead] = row.entries().next().value as [number, number];
    for (const [c, v] of row) row.set(c, v / lead);
    // Keep the pivot rows reduced against each other, so a pinned cell shows as a one-entry row.
    for (const other of pivots.values()) {
      const factor = other.get(col);
      if (factor === undefined) continue;
      for (const [c, v] of row) {
        const next = (other.get(c) ?? 0) - factor * v;
        if (Math.abs(next) < 1e-9) other.delete(c);
        else other.set(c, next);
      }
    }
    pivots.set(col, row);
  }
  const pinned = new Set<number>();
  for (const [col, row] of pivots) if (row.size === 1) pinned.add(col);
  return pinned;
}

interface HiddenLine {
  cells: number[];
  sum: number;
}

type Bounds = Map<number, readonly [number, number]>;

/** What the reader can bound each suppressed cell to (0 ≤ x, whole numbers, line totals): a fixpoint. */
function boundsOf(hiddenLines: readonly HiddenLine[]): Bounds {
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const { cells, sum } of hiddenLines)
    for (const i of cells) {
      lo.set(i, 0);
      hi.set(i, Math.min(hi.get(i) ?? Infinity, sum));
    }
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    for (const { cells, sum } of hiddenLines) {
      const sumLo = cells.reduce((s, i) => s + lo.get(i)!, 0);
      const sumHi = cells.reduce((s, i) => s + hi.get(i)!, 0);
      for (const i of cells) {
        const newLo = Math.max(lo.get(i)!, sum - (sumHi - hi.get(i)!));
        const newHi = Math.min(hi.get(i)!, sum - (sumLo - lo.get(i)!));
        if (newLo !== lo.get(i) || newHi !== hi.get(i)) changed = true;
        lo.set(i, newLo);
        hi.set(i, newHi);
      }
    }
  }
  return new Map([...lo].map(([i, l]) => [i, [l, hi.get(i)!] as const]));
}

/** Work allowed to one search for another value of a cell; beyond it the cell counts as pinned. */
const SEARCH_STEPS = 20_000;

/**
 * Whether the published table and the known totals admit a whole-number value of `target` other than
 * its own: a depth-first search from the cell outwards along its lines, trying values nearest the true
 * ones first. Running out of steps answers false (so the caller suppresses more, never less).
 */
function hasOtherValue(
  target: number,
  counts: readonly number[],
  hiddenLines: readonly HiddenLine[],
  bounds: Bounds,
): boolean {
  const linesOf = new Map<number, HiddenLine[]>();
  for (const line of hiddenLines)
    for (const i of line.cells) linesOf.set(i, [...(linesOf.get(i) ?? []), line]);
  const order = [target];
  const seen = new Set(order);
  for (let n = 0; n < order.length; n++)
    for (const line of linesOf.get(order[n]) ?? [])
      for (const i of line.cells) {
        if (seen.has(i)) continue;
        seen.add(i);
        order.push(i);
      }
  const value = new Map<number, number>();
  const fits = (i: number) =>
    (linesOf.get(i) ?? []).every(({ cells, sum }) => {
      let low = 0;
      let high = 0;
      for (const c of cells) {
        const v = value.get(c);
        low += v ?? bounds.get(c)![0];
        high += v ?? bounds.get(c)![1];
      }
      return low <= sum && sum <= high;
    });
  let steps = 0;
  const search = (n: number): boolean => {
    if (n === order.length) return true;
    const i = order[n];
    const [lo, hi] = bounds.get(i)!;
    const values: number[] = [];
    for (let d = 0; counts[i] - d >= lo || counts[i] + d <= hi; d++) {
      if (counts[i] - d >= lo) values.push(counts[i] - d);
      if (d > 0 && counts[i] + d <= hi) values.push(counts[i] + d);
    }
    for (const v of values) {
      if (n === 0 && v === counts[i]) continue;
      if (++steps > SEARCH_STEPS) return false;
      value.set(i, v);
      if (fits(i) && search(n + 1)) return true;
      value.delete(i);
      if (steps > SEARCH_STEPS) return false;
    }
    return false;
  };
  return search(0);
}

/** The lines whose totals a reader may know: those of k or more. */
export function knownLines(sizes: readonly number[], counts: readonly number[], k: number): number[][] {
  return tableLines(sizes).filter((line) => line.reduce((s, i) => s + counts[i], 0) >= k);
}

/**
 * Which cells to suppress so that no count 1..k-1 is published and none can be derived from the line
 * totals. `counts` is the flattened cross product of `sizes`.
 */
export function suppressCells(sizes: readonly number[], counts: readonly number[], k: number): boolean[] {
  const lines = knownLines(sizes, counts, k);
  const primary = counts.map((n) => n > 0 && n < k);
  const hidden = [...primary];
  const safe = new Set<number>();
  const linesOf = new Map<number, number[][]>();
  for (const line of lines) for (const i of line) linesOf.set(i, [...(linesOf.get(i) ?? []), line]);
  for (let guard = 0; guard <= counts.length; guard++) {
    fillLines(lines, counts, hidden, k);
    const hiddenLines = lines
      .map((line) => line.filter((i) => hidden[i]))
      .filter((cells) => cells.length > 0)
      .map((cells) => ({ cells, sum: cells.reduce((s, i) => s + counts[i], 0) }));
    const byEquations = pinnedByEquations(lines, hidden);
    const bounds = boundsOf(hiddenLines);
    // Hiding more only widens what a reader can solve for, so a cell shown safe stays safe.
    const exposed = counts.findIndex((_, i) => {
      if (!primary[i] || !bounds.has(i) || safe.has(i)) return false;
      const [lo, hi] = bounds.get(i)!;
      if (byEquations.has(i) || lo === hi || !hasOtherValue(i, counts, hiddenLines, bounds)) return true;
      safe.add(i);
      return false;
    });
    if (exposed < 0) break;
    // Open one more cell in the exposed cell's lines, or anywhere when those are all suppressed.
    let next = -1;
    for (const line of linesOf.get(exposed) ?? []) {
      const candidate = cheapest(line, counts, hidden, true);
      if (candidate >= 0 && (next < 0 || counts[candidate] < counts[next])) next = candidate;
    }
    if (next < 0) next = cheapest([...counts.keys()], counts, hidden, false);
    if (next < 0) break;
    hidden[next] = true;
  }
  return hidden;
}
