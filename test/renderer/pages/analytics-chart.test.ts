// The analytics chart's option: the first dimension along the axis, one series per value of the second,
// a suppressed cell an empty bar marked ×, never its count.
import type { AnalyticsTable } from '../../../shared/contract';
import { chartOption } from '../../../renderer/src/pages/analytics/chart-option';

const table: AnalyticsTable = {
  by: ['type', 'province'],
  k: 5,
  period: 'year',
  excludeObjected: true,
  axes: [
    ['business', 'individual'],
    ['CN-BJ', 'CN-GD'],
  ],
  cells: [
    { values: ['business', 'CN-BJ'], count: null },
    { values: ['business', 'CN-GD'], count: null },
    { values: ['individual', 'CN-BJ'], count: 12 },
    { values: ['individual', 'CN-GD'], count: 30 },
  ],
  total: 46,
  suppressed: 2,
};

test('a suppressed cell is an empty bar marked ×; the others are their counts', () => {
  const option = chartOption(table, (_d, v) => v, '×') as {
    xAxis: { data: string[] };
    series: Array<{ name: string; data: unknown[] }>;
  };
  expect(option.xAxis.data).toEqual(['business', 'individual']);
  expect(option.series.map((s) => s.name)).toEqual(['CN-BJ', 'CN-GD']);
  const [bj] = option.series;
  expect(bj.data[0]).toMatchObject({ value: 0, label: { show: true, formatter: '×' } });
  expect(bj.data[1]).toBe(12);
  expect(JSON.stringify(option)).not.toMatch(/"value":[1-4]\b/);
});
