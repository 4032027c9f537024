// Duplicate review: find duplicates (a job), the clusters with their score and status, filters, one
// cluster side by side (ClusterDetail), and "merge every pending cluster scoring at least X" with a
// preview of how many that is. The page's data and actions are its model (duplicates/use-duplicates.ts).
import { Button, Flex, InputNumber, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { ClusterDetail } from './duplicates/ClusterDetail';
import { clusterColumns } from './duplicates/cluster-columns';
import { MergeAbove } from './duplicates/MergeAbove';
import { PAGE, useDuplicates, type DuplicatesModel, type StatusFilter } from './duplicates/use-duplicates';

function Toolbar({ model, canEdit }: { model: DuplicatesModel; canEdit: boolean }) {
  const { t } = useTranslation();
  const { byStatus, run } = model;
  return (
    <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Segmented<StatusFilter>
          value={model.status}
          onChange={model.setStatus}
          data-testid="dedupe-status-filter"
          options={(['pending', 'accepted', 'rejected', 'merged', 'all'] as const).map((s) => ({
            value: s,
            label: (
              <span data-testid={`dedupe-filter-${s}`}>
                {t(`duplicates.status.${s}`)}
                {byStatus && s !== 'all' ? ` (${byStatus[s]})` : ''}
              </span>
            ),
          }))}
        />
        <InputNumber
          min={0}
          max={100}
          placeholder={t('duplicates.minScore')}
          value={model.minScore}
          onChange={(v) => model.setMinScore(typeof v === 'number' ? v : null)}
          data-testid="dedupe-min-score"
        />
      </Space>
      {canEdit ? (
        <Button
          type="primary"
          onClick={() => run.start({})}
          disabled={run.state.status === 'running'}
          data-testid="dedupe-run"
        >
          {t('duplicates.run')}
        </Button>
      ) : null}
    </Flex>
  );
}

function Duplicates({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const model = useDuplicates();
  const { run, page, detail, current, selected, offset } = model;

  return (
    <>
      <Toolbar model={model} canEdit={canEdit} />
      {run.state.status !== 'idle' ? (
        <div style={{ marginBottom: 16 }}>
          <JobProgress state={run.state} onCancel={run.cancel} cancelError={run.cancelError} />
          {run.state.status === 'finished' && run.state.value ? (
            <Typography.Paragraph data-testid="dedupe-run-summary" style={{ marginTop: 8 }}>
              {t('duplicates.runSummary', {
                records: run.state.value.records,
                found: run.state.value.found,
                kept: run.state.value.kept,
                merged: run.state.value.autoMerged?.clusters ?? 0,
              })}
            </Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
      {canEdit ? (
        <div style={{ marginBottom: 16 }}>
          <MergeAbove
            disabled={run.state.status === 'running'}
            onRun={(score) => run.start({ mergeAbove: score })}
          />
        </div>
      ) : null}
      {page.status === 'loading' ? <Skeleton active /> : null}
      {page.status === 'error' ? <ErrorAlert error={page.error} /> : null}
      {page.status === 'ok' ? (
        <Table<ClusterView>
          size="small"
          rowKey="id"
          data-testid="dedupe-clusters"
          dataSource={page.value.clusters}
          locale={{ emptyText: t('duplicates.empty') }}
          onRow={(c) =>
            ({
              onClick: () => model.select(c.id),
              style: { cursor: 'pointer' },
              'data-testid': `cluster-row-${c.id}`,
            }) as object
          }
          rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
          pagination={{
            current: Math.floor(offset / PAGE) + 1,
            pageSize: PAGE,
            total: page.value.total,
            showSizeChanger: false,
            onChange: (p) => model.setOffset((p - 1) * PAGE),
          }}
          columns={clusterColumns(t)}
        />
      ) : null}
      {selected !== null ? (
        <div style={{ marginTop: 16 }}>
          {detail.status === 'error' ? <ErrorAlert error={detail.error} /> : null}
          {current ? (
            <ClusterDetail
              key={`${current.id}-${current.status}-${current.members.map((m) => m.id).join('-')}`}
              cluster={current}
              canEdit={canEdit}
              onChanged={model.changed}
            />
          ) : detail.status === 'ok' ? (
            <Typography.Text type="secondary" data-testid="cluster-gone">
              {t('duplicates.gone')}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      <RequireSession>
        {(session) =>
          session.role === 'auditor' ? (
            <Typography.Paragraph type="secondary">{t('duplicates.auditor')}</Typography.Paragraph>
          ) : (
            <Duplicates canEdit />
          )
        }
      </RequireSession>
    </>
  );
}
