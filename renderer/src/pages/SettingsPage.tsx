// The open vault's settings and this installation (version, data folder, runtime).
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useOperation } from '../hooks/use-operation';
import { navigateTo } from '../app/use-hash-route';
import { RoleTag } from '../components/RoleTag';
import { useSession } from '../session/session-context';

function AboutCard() {
  const { t } = useTranslation();
  const { state } = useOperation('app.info', {});
  return (
    <Card title={t('settings.about')}>
      {state.status === 'loading' ? (
        <Skeleton active />
      ) : state.status === 'error' ? (
        <ErrorAlert error={state.error} />
      ) : (
        <Descriptions column={1} bordered size="small" data-testid="app-info">
          <Descriptions.Item label={t('settings.version')}>
            <span data-testid="info-version">{state.value.version}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text code data-testid="info-data-dir">
              {state.value.dataDir}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.runtime')}>
            <span data-testid="info-runtime">
              Node {state.value.runtime.node} · {state.value.runtime.platform} {state.value.runtime.arch}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.electron')}>
            <span data-testid="info-electron">
              {state.value.runtime.electron ?? t('settings.noElectron')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.engineMode')}>
            <span data-testid="info-engine-mode" data-mode={state.value.engineMode}>
              {t(`settings.engineModes.${state.value.engineMode}`)}
            </span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** The open vault's settings: who you are in it, its idle lock, and the way to its users and roles. */
function VaultCard() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  if (!session) return null;
  return (
    <Card
      title={t('settings.vault.title')}
      data-testid="settings-vault"
      extra={
        <Space>
          <Button icon={<TeamOutlined />} onClick={() => navigateTo('users')} data-testid="settings-users">
            {t('settings.vault.manageUsers')}
          </Button>
        </Space>
      }
    >
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 160 } }}
        items={[
          {
            key: 'client',
            label: t('create.clientName'),
            children: session.clientName,
          },
          {
            key: 'you',
            label: t('overview.signedInAs'),
            children: (
              <Space size={8}>
                <span>{session.viaRecoveryKey ? t('session.viaRecoveryKey') : session.userName}</span>
                <RoleTag role={session.role} />
              </Space>
            ),
          },
          {
            key: 'idle',
            label: t('settings.vault.idleTimeout'),
            children: (
              <Space size={12}>
                <span>{t('overview.idleValue', { count: session.idleTimeoutMinutes })}</span>
                {can('vault.updateDetails') ? (
                  <Typography.Link onClick={() => navigateTo('vault')}>
                    <EditOutlined /> {t('settings.vault.editInOverview')}
                  </Typography.Link>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Flex vertical gap={24}>
        <VaultCard />
        <AboutCard />
      </Flex>
    </>
  );
}
