// The columns of the Users table: the name (and "you"), the role (a select for owners), when the user was
// added, their certificate, whether a passphrase is set, and the acts (set passphrase, remove).
import { DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { ROLES, type Role, type UserInfo } from '../../../../shared/contract';
import { RoleTag } from '../../components/RoleTag';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { CertificateCell } from './CertificateCell';
import type { UsersModel } from './use-users';

export function userColumns(
  t: TFunction,
  model: UsersModel,
  onRole: (user: UserInfo, role: Role) => void,
): TableColumnsType<UserInfo> {
  const lang = currentLang();
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return [
    {
      title: t('users.columns.name'),
      dataIndex: 'name',
      render: (name: string, user) => (
        <Space size={8}>
          <Typography.Text strong>{name}</Typography.Text>
          {model.isSelf(user) ? <Tag>{t('users.you')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.columns.role'),
      dataIndex: 'role',
      width: 180,
      render: (role: Role, user) =>
        model.may.setRole ? (
          <Select
            size="small"
            value={role}
            options={roleOptions}
            style={{ width: 120 }}
            aria-label={t('users.changeRole')}
            onChange={(next: Role) => onRole(user, next)}
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
          canCertify={model.may.certify}
          onCertified={model.reload}
          onError={model.setError}
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
          {model.manage || model.isSelf(user) ? (
            <Button
              size="small"
              icon={<KeyOutlined />}
              onClick={() => model.setPassphraseFor(user)}
              data-testid="user-set-passphrase"
            >
              {t('users.setPassphrase')}
            </Button>
          ) : null}
          {model.may.remove ? (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => model.remove(user)}
              data-testid="user-remove"
            >
              {t('users.remove')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
}
