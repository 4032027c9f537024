// The bar chart of a suppressed table: the first dimension along the axis, the combinations of the others
// as series; a suppressed cell is an empty bar marked `mark`, never a number.
import type { AnalyticsTable } from '../../../../shared/contract';
import type { ChartOption } from '../../components/EChart';

export function chartOption(
  table: AnalyticsTable,
  label: (dimension: number, value: string) => string,
  mark: string,
): ChartOption {
  const axis = table.axes[0].map((v) => label(0, v));
  const seriesKey = (values: string[]) =>
    values
      .slice(1)
      .map((v, i) => label(i + 1, v))
      .join(' · ');
  const names = [...new Set(table.cells.map((c) => seriesKey(c.values)))];
  const series = names.map((name) => ({
    type: 'bar' as const,
    name: name || undefined,
    stack: undefined,
    data: table.axes[0].map((x) => {
      const cell = table.cells.find((c) => c.values[0] === x && seriesKey(c.values) === name);
      if (!cell) return 0;
      if (cell.count === null)
        return { value: 0, label: { show: true, position: 'top' as const, formatter: mark } };
      return cell.count;
    }),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: names.length > 1 ? { type: 'scroll', top: 0 } : undefined,
    grid: { left: 40, right: 16, top: names.length > 1 ? 32 : 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: axis, axisLabel: { interval: 0, rotate: axis.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}
