// Every client vault in the registry and how far its closure has got; where a closure starts (new
// vault, open a vault file) and where each vault is opened, located again or forgotten. The page's data
// and acts are its model (dashboard/use-dashboard.ts); the list's columns are in vault-columns.tsx.
import { FolderOpenOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultSummary } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useBi } from '../i18n/bilingual';
import { useDashboard } from './dashboard/use-dashboard';
import { vaultColumns } from './dashboard/vault-columns';
import { IncidentAlerts } from './incidents/IncidentAlerts';
import { RequestsDue } from './requests/RequestsDue';

export function DashboardPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const { message, modal } = App.useApp();
  const model = useDashboard();

  const locate = async (vault: VaultSummary) => {
    if (await model.locate(vault)) void message.success(t('dashboard.located', { client: vault.clientName }));
  };

  const forget = (vault: VaultSummary) => {
    model.clearError();
    void modal.confirm({
      title: t('dashboard.forgetTitle', { client: vault.clientName }),
      content: <span data-testid="forget-body">{t('dashboard.forgetBody')}</span>,
      okText: t('dashboard.forgetOk'),
      okButtonProps: { danger: true, 'data-testid': 'forget-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (await model.forget(vault))
          void message.success(t('dashboard.forgotten', { client: vault.clientName }));
      },
    });
  };

  const columns = vaultColumns(t, bi, {
    openVaultId: model.openVaultId,
    now: model.now,
    onLocate: (vault) => void locate(vault),
    onForget: forget,
  });

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={model.reload} data-testid="dashboard-refresh">
              {t('dashboard.refresh')}
            </Button>
            <Button
              icon={<FolderOpenOutlined />}
              onClick={() => void model.openFile()}
              data-testid="dashboard-open-file"
            >
              {t('dashboard.openFile')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigateTo('create')}
              data-testid="dashboard-new-vault"
            >
              {t('dashboard.newVault')}
            </Button>
          </Space>
        }
      />
      <RequestsDue />
      <IncidentAlerts />
      {model.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={model.error} title={t('dashboard.actionFailed')} />
        </div>
      ) : null}
      <Card>
        {model.state.status === 'loading' ? (
          <Skeleton active />
        ) : model.state.status === 'error' ? (
          <ErrorAlert error={model.state.error} />
        ) : model.state.value.length === 0 ? (
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
          >
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigateTo('create')}>
                {t('dashboard.newVault')}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void model.openFile()}>
                {t('dashboard.openFile')}
              </Button>
            </Space>
          </Empty>
        ) : (
          <Table<VaultSummary>
            data-testid="dashboard-table"
            rowKey="id"
            columns={columns}
            dataSource={model.state.value}
            pagination={model.state.value.length > 20 ? { pageSize: 20 } : false}
          />
        )}
      </Card>
    </>
  );
}
