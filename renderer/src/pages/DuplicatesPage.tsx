// Duplicate review: find duplicates (a job), the clusters with their score and status, filters, one
// cluster side by side (ClusterDetail), and "merge every pending cluster scoring at least X" with a
// preview of how many that is.
import {
  Button,
  Flex,
  InputNumber,
  Popconfirm,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterStatus } from '../../../shared/duplicates';
import type { ClusterView } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useJob } from '../hooks/use-job';
import { useOperation } from '../hooks/use-operation';
import { api } from '../platform/api';
import { ClusterDetail, StatusTag } from './duplicates/ClusterDetail';

type StatusFilter = ClusterStatus | 'all';
const PAGE = 20;

function MergeAbove({ onRun, disabled }: { onRun: (score: number) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number>(90);
  const [preview, setPreview] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('duplicates.clusters', { status: 'pending', minScore: score, limit: 1 }).then((r) => {
      if (live) setPreview(r.ok ? r.value.total : null);
    });
    return () => {
      live = false;
    };
  }, [score, disabled]);
  return (
    <Space>
      <Typography.Text>{t('duplicates.mergeAbove.label')}</Typography.Text>
      <InputNumber
        min={0}
        max={100}
        value={score}
        onChange={(v) => setScore(typeof v === 'number' ? v : 90)}
        data-testid="merge-above-score"
      />
      <Typography.Text type="secondary" data-testid="merge-above-preview" data-count={preview ?? ''}>
        {preview === null ? '' : t('duplicates.mergeAbove.preview', { count: preview, n: preview })}
      </Typography.Text>
      <Popconfirm
        title={t('duplicates.mergeAbove.confirm', { count: preview ?? 0, n: preview ?? 0, score })}
        onConfirm={() => onRun(score)}
        okButtonProps={{ 'data-testid': 'merge-above-confirm' }}
      >
        <Button disabled={disabled || !preview} data-testid="merge-above">
          {t('duplicates.mergeAbove.action')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function Duplicates({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [minScore, setMinScore] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const run = useJob('duplicates.run');
  const finished = run.state.status === 'finished' ? run.state.id : null;

  const { state: page, reload } = useOperation('duplicates.clusters', {
    status: status === 'all' ? undefined : status,
    minScore: minScore ?? undefined,
    offset,
    limit: PAGE,
  });
  const { state: detail, reload: reloadDetail } = useOperation('duplicates.clusters', {
    clusterId: selected ?? 1,
    limit: 1,
  });
  // A run replaces the pending clusters: the list and the open cluster (which may be gone) are reread.
  useEffect(() => {
    if (finished) {
      reload();
      reloadDetail();
    }
  }, [finished, reload, reloadDetail]);
  useEffect(() => {
    reload();
    reloadDetail();
  }, [generation, reload, reloadDetail]);

  const byStatus = page.status === 'ok' ? page.value.byStatus : null;
  const current = selected !== null && detail.status === 'ok' ? (detail.value.clusters[0] ?? null) : null;

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setOffset(0);
            }}
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
            value={minScore}
            onChange={(v) => {
              setMinScore(typeof v === 'number' ? v : null);
              setOffset(0);
            }}
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
              onClick: () => setSelected(c.id),
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
            onChange: (p) => setOffset((p - 1) * PAGE),
          }}
          columns={[
            { key: 'id', title: '#', dataIndex: 'id', width: 70 },
            {
              key: 'score',
              title: t('duplicates.columns.score'),
              width: 90,
              render: (_: unknown, c: ClusterView) => <Tag data-testid="row-score">{c.score}</Tag>,
            },
            {
              key: 'status',
              title: t('duplicates.columns.status'),
              width: 110,
              render: (_: unknown, c: ClusterView) => <StatusTag status={c.status} />,
            },
            {
              key: 'names',
              title: t('duplicates.columns.members'),
              render: (_: unknown, c: ClusterView) =>
                c.members.map((m) => m.values.name ?? m.values.organisation ?? `#${m.id}`).join(' · '),
            },
            {
              key: 'matched',
              title: t('duplicates.columns.matched'),
              render: (_: unknown, c: ClusterView) => (
                <Flex wrap gap={4}>
                  {c.explanation.matched.map((f) => (
                    <Tag key={f}>{t(`fields.${f}`)}</Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
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
              onChanged={(next) => {
                setSelected(next);
                setGeneration((g) => g + 1);
              }}
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
