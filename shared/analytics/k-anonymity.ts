// k-anonymity by global recoding: every record's quasi-identifiers are generalised up their ladders
// (shared/analytics/dimensions.ts LEVELS), one field one level at a time, choosing each time the step
// that leaves the fewest records in combinations smaller than k, until every combination holds k or
// more. Null when even the coarsest values cannot (fewer than k records in all). Pure.
import { LEVELS, valueOf, type AnalyticsFacts, type ExtractField } from './dimensions';

type Levels = Partial<Record<ExtractField, number>>;

export interface KAnonymous {
  levels: Levels;
  /** Each record's generalised values, in `fields` order. */
  rows: string[][];
  /** The combinations (equivalence classes) and the smallest one's size. */
  classes: number;
  smallest: number;
}

function classSizes(rows: readonly string[][]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = row.join('\u0000');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return sizes;
}

/** Records in combinations smaller than k. */
function exposed(rows: readonly string[][], k: number): number {
  let n = 0;
  for (const size of classSizes(rows).values()) if (size < k) n += size;
  return n;
}

export function kAnonymise(
  records: readonly AnalyticsFacts[],
  fields: readonly ExtractField[],
  k: number,
  today: string,
): KAnonymous | null {
  if (records.length < k) return null;
  const levels: Record<string, number> = Object.fromEntries(fields.map((f) => [f, 0]));
  const column = (field: ExtractField, level: number) => records.map((r) => valueOf(field, r, level, today));
  const columns = fields.map((f) => column(f, 0));
  const rowsOf = (cols: string[][]) => records.map((_, i) => cols.map((c) => c[i]));
  let rows = rowsOf(columns);
  for (let left = exposed(rows, k); left > 0; left = exposed(rows, k)) {
    let best: { index: number; column: string[]; left: number } | null = null;
    fields.forEach((field, index) => {
      if (levels[field] >= LEVELS[field]) return;
      const raised = column(field, levels[field] + 1);
      const trial = rowsOf(columns.map((c, j) => (j === index ? raised : c)));
      const after = exposed(trial, k);
      if (best === null || after < best.left) best = { index, column: raised, left: after };
    });
    if (best === null) return null;
    const { index, column: raised } = best as { index: number; column: string[] };
    levels[fields[index]] += 1;
    columns[index] = raised;
    rows = rowsOf(columns);
  }
  const sizes = classSizes(rows);
  return { levels, rows, classes: sizes.size, smallest: Math.min(...sizes.values()) };
}
