// Classification summary of the open vault: counts by type, region, category and flag (each links to
// the Records page filtered to exactly those records), the rules editor (a new version, then an offer
// to reclassify) and a Reclassify button. The page's data is its model (classification/use-classification.ts).
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { currentLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { ProductReview } from './classification/ProductReview';
import { RulesEditor } from './classification/RulesEditor';
import { Summary } from './classification/Summary';
import { useClassification } from './classification/use-classification';

function Classification({ canClassify, isOwner }: { canClassify: boolean; isOwner: boolean }) {
  const { t } = useTranslation();
  const { stats, reload, reclassify, onSaved } = useClassification();

  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="classification-refresh">
          {t('classification.refresh')}
        </Button>
        {canClassify ? (
          <Button
            type="primary"
            onClick={() => reclassify.start({})}
            disabled={reclassify.state.status === 'running'}
            data-testid="classification-reclassify"
          >
            {t('classification.reclassify')}
          </Button>
        ) : null}
      </Flex>
      {reclassify.state.status !== 'idle' ? (
        <div style={{ marginBottom: 16 }}>
          <JobProgress
            state={reclassify.state}
            onCancel={reclassify.cancel}
            cancelError={reclassify.cancelError}
          />
        </div>
      ) : null}
      {stats.status === 'loading' ? <Skeleton active /> : null}
      {stats.status === 'error' ? <ErrorAlert error={stats.error} /> : null}
      {stats.status === 'ok' ? (
        <>
          <Typography.Paragraph data-testid="classification-total">
            {t('classification.total', {
              count: stats.value.customers,
              n: formatNumber(currentLang(), stats.value.customers),
              version: stats.value.rulesVersion,
            })}
            {stats.value.unclassified > 0 ? (
              <Tag color="warning" style={{ marginLeft: 8 }} data-testid="classification-unclassified">
                {t('classification.unclassified', { n: stats.value.unclassified })}
              </Tag>
            ) : null}
          </Typography.Paragraph>
          <Summary stats={stats.value} />
        </>
      ) : null}
      <div style={{ marginTop: 24 }}>
        <ProductReview isOwner={isOwner} onFiled={onSaved} />
      </div>
      <div style={{ marginTop: 24 }}>
        <RulesEditor isOwner={isOwner} onSaved={onSaved} />
      </div>
    </>
  );
}

export function ClassificationPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('classification.title')} subtitle={t('classification.subtitle')} />
      <RequireSession>
        {(session) => (
          <Classification canClassify={session.role !== 'auditor'} isOwner={session.role === 'owner'} />
        )}
      </RequireSession>
    </>
  );
}
