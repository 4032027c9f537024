// What a retention run keeps and deletes, copy by copy, and why.
import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupPruneItem, BackupPrunePlan } from '../../../../shared/contract';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { currentLang } from '../../i18n';
import { baseName, formatDateTime } from '../../i18n/format';

export function PlanTable({ plan }: { plan: BackupPrunePlan }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const columns: TableColumnsType<BackupPruneItem> = [
    {
      title: t('backup.prune.columns.created'),
      dataIndex: 'createdAt',
      width: 160,
      render: (iso: string) => formatDateTime(lang, iso),
    },
    {
      title: t('backup.prune.columns.file'),
      dataIndex: 'path',
      render: (path: string) => (
        <Typography.Text
          style={{ fontFamily: MONOSPACE, fontSize: 12 }}
          ellipsis={{ tooltip: baseName(path) }}
        >
          {baseName(path)}
        </Typography.Text>
      ),
    },
    {
      title: t('backup.prune.columns.action'),
      key: 'action',
      width: 190,
      render: (_: unknown, item) => (
        <Space size={4} wrap data-testid="prune-row-action" data-action={item.action}>
          {item.action === 'keep' ? (
            <Tag color="green">{t('backup.prune.keep')}</Tag>
          ) : item.deleted ? (
            <Tag color="default">{t('backup.prune.deleted')}</Tag>
          ) : (
            <Tag color="red">{t('backup.prune.delete')}</Tag>
          )}
          {item.note ? (
            <Tag color="orange" data-testid="prune-row-note" data-note={item.note}>
              {item.note === 'absent' ? t('backup.prune.absent') : t('backup.prune.failed')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('backup.prune.columns.reasons'),
      dataIndex: 'reasons',
      width: 220,
      render: (reasons: BackupPruneItem['reasons']) => (
        <Space size={2} wrap>
          {reasons.map((r) => (
            <Tag key={r} color={r === 'last-verified' ? 'gold' : 'blue'}>
              {t(`backup.prune.reasons.${r}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<BackupPruneItem>
      data-testid="prune-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={plan.items}
      pagination={false}
      tableLayout="fixed"
    />
  );
}
