// Classification summary of the open vault: counts by type, region, category and flag (each links to
// the Records page filtered to exactly those records), the rules editor (a new version, then an offer
// to reclassify) and a Reclassify button.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStats } from '../../../shared/contract';
import { recordsHref } from './records/filter-hash';
import type { RecordFilter } from '../../../shared/records';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useJob } from '../hooks/use-job';
import { useOperation } from '../hooks/use-operation';
import { currentLang } from '../i18n';
import { formatNumber } from '../i18n/format';
import { RulesEditor } from './classification/RulesEditor';

/** A count that opens the Records page filtered to the records it counts. */
export function CountLink({ n, filter, testId }: { n: number; filter: RecordFilter | null; testId: string }) {
  const text = formatNumber(currentLang(), n);
  if (!filter || n === 0)
    return (
      <span data-testid={testId} data-count={n}>
        {text}
      </span>
    );
  return (
    <a href={recordsHref(filter)} data-testid={testId} data-count={n}>
      {text}
    </a>
  );
}

const FLAG_FILTERS: Record<keyof CustomerStats['flags'], RecordFilter | null> = {
  sensitive: { flags: { sensitive: true } },
  minor: { flags: { minor: true } },
  stale: { flags: { stale: true } },
  invalid_id_number: { status: { idNumber: 'invalid' } },
  invalid_credit_code: { status: { creditCode: 'invalid' } },
  invalid_phone: { status: { phone: 'invalid' } },
  invalid_email: { status: { email: 'invalid' } },
  formula_like: { flags: { formulaLike: true } },
  incomplete: { flags: { incomplete: true } },
  type_doubtful: { flags: { typeDoubtful: true } },
  region_conflict: { flags: { regionConflict: true } },
  // The Records page has no filter for a missing order date.
  no_activity_date: null,
};

function CountList({
  prefix,
  entries,
}: {
  prefix: string;
  entries: Array<{ key: string; label: string; n: number; filter: RecordFilter | null }>;
}) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      showHeader={false}
      dataSource={entries}
      columns={[
        { dataIndex: 'label', key: 'label' },
        {
          key: 'n',
          align: 'right',
          render: (_: unknown, e: (typeof entries)[number]) => (
            <CountLink n={e.n} filter={e.filter} testId={`${prefix}-${e.key}`} />
          ),
        },
      ]}
    />
  );
}

function Summary({ stats }: { stats: CustomerStats }) {
  const { t } = useTranslation();
  const categories = Object.entries(stats.categories).sort(([a], [b]) =>
    a === 'unmatched' ? 1 : b === 'unmatched' ? -1 : 0,
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Card title={t('classification.type.title')}>
          <CountList
            prefix="count-type"
            entries={(['individual', 'business', 'unknown'] as const).map((k) => ({
              key: k,
              label: t(`classification.type.${k}`),
              n: stats.type[k],
              filter: { type: k },
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('classification.region.title')}>
          <CountList
            prefix="count-region"
            entries={(['mainland', 'hk_mo_tw', 'overseas', 'unknown'] as const).map((k) => ({
              key: k,
              label: t(`classification.region.${k}`),
              n: stats.region[k],
              filter: { region: k },
            }))}
          />
          <Flex wrap gap={4} style={{ marginTop: 8 }}>
            {Object.entries(stats.countries).map(([country, n]) => (
              <Tag key={country}>
                {country}{' '}
                <CountLink n={n} filter={{ regionCountry: country }} testId={`count-country-${country}`} />
              </Tag>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('classification.category.title')}>
          <CountList
            prefix="count-category"
            entries={categories.map(([name, n]) => ({
              key: name,
              label: name === 'unmatched' ? t('classification.category.unmatched') : name,
              n,
              filter: { category: name === 'unmatched' ? null : name },
            }))}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('classification.flags.title')}>
          <Row gutter={[16, 8]}>
            {(Object.keys(stats.flags) as Array<keyof CustomerStats['flags']>).map((flag) => (
              <Col xs={12} md={6} key={flag}>
                <Statistic
                  title={t(`classification.flags.${flag}`)}
                  valueRender={() => (
                    <CountLink
                      n={stats.flags[flag]}
                      filter={FLAG_FILTERS[flag]}
                      testId={`count-flag-${flag}`}
                    />
                  )}
                />
              </Col>
            ))}
            <Col xs={12} md={6}>
              <Statistic
                title={t('classification.duplicates')}
                valueRender={() => (
                  <CountLink
                    n={stats.duplicates.records}
                    filter={{ cluster: true }}
                    testId="count-duplicates"
                  />
                )}
              />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}

function Classification({ canClassify, isOwner }: { canClassify: boolean; isOwner: boolean }) {
  const { t } = useTranslation();
  const { state: stats, reload } = useOperation('records.stats', {});
  const reclassify = useJob('classification.run');
  const finished = reclassify.state.status === 'finished' ? reclassify.state.id : null;
  useEffect(() => {
    if (finished) reload();
  }, [finished, reload]);
  const onSaved = useCallback(() => reload(), [reload]);

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
