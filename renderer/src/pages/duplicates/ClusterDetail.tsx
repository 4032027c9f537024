// One duplicate cluster side by side: members as columns, fields as rows, differing values highlighted,
// the field-by-field explanation of the match, and the review actions (accept, reject, take a record
// out, choose the surviving value of each field and merge, undo a merge). Its state and actions are
// use-cluster-review.ts; its columns member-columns.tsx.
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS } from '../../../../shared/duplicates';
import type { ClusterView } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ClusterExplanation } from './ClusterExplanation';
import { StatusTag } from './cluster-tags';
import { memberColumns } from './member-columns';
import { useClusterReview, type ClusterReview } from './use-cluster-review';

function ReviewActions({
  cluster,
  canEdit,
  review,
}: {
  cluster: ClusterView;
  canEdit: boolean;
  review: ClusterReview;
}) {
  const { t } = useTranslation();
  const { busy } = review;
  return (
    <Space>
      {review.editable ? (
        <>
          <Button
            disabled={busy || cluster.status === 'accepted'}
            onClick={() => void review.accept()}
            data-testid="cluster-accept"
          >
            {t('duplicates.detail.accept')}
          </Button>
          <Button disabled={busy} onClick={() => void review.reject()} data-testid="cluster-reject">
            {t('duplicates.detail.reject')}
          </Button>
          <Button
            type="primary"
            disabled={busy || review.members.length < 2}
            onClick={() => void review.merge()}
            data-testid="cluster-merge"
          >
            {t('duplicates.detail.merge')}
          </Button>
        </>
      ) : null}
      {canEdit && cluster.status === 'merged' && cluster.merge ? (
        <Button disabled={busy} onClick={() => void review.unmerge()} data-testid="cluster-unmerge">
          {t('duplicates.detail.unmerge')}
        </Button>
      ) : null}
    </Space>
  );
}

export function ClusterDetail({
  cluster,
  canEdit,
  onChanged,
}: {
  cluster: ClusterView;
  canEdit: boolean;
  /** After a change: the cluster id to show next (null: close). */
  onChanged: (next: number | null) => void;
}) {
  const { t } = useTranslation();
  const review = useClusterReview(cluster, canEdit, onChanged);

  return (
    <Card
      data-testid="cluster-detail"
      data-cluster={cluster.id}
      title={
        <Flex gap={8} align="center">
          {t('duplicates.detail.title', { id: cluster.id })}
          <Tag data-testid="cluster-score">{t('duplicates.score', { score: cluster.score })}</Tag>
          <StatusTag status={cluster.status} />
        </Flex>
      }
      extra={<ReviewActions cluster={cluster} canEdit={canEdit} review={review} />}
    >
      {review.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={review.error} />
        </div>
      ) : null}
      {review.editable ? (
        <Typography.Paragraph type="secondary">{t('duplicates.detail.howTo')}</Typography.Paragraph>
      ) : null}
      {/* Scrolled by a plain box: antd's own horizontal scroll renders the header twice. */}
      <div style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={MERGE_FIELDS.map((field) => ({ field }))}
          columns={memberColumns(t, cluster, review)}
          data-testid="cluster-table"
        />
      </div>
      <ClusterExplanation cluster={cluster} />
    </Card>
  );
}
