// Rows of a customer list that are not customers: totals and subtotals (合计, 总计, 小计, Total, Subtotal,
// Sum; in a workbook a row of SUM/SUBTOTAL formulas over the column), and the notes after the table
// (制表人, 导出时间, Prepared by …) once a blank gap has ended it. They are set aside with the reason,
// listed with the import's result, never imported as customers.

export type SummaryKind = 'total' | 'subtotal' | 'footer';

const SUBTOTAL = /^(?:小\s*计|分\s*类\s*小\s*计|sub[-\s]?total)\s*[:：]?$/i;
const TOTAL =
  /^(?:合\s*计|总\s*计|共\s*计|总\s*合\s*计|累\s*计|合\s*计\s*金\s*额|(?:grand\s+)?totals?|sum|in\s+total)\s*[:：]?$/i;
const FOOTER =
  /^(?:制\s*表\s*人?|审\s*核\s*人?|复\s*核\s*人?|填\s*表\s*人?|经\s*办\s*人|导\s*出\s*(?:时\s*间|日\s*期)|打\s*印\s*(?:时\s*间|日\s*期)|统\s*计\s*(?:时\s*间|日\s*期)|prepared\s+by|checked\s+by|approved\s+by|exported\s+(?:at|on)|printed\s+(?:at|on))\s*[:：]?/i;
/** Formulas that add up a column (the cached result is what the cell shows). */
const AGGREGATE = /^\s*=?\s*(SUBTOTAL|AGGREGATE|SUM|SUMIF|SUMIFS|COUNT|COUNTA|AVERAGE)\s*\(/i;
const NUMBER = /^[-+]?[¥￥$]?\s*[\d,，]+(?:\.\d+)?\s*(?:元)?$/;

/** How a formula's function names it: SUBTOTAL → subtotal; SUM and the like → total; else null. */
export function aggregateKind(formula: string): 'total' | 'subtotal' | null {
  const m = AGGREGATE.exec(formula);
  if (!m) return null;
  return m[1].toUpperCase() === 'SUBTOTAL' ? 'subtotal' : 'total';
}

/**
 * Whether the row (its cells as text) is a summary. `afterGap`: a blank row came after the data, so a
 * note or a row of bare numbers there closes the table. `aggregate`: the workbook row's formulas say so.
 */
export function summaryKind(
  cells: readonly string[],
  afterGap: boolean,
  aggregate: 'total' | 'subtotal' | null,
): { kind: SummaryKind; reason: string } | null {
  // The label sits in the first filled columns (序号 or the name); short cells only.
  let seen = 0;
  for (let i = 0; i < cells.length && seen < 3; i++) {
    const raw = cells[i];
    if (!raw) continue;
    seen++;
    if (raw.length > 24) continue;
    const cell = raw.trim();
    if (SUBTOTAL.test(cell))
      return { kind: 'subtotal', reason: `"${cell}" row: a subtotal of the rows above, not a customer` };
    if (TOTAL.test(cell))
      return { kind: 'total', reason: `"${cell}" row: a total of the rows above, not a customer` };
  }
  if (aggregate === 'subtotal')
    return { kind: 'subtotal', reason: 'a row of SUBTOTAL formulas over the column, not a customer' };
  if (aggregate === null && !afterGap) return null;
  let filled = 0;
  let numbers = 0;
  let first = '';
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]?.trim();
    if (!cell) continue;
    if (++filled === 1) first = cell;
    if (NUMBER.test(cell)) numbers++;
  }
  if (aggregate === 'total' && filled === numbers)
    return { kind: 'total', reason: 'a row of SUM formulas over the column, not a customer' };
  if (afterGap && filled <= 2 && FOOTER.test(first))
    return { kind: 'footer', reason: `"${first.slice(0, 40)}": a note after the table, not a customer` };
  if (afterGap && filled > 0 && filled === numbers)
    return { kind: 'total', reason: 'numbers alone after the end of the table: a total, not a customer' };
  return null;
}
