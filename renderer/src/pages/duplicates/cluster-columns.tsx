// The columns of the Duplicates page's list of clusters: id, score, status, the members' names and the
// fields that matched.
import { Flex, Tag, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ClusterView } from '../../../../shared/contract';
import { StatusTag } from './cluster-tags';

export function clusterColumns(t: TFunction): TableColumnsType<ClusterView> {
  return [
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
  ];
}
