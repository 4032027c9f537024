// Why a cluster's records were grouped: each scored link between two members with its fields' part, and
// the pairs that conflict (two different valid ID numbers or credit codes are never joined).
import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../../../shared/contract';
import { MatchTag } from './cluster-tags';

export function ClusterExplanation({ cluster }: { cluster: ClusterView }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginTop: 16 }}
      title={t('duplicates.detail.why')}
      data-testid="cluster-explanation"
      items={[
        ...cluster.explanation.links.map((link, i) => ({
          key: `link-${i}`,
          label: `#${link.a} ↔ #${link.b} · ${t('duplicates.score', { score: link.score })}`,
          children: (
            <Flex wrap gap={4}>
              {link.fields.map((f) => (
                <MatchTag key={f.field} match={f} />
              ))}
            </Flex>
          ),
        })),
        ...cluster.explanation.conflicts.map((link, i) => ({
          key: `conflict-${i}`,
          label: `#${link.a} ≠ #${link.b}`,
          children: (
            <Flex wrap gap={4}>
              <Typography.Text type="danger">{t('duplicates.detail.conflict')}</Typography.Text>
              {link.fields.map((f) => (
                <MatchTag key={f.field} match={f} />
              ))}
            </Flex>
          ),
        })),
      ]}
    />
  );
}
