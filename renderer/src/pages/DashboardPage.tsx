// Every client vault in the registry and how far its closure has got.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultSummary } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useOperation } from '../hooks/use-operation';
import { currentLang } from '../i18n';
import { formatDateTime } from '../i18n/format';

export function DashboardPage() {
  const { t } = useTranslation();
  const { state, reload } = useOperation('vault.list', {});
  const lang = currentLang();
  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : t('dashboard.never'));

  const columns: TableColumnsType<VaultSummary> = [
    {
      title: t('dashboard.columns.client'),
      dataIndex: 'clientName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('dashboard.columns.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string | null) => (code ? <Typography.Text code>{code}</Typography.Text> : '—'),
    },
    {
      title: t('dashboard.columns.stage'),
      dataIndex: 'stage',
      render: (stage: VaultSummary['stage']) => (
        <Tag color={stage === 'certified' ? 'green' : 'blue'}>{t(`dashboard.stages.${stage}`)}</Tag>
      ),
    },
    { title: t('dashboard.columns.lastOpenedAt'), dataIndex: 'lastOpenedAt', render: when },
    { title: t('dashboard.columns.lastBackupAt'), dataIndex: 'lastBackupAt', render: when },
    {
      title: t('dashboard.columns.file'),
      dataIndex: 'present',
      render: (present: boolean) =>
        present ? (
          <Tag color="default">{t('dashboard.present')}</Tag>
        ) : (
          <Tag color="red">{t('dashboard.missing')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="dashboard-refresh">
            {t('dashboard.refresh')}
          </Button>
        }
      />
      <Card>
        {state.status === 'loading' ? (
          <Skeleton active />
        ) : state.status === 'error' ? (
          <ErrorAlert error={state.error} />
        ) : state.value.length === 0 ? (
          <Empty
            data-testid="dashboard-empty"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <Typography.Text strong>{t('dashboard.empty')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('dashboard.emptyHint')}</Typography.Text>
              </>
            }
          />
        ) : (
          <Table<VaultSummary>
            data-testid="dashboard-table"
            rowKey="id"
            columns={columns}
            dataSource={state.value}
            pagination={state.value.length > 20 ? { pageSize: 20 } : false}
          />
        )}
      </Card>
    </>
  );
}
