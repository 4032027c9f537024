// The columns of the Dashboard's list of vaults: the client (and whether it is the vault open now), credit
// code, stage, the closure's next deadline and blockers (closure-columns.tsx), last opened and backed up,
// backup health, records without a disposition, whether the file is where the registry says, and the acts
// (open or view, locate, forget).
import { EllipsisOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { Bilingual } from '../../../../shared/bilingual';
import { CLOSURE_STAGES, type VaultSummary } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { currentLang } from '../../i18n';
import { baseName, formatDateTime } from '../../i18n/format';
import { BackupHealth } from './BackupHealth';
import { closureColumns } from './closure-columns';

export interface VaultColumnsOptions {
  /** The vault open in this window, if any. */
  openVaultId: string | null;
  /** When the page was opened: "days since" counts from it. */
  now: number;
  onLocate: (vault: VaultSummary) => void;
  onForget: (vault: VaultSummary) => void;
}

export function vaultColumns(
  t: TFunction,
  bi: (text: Bilingual) => string,
  { openVaultId, now, onLocate, onForget }: VaultColumnsOptions,
): TableColumnsType<VaultSummary> {
  const lang = currentLang();
  const when = (iso: string | null) => (iso ? formatDateTime(lang, iso) : t('dashboard.never'));
  return [
    {
      title: t('dashboard.columns.client'),
      dataIndex: 'clientName',
      render: (name: string, vault) => (
        <Flex vertical gap={2}>
          <Space size={8}>
            <Typography.Text strong>{name}</Typography.Text>
            {openVaultId === vault.id ? (
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
      sorter: (a, b) => CLOSURE_STAGES.indexOf(a.stage) - CLOSURE_STAGES.indexOf(b.stage),
      render: (stage: VaultSummary['stage']) => (
        <Tag color={stage === 'certified' ? 'green' : 'blue'}>{t(`dashboard.stages.${stage}`)}</Tag>
      ),
    },
    ...closureColumns(t, bi, new Date(now).toLocaleDateString('sv')),
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
            <Button size="small" onClick={() => onLocate(vault)} data-testid="vault-locate-button">
              {t('dashboard.locate')}
            </Button>
          ) : openVaultId === vault.id ? (
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
                  onClick: () => onLocate(vault),
                },
                { type: 'divider' },
                {
                  key: 'forget',
                  danger: true,
                  label: <span data-testid="vault-forget">{t('dashboard.forget')}</span>,
                  onClick: () => onForget(vault),
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
}
