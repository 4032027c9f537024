// The columns of a cluster side by side: the field, then one column per member (its id, where it came
// from, Keep this record, Take out) whose cells are its values; a field whose values differ is
// highlighted and, while the cluster is open, each value can be chosen to survive the merge.
import { Button, Flex, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { MergeField } from '../../../../shared/duplicates';
import type { ClusterMember, ClusterView } from '../../../../shared/contract';
import { display, type ClusterReview } from './use-cluster-review';

interface FieldRow {
  field: MergeField;
}

function MemberHeader({
  t,
  m,
  cluster,
  review,
}: {
  t: TFunction;
  m: ClusterMember;
  cluster: ClusterView;
  review: ClusterReview;
}) {
  const { editable, busy } = review;
  return (
    <Space direction="vertical" size={2} data-testid={`member-${m.id}`}>
      <Flex gap={8} align="center">
        {editable ? (
          <Radio
            checked={review.survivor === m.id}
            onChange={() => review.pickSurvivor(m.id)}
            data-testid={`survivor-${m.id}`}
          >
            {t('duplicates.detail.keep')}
          </Radio>
        ) : null}
        <Typography.Text type="secondary">#{m.id}</Typography.Text>
        {m.mergedInto ? <Tag>{t('duplicates.detail.mergedInto', { id: m.mergedInto })}</Tag> : null}
        {cluster.merge?.survivorId === m.id ? (
          <Tag color="purple">{t('duplicates.detail.survivor')}</Tag>
        ) : null}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`member-sources-${m.id}`}>
        {m.sources
          .map(
            (s) => `${s.file}${s.sheet ? ` [${s.sheet}]` : ''} ${t('duplicates.detail.row', { row: s.row })}`,
          )
          .join('; ')}
      </Typography.Text>
      {editable && review.members.length > 1 ? (
        <Popconfirm
          title={t('duplicates.detail.splitConfirm')}
          onConfirm={() => review.split(m.id)}
          okButtonProps={{ 'data-testid': 'split-confirm' }}
        >
          <Button size="small" disabled={busy} data-testid={`member-split-${m.id}`}>
            {t('duplicates.detail.split')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

export function memberColumns(t: TFunction, cluster: ClusterView, review: ClusterReview) {
  const { differs, editable } = review;
  return [
    {
      key: 'field',
      title: t('duplicates.detail.field'),
      width: 140,
      render: (_: unknown, row: FieldRow) => (
        <Typography.Text strong={differs.has(row.field)}>{t(`fields.${row.field}`)}</Typography.Text>
      ),
    },
    ...review.members.map((m) => ({
      key: String(m.id),
      title: <MemberHeader t={t} m={m} cluster={cluster} review={review} />,
      render: (_: unknown, row: FieldRow) => {
        const text = display(m, row.field);
        const highlight = differs.has(row.field);
        const cell = (
          <span
            data-testid={`value-${row.field}-${m.id}`}
            style={text === '' ? { opacity: 0.45 } : undefined}
          >
            {text === '' ? t('duplicates.detail.empty') : text}
          </span>
        );
        return (
          <div
            style={
              highlight
                ? { background: 'rgba(250, 173, 20, 0.15)', padding: '2px 4px', borderRadius: 4 }
                : undefined
            }
          >
            {editable && highlight ? (
              <Radio
                checked={review.chosen[row.field] === m.id}
                onChange={() => review.choose(row.field, m.id)}
                data-testid={`choose-${row.field}-${m.id}`}
              >
                {cell}
              </Radio>
            ) : (
              cell
            )}
          </div>
        );
      },
    })),
  ];
}
