// Users & roles: who can open the vault and with which role. Owners add and remove people, change
// roles and set anyone's passphrase; everyone else may change their own passphrase. The engine
// enforces all of it; this page only leaves out what the role cannot do. The page's data and acts are
// its model (users/use-users.ts); the table's columns are in user-columns.tsx.
import { SyncOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Flex, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, SessionInfo, UserInfo } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { AddUserModal } from './users/AddUserModal';
import { PassphraseModal } from './users/PassphraseModal';
import { RekeyModal } from './users/RekeyModal';
import { useUsers } from './users/use-users';
import { userColumns } from './users/user-columns';

export function UsersPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const model = useUsers(session);

  const setRole = async (user: UserInfo, role: Role) => {
    if (await model.setRole(user, role))
      void message.success(t('users.roleChanged', { name: user.name, role: t(`roles.${role}`) }));
  };
  const columns = userColumns(t, model, (user, role) => void setRole(user, role));

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: (
              <Typography.Link onClick={() => navigateTo('settings')}>{t('nav.settings')}</Typography.Link>
            ),
          },
          { title: t('users.title') },
        ]}
      />
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          model.manage ? (
            <Space>
              {model.may.rotateKeys ? (
                <Button
                  icon={<SyncOutlined />}
                  onClick={() => model.setRekey({ kind: 'rotate' })}
                  data-testid="rotate-keys"
                >
                  {t('users.rekey.rotate')}
                </Button>
              ) : null}
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => model.setAdding(true)}
                data-testid="add-user"
              >
                {t('users.add')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        {!model.manage ? (
          <Alert type="info" showIcon title={t('users.readOnly')} data-testid="users-read-only" />
        ) : null}
        {model.error ? <ErrorAlert error={model.error} title={t('users.failed')} /> : null}
        <Card>
          {model.state.status === 'loading' ? (
            <Skeleton active />
          ) : model.state.status === 'error' ? (
            <ErrorAlert error={model.state.error} />
          ) : (
            <Table<UserInfo>
              data-testid="users-table"
              rowKey="id"
              columns={columns}
              dataSource={model.state.value}
              pagination={false}
            />
          )}
        </Card>
      </Flex>
      {model.manage ? (
        <AddUserModal
          open={model.adding}
          onClose={() => model.setAdding(false)}
          onAdded={(user) => {
            model.setAdding(false);
            void message.success(t('users.added', { name: user.name }));
            model.reload();
          }}
        />
      ) : null}
      <RekeyModal
        target={model.rekey}
        clientName={session.clientName}
        onClose={() => model.setRekey(null)}
        onDone={model.reload}
      />
      <PassphraseModal
        user={model.passphraseFor}
        onClose={() => model.setPassphraseFor(null)}
        onChanged={(user) => {
          model.setPassphraseFor(null);
          void message.success(t('users.passphraseChanged', { name: user.name }));
          model.reload();
        }}
      />
    </>
  );
}
