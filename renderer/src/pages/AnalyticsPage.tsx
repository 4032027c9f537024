// The Analytics page: anonymised counts of customers by the chosen dimensions, small cells suppressed,
// as a chart and a table with their exports, and the de-identified extract. Its model is
// analytics/use-analytics.ts.
import { Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useSession } from '../session/session-context';
import { AnalyticsControls } from './analytics/AnalyticsControls';
import { AnalyticsResult } from './analytics/AnalyticsResult';
import { ExtractCard } from './analytics/ExtractCard';
import { useAnalytics } from './analytics/use-analytics';

function Analytics() {
  const { can } = useSession();
  const m = useAnalytics();
  return (
    <Flex vertical gap={16} data-testid="analytics-page">
      <AnalyticsControls m={m} />
      {m.error ? <ErrorAlert error={m.error} /> : null}
      {m.state.status === 'error' ? (
        <ErrorAlert error={m.state.error} />
      ) : m.state.status === 'loading' ? (
        <Skeleton active />
      ) : (
        <AnalyticsResult table={m.state.value} m={m} />
      )}
      <ExtractCard m={m} canExtract={can('analytics.extract')} />
    </Flex>
  );
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('analytics.title')} subtitle={t('analytics.subtitle')} />
      <RequireSession>{() => <Analytics />}</RequireSession>
    </>
  );
}
