// What the table counts by: up to three dimensions, k, the period's granularity, objectors left out.
import { Form, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ANALYTICS_DIMENSIONS,
  PERIODS,
  type AnalyticsDimension,
  type Period,
} from '../../../../shared/analytics/dimensions';
import type { useAnalytics } from './use-analytics';

export function AnalyticsControls({ m }: { m: ReturnType<typeof useAnalytics> }) {
  const { t } = useTranslation();
  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      <Form.Item label={t('analytics.by')}>
        <Select<AnalyticsDimension[]>
          mode="multiple"
          maxCount={3}
          style={{ minWidth: 320 }}
          data-testid="analytics-by"
          value={m.query.by}
          onChange={m.setBy}
          options={ANALYTICS_DIMENSIONS.map((d) => ({ value: d, label: t(`analytics.dimensions.${d}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('analytics.k')}>
        <InputNumber
          min={2}
          max={1000}
          value={m.query.k}
          onChange={(v) => v !== null && m.setK(v)}
          data-testid="analytics-k"
        />
      </Form.Item>
      <Form.Item label={t('analytics.period')}>
        <Select<Period>
          style={{ width: 110 }}
          value={m.query.period}
          onChange={m.setPeriod}
          data-testid="analytics-period"
          options={PERIODS.map((p) => ({ value: p, label: t(`analytics.periods.${p}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('analytics.excludeObjected')}>
        <Switch
          checked={m.query.excludeObjected}
          onChange={m.setExcludeObjected}
          data-testid="analytics-exclude-objected"
        />
      </Form.Item>
    </Form>
  );
}
