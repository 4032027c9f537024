// Small pieces of the duplicates review: a cluster's status, and one field's part in a match (exact, fuzzy
// with its similarity, or a conflict) with the points it added or took away.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldMatch } from '../../../../shared/duplicates';
import type { ClusterView } from '../../../../shared/contract';

const STATUS_COLOR = {
  pending: 'processing',
  accepted: 'success',
  rejected: 'default',
  merged: 'purple',
} as const;

export function MatchTag({ match }: { match: FieldMatch }) {
  const { t } = useTranslation();
  const color = match.kind === 'conflict' ? 'error' : match.kind === 'exact' ? 'success' : 'warning';
  return (
    <Tag color={color} data-testid={`match-${match.field}-${match.kind}`}>
      {t(`fields.${match.field}`)} · {t(`duplicates.kind.${match.kind}`)}
      {match.kind === 'fuzzy' ? ` ${Math.round(match.similarity * 100)}%` : ''} ({match.points > 0 ? '+' : ''}
      {match.points})
    </Tag>
  );
}

export function StatusTag({ status }: { status: ClusterView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="cluster-status" data-status={status}>
      {t(`duplicates.status.${status}`)}
    </Tag>
  );
}
