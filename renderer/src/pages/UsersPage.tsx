// Users & roles: who can open the vault and with which role. Owners add and remove people, change
// roles and set anyone's passphrase; everyone else may change their own passphrase. The engine
// enforces all of it; this page only leaves out what the role cannot do.
import { DeleteOutlined, KeyOutlined, SyncOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type SessionInfo, type UserInfo } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { PassphraseFields } from '../components/PassphraseFields';
import { RoleTag } from '../components/RoleTag';
import { useOperation } from '../hooks/use-operation';
import { currentLang } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { useSession } from '../session/session-context';
import { CertificateCell } from './users/CertificateCell';
import { RekeyModal, type RekeyTarget } from './users/RekeyModal';

interface AddValues {
  name?: string;
  role?: Role;
  passphrase?: string;
}

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({
    value: role,
    label: (
      <Flex justify="space-between" gap={16}>
        <span>{t(`roles.${role}`)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`roleHints.${role}`)}
        </Typography.Text>
      </Flex>
    ),
  }));
}

function AddUserModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (u: UserInfo) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const options = useRoleOptions();

  const add = async (values: AddValues) => {
    setBusy(true);
    setError(null);
    const result = await api.call('users.add', {
      name: values.name?.trim() ?? '',
      role: values.role ?? 'operator',
      passphrase: values.passphrase ?? '',
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    form.resetFields();
    onAdded(result.value);
  };

  return (
    <Modal
      open={open}
      title={t('users.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.add')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'add-user-submit' }}
      data-testid="add-user-modal"
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'operator' }}
        onFinish={(values) => void add(values)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }, { max: 100 }]}
        >
          <Input autoComplete="off" data-testid="add-user-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select
            options={options}
            data-testid="add-user-role"
            labelRender={(selected) => t(`roles.${selected.value as Role}`)}
          />
        </Form.Item>
        <PassphraseFields />
      </Form>
      {error ? <ErrorAlert error={error} title={t('users.failed')} /> : null}
    </Modal>
  );
}

function PassphraseModal({
  user,
  onClose,
  onChanged,
}: {
  user: UserInfo | null;
  onClose: () => void;
  onChanged: (u: UserInfo) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);

  const change = async (passphrase: string) => {
    if (!user) return;
    setBusy(true);
    setError(null);
    const result = await api.call('users.setPassphrase', { name: user.name, passphrase });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    form.resetFields();
    onChanged(user);
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.setPassphraseTitle', { name: user.name }) : null}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'set-passphrase-submit' }}
      data-testid="set-passphrase-modal"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onFinish={(v) => void change(v.passphrase ?? '')}
      >
        <PassphraseFields />
      </Form>
      {error ? <ErrorAlert error={error} title={t('users.failed')} /> : null}
    </Modal>
  );
}

export function UsersPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const { state, reload } = useOperation('users.list', {});
  const [adding, setAdding] = useState(false);
  const [passphraseFor, setPassphraseFor] = useState<UserInfo | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const lang = currentLang();
  const isSelf = (user: UserInfo) => !session.viaRecoveryKey && user.name === session.userName;
  const manage = can('users.add');

  const setRole = async (user: UserInfo, role: Role) => {
    setError(null);
    const result = await api.call('users.setRole', { name: user.name, role });
    if (!result.ok) return setError(result.error);
    void message.success(t('users.roleChanged', { name: user.name, role: t(`roles.${role}`) }));
    reload();
  };

  const [rekey, setRekey] = useState<RekeyTarget | null>(null);
  // Removing someone re-encrypts the vault: a job with progress, then the new recovery key.
  const remove = (user: UserInfo) => {
    setError(null);
    setRekey({ kind: 'remove', name: user.name });
  };

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const columns: TableColumnsType<UserInfo> = [
    {
      title: t('users.columns.name'),
      dataIndex: 'name',
      render: (name: string, user) => (
        <Space size={8}>
          <Typography.Text strong>{name}</Typography.Text>
          {isSelf(user) ? <Tag>{t('users.you')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.columns.role'),
      dataIndex: 'role',
      width: 180,
      render: (role: Role, user) =>
        can('users.setRole') ? (
          <Select
            size="small"
            value={role}
            options={roleOptions}
            style={{ width: 120 }}
            aria-label={t('users.changeRole')}
            onChange={(next: Role) => void setRole(user, next)}
            data-testid="user-role-select"
          />
        ) : (
          <RoleTag role={role} />
        ),
    },
    {
      title: t('users.columns.createdAt'),
      dataIndex: 'createdAt',
      render: (iso: string) => formatDateTime(lang, iso),
    },
    {
      title: t('users.certificate.column'),
      key: 'certificate',
      render: (_: unknown, user) => (
        <CertificateCell
          user={user}
          canCertify={can('users.certify')}
          onCertified={reload}
          onError={setError}
        />
      ),
    },
    {
      title: t('users.columns.passphrase'),
      dataIndex: 'hasPassphrase',
      render: (has: boolean) =>
        has ? (
          <Tag color="green">{t('users.passphraseSet')}</Tag>
        ) : (
          <Tag color="red">{t('users.passphraseMissing')}</Tag>
        ),
    },
    {
      title: t('users.columns.actions'),
      key: 'actions',
      align: 'right',
      render: (_: unknown, user) => (
        <Space size={4}>
          {manage || isSelf(user) ? (
            <Button
              size="small"
              icon={<KeyOutlined />}
              onClick={() => setPassphraseFor(user)}
              data-testid="user-set-passphrase"
            >
              {t('users.setPassphrase')}
            </Button>
          ) : null}
          {can('users.remove') ? (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => remove(user)}
              data-testid="user-remove"
            >
              {t('users.remove')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

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
          manage ? (
            <Space>
              {can('vault.rotateKeys') ? (
                <Button
                  icon={<SyncOutlined />}
                  onClick={() => setRekey({ kind: 'rotate' })}
                  data-testid="rotate-keys"
                >
                  {t('users.rekey.rotate')}
                </Button>
              ) : null}
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => setAdding(true)}
                data-testid="add-user"
              >
                {t('users.add')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        {!manage ? (
          <Alert type="info" showIcon title={t('users.readOnly')} data-testid="users-read-only" />
        ) : null}
        {error ? <ErrorAlert error={error} title={t('users.failed')} /> : null}
        <Card>
          {state.status === 'loading' ? (
            <Skeleton active />
          ) : state.status === 'error' ? (
            <ErrorAlert error={state.error} />
          ) : (
            <Table<UserInfo>
              data-testid="users-table"
              rowKey="id"
              columns={columns}
              dataSource={state.value}
              pagination={false}
            />
          )}
        </Card>
      </Flex>
      {manage ? (
        <AddUserModal
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={(user) => {
            setAdding(false);
            void message.success(t('users.added', { name: user.name }));
            reload();
          }}
        />
      ) : null}
      <RekeyModal
        target={rekey}
        clientName={session.clientName}
        onClose={() => setRekey(null)}
        onDone={reload}
      />
      <PassphraseModal
        user={passphraseFor}
        onClose={() => setPassphraseFor(null)}
        onChanged={(user) => {
          setPassphraseFor(null);
          void message.success(t('users.passphraseChanged', { name: user.name }));
          reload();
        }}
      />
    </>
  );
}
