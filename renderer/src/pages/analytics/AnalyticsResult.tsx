// The suppressed table as a chart and as rows (a suppressed cell reads "Suppressed", never a number), with
// its exports.
import { Alert, Button, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueName } from '../../../../shared/analytics/dimensions';
import type { AnalyticsCell, AnalyticsTable } from '../../../../shared/contract';
import { EChart } from '../../components/EChart';
import { currentLang } from '../../i18n';
import { chartOption } from './chart-option';
import type { TableFormat, useAnalytics } from './use-analytics';

const FORMATS: TableFormat[] = ['csv', 'xlsx', 'pdf'];

export function AnalyticsResult({ table, m }: { table: AnalyticsTable; m: ReturnType<typeof useAnalytics> }) {
  const { t } = useTranslation();
  if (table.cells.length === 0) return <Empty description={t('analytics.empty')} />;
  const lang = currentLang();
  const label = (d: number, v: string) => valueName(table.by[d], v, lang);
  const suppressed = t('analytics.suppressed');
  const columns = [
    ...table.by.map((d, i) => ({
      key: d,
      title: t(`analytics.dimensions.${d}`),
      render: (_: unknown, c: AnalyticsCell) => label(i, c.values[i]),
    })),
    {
      key: 'count',
      title: t('analytics.count'),
      align: 'right' as const,
      render: (_: unknown, c: AnalyticsCell) =>
        c.count === null ? (
          <Typography.Text type="secondary" data-testid="analytics-suppressed-cell">
            {suppressed}
          </Typography.Text>
        ) : (
          c.count
        ),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Text data-testid="analytics-summary">
        {t('analytics.summary', {
          cells: table.cells.length,
          suppressed: table.suppressed,
          total: table.total ?? t('analytics.totalHidden'),
        })}
      </Typography.Text>
      <div data-testid="analytics-chart" data-suppressed={table.suppressed}>
        <EChart option={chartOption(table, label, '×')} height={300} />
        <Typography.Text type="secondary">{t('analytics.chartMark')}</Typography.Text>
      </div>
      <Space wrap>
        {FORMATS.map((f) => (
          <Button
            key={f}
            disabled={m.busy}
            onClick={() => void m.exportAs(f)}
            data-testid={`analytics-export-${f}`}
          >
            {t('analytics.export', { format: f.toUpperCase() })}
          </Button>
        ))}
      </Space>
      {m.exported ? (
        <Alert
          type="success"
          showIcon
          data-testid="analytics-exported"
          title={t('analytics.exported', { ...m.exported })}
        />
      ) : null}
      <Table<AnalyticsCell>
        size="small"
        data-testid="analytics-table"
        rowKey={(c) => c.values.join('\u0000')}
        columns={columns}
        dataSource={table.cells}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </Space>
  );
}
