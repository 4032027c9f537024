// Records by disposition, day by day, and the mix now: where people would rather look than read.
import { Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressPoint } from '../../../../../shared/contract';
import { DISPOSITIONS } from '../../../../../shared/customer';
import { EChart, type ChartOption } from '../../../components/EChart';

const COLOURS = {
  RETAIN: '#1677ff',
  TRANSFER: '#722ed1',
  ANONYMISE: '#13c2c2',
  DESTROY: '#f5222d',
  none: '#bfbfbf',
};

export function ProgressCharts({ history }: { history: ProgressPoint[] }) {
  const { t } = useTranslation();
  const none = t('compliance.plan.withoutDisposition');
  const overTime = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: history.map((p) => p.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...DISPOSITIONS.map((d) => ({
          name: d,
          type: 'line',
          stack: 'records',
          areaStyle: {},
          color: COLOURS[d],
          data: history.map((p) => p.counts[d]),
        })),
        {
          name: none,
          type: 'line',
          stack: 'records',
          areaStyle: {},
          color: COLOURS.none,
          data: history.map((p) => p.counts.withoutDisposition),
        },
      ],
    }),
    [history, none],
  );
  const last = history.at(-1);
  const now = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: [
            ...DISPOSITIONS.map((d) => ({
              name: d,
              value: last?.counts[d] ?? 0,
              itemStyle: { color: COLOURS[d] },
            })),
            { name: none, value: last?.counts.withoutDisposition ?? 0, itemStyle: { color: COLOURS.none } },
          ].filter((s) => s.value > 0),
        },
      ],
    }),
    [last, none],
  );
  if (!last)
    return <Empty description={t('compliance.plan.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Row gutter={24}>
      <Col xs={24} lg={15}>
        <Typography.Text type="secondary">{t('compliance.plan.chartByDisposition')}</Typography.Text>
        <EChart option={overTime} testId="chart-over-time" />
      </Col>
      <Col xs={24} lg={9}>
        <Typography.Text type="secondary">{t('compliance.plan.chartNow')}</Typography.Text>
        <EChart option={now} testId="chart-now" />
      </Col>
    </Row>
  );
}
