// Every client vault in the registry and how far its closure has got; where a closure starts (new
// vault, open a vault file) and where each vault is opened, located again or forgotten.
import {
  EllipsisOutlined,
  FolderOpenOutlined,
  PlusOutlined,
  ReloadOutlined,
  SafetyOutlined,
  UnlockOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultSummary } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useOperation } from '../hooks/use-operation';
import { currentLang } from '../i18n';
import { baseName, formatDateTime } from '../i18n/format';
import type { ErrorValue } from '../platform/api';
import { api } from '../platform/api';
import { chooseFile } from '../platform/dialogs';
import { useSession } from '../session/session-context';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Backup health from the registry, so it shows without unlocking: the last successful restore drill,
 * days since the newest verified copy, and a red marker while a failed verification stands. Whether a
 * backup disk is attached does not matter here: no warning for a disk kept elsewhere.
 */
function BackupHealth({ vault, now }: { vault: VaultSummary; now: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const days =
    vault.lastVerifiedBackupAt === null
      ? null
      : Math.max(0, Math.floor((now - new Date(vault.lastVerifiedBackupAt).getTime()) / DAY_MS));
  return (
    <Flex vertical gap={2} data-testid="vault-backup-health">
      {vault.lastVerifyFailure ? (
        <Tooltip
          title={t('dashboard.health.failedHint', {
            date: formatDateTime(lang, vault.lastVerifyFailure.at),
          })}
        >
          <Tag color="red" icon={<WarningOutlined />} data-testid="vault-verify-failed">
            {t('dashboard.health.failed')}
          </Tag>
        </Tooltip>
      ) : null}
      <Typography.Text style={{ fontSize: 12 }} data-testid="vault-restorable">
        {vault.lastRestoreVerifiedAt
          ? t('dashboard.health.restorable', { date: formatDateTime(lang, vault.lastRestoreVerifiedAt) })
          : t('dashboard.health.neverRestored')}
      </Typography.Text>
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid="vault-days-since-verified"
        data-days={days ?? 'never'}
      >
        {days === null
          ? t('dashboard.health.noVerified')
          : t('dashboard.health.daysSinceVerified', { count: days })}
      </Typography.Text>
    </Flex>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  // The registry's list, shown locked or not: reading it never keeps an open vault from its idle lock.
  const { state, reload } = useOperation('vault.list', {}, { background: true });
  const { session, chooseFile: keepChosenFile } = useSession();
  const [actionError, setActionError] = useState<ErrorValue | null>(null);
  // "Days since" is counted from when the page was opened (a render must not read the clock).
  const [now] = useState(() => Date.now());
  const lang = currentLang();
  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : t('dashboard.never'));

  const openFile = async () => {
    setActionError(null);
    const chosen = await chooseFile({ kind: 'open', purpose: 'vault' });
    if (!chosen.ok) return setActionError(chosen.error);
    if (!chosen.value) return;
    keepChosenFile(chosen.value);
    navigateTo('unlock');
  };

  const locate = async (vault: VaultSummary) => {
    setActionError(null);
    const chosen = await chooseFile({ kind: 'open', purpose: 'vault' });
    if (!chosen.ok) return setActionError(chosen.error);
    if (!chosen.value) return;
    const result = await api.call('vault.locate', {
      vaultId: vault.id,
      file: { handle: chosen.value.handle },
    });
    if (!result.ok) return setActionError(result.error);
    void message.success(t('dashboard.located', { client: vault.clientName }));
    reload();
  };

  const forget = (vault: VaultSummary) => {
    setActionError(null);
    void modal.confirm({
      title: t('dashboard.forgetTitle', { client: vault.clientName }),
      content: <span data-testid="forget-body">{t('dashboard.forgetBody')}</span>,
      okText: t('dashboard.forgetOk'),
      okButtonProps: { danger: true, 'data-testid': 'forget-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await api.call('vault.forget', { vaultId: vault.id });
        if (!result.ok) return setActionError(result.error);
        void message.success(t('dashboard.forgotten', { client: vault.clientName }));
        reload();
      },
    });
  };

  const columns: TableColumnsType<VaultSummary> = [
    {
      title: t('dashboard.columns.client'),
      dataIndex: 'clientName',
      render: (name: string, vault) => (
        <Flex vertical gap={2}>
          <Space size={8}>
            <Typography.Text strong>{name}</Typography.Text>
            {session?.vaultId === vault.id ? (
              <Tag color="green" icon={<SafetyOutlined />} data-testid="vault-open-now">
                {t('dashboard.openNow')}
              </Tag>
            ) : null}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {baseName(vault.path)}
          </Typography.Text>
        </Flex>
      ),
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
      title: t('dashboard.columns.backupHealth'),
      key: 'backupHealth',
      render: (_: unknown, vault) => <BackupHealth vault={vault} now={now} />,
    },
    {
      title: t('dashboard.columns.withoutDisposition'),
      key: 'withoutDisposition',
      // Kept in the registry (see electron/core/dispositions/disposition-count.ts), so shown for locked vaults too.
      render: (_: unknown, vault) =>
        vault.withoutDisposition === null || vault.customers === null ? (
          '—'
        ) : (
          <Tag
            color={vault.withoutDisposition === 0 ? 'green' : 'orange'}
            data-testid="vault-without-disposition"
            data-count={vault.withoutDisposition}
          >
            {t('dashboard.withoutDisposition', { n: vault.withoutDisposition, total: vault.customers })}
          </Tag>
        ),
    },
    {
      title: t('dashboard.columns.file'),
      dataIndex: 'present',
      render: (present: boolean, vault) =>
        present ? (
          <Tag color="default">{t('dashboard.present')}</Tag>
        ) : (
          <Tooltip title={t('dashboard.missingHint', { path: vault.path })}>
            <Tag color="red" data-testid="vault-missing">
              {t('dashboard.missing')}
            </Tag>
          </Tooltip>
        ),
    },
    {
      title: t('dashboard.columns.actions'),
      key: 'actions',
      align: 'right',
      render: (_: unknown, vault) => (
        <Space size={4}>
          {!vault.present ? (
            <Button size="small" onClick={() => void locate(vault)} data-testid="vault-locate-button">
              {t('dashboard.locate')}
            </Button>
          ) : session?.vaultId === vault.id ? (
            <Button
              size="small"
              type="primary"
              ghost
              onClick={() => navigateTo('vault')}
              data-testid="vault-view"
            >
              {t('dashboard.view')}
            </Button>
          ) : (
            <Button
              size="small"
              type="primary"
              ghost
              icon={<UnlockOutlined />}
              onClick={() => navigateTo('unlock', vault.id)}
              data-testid="vault-open"
            >
              {t('dashboard.open')}
            </Button>
          )}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'locate',
                  label: <span data-testid="vault-locate">{t('dashboard.locate')}</span>,
                  onClick: () => void locate(vault),
                },
                { type: 'divider' },
                {
                  key: 'forget',
                  danger: true,
                  label: <span data-testid="vault-forget">{t('dashboard.forget')}</span>,
                  onClick: () => forget(vault),
                },
              ],
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<EllipsisOutlined />}
              aria-label={t('dashboard.more')}
              data-testid="vault-more"
            />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="dashboard-refresh">
              {t('dashboard.refresh')}
            </Button>
            <Button
              icon={<FolderOpenOutlined />}
              onClick={() => void openFile()}
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
      {actionError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={actionError} title={t('dashboard.actionFailed')} />
        </div>
      ) : null}
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
          >
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigateTo('create')}>
                {t('dashboard.newVault')}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void openFile()}>
                {t('dashboard.openFile')}
              </Button>
            </Space>
          </Empty>
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
