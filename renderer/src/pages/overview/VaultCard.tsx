// The vault on the overview: who is signed in and as what, its users, the idle lock, when it was
// created, its schema and its file.
import { Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { RoleTag } from '../../components/RoleTag';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { mono } from './mono';

export function VaultCard({ details }: { details: VaultDetails }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // English labels are longer: give them room rather than wrap.
  const wide = lang === 'en';
  const you = details.session;
  return (
    <Card title={t('overview.vault')} style={{ height: '100%' }} data-testid="overview-vault">
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: wide ? 130 : 110 } }}
        items={[
          {
            key: 'you',
            label: t('overview.signedInAs'),
            children: (
              <Space size={8}>
                <span>{you.viaRecoveryKey ? t('session.viaRecoveryKey') : you.userName}</span>
                <RoleTag role={you.role} />
              </Space>
            ),
          },
          {
            key: 'users',
            label: t('overview.users'),
            children: (
              <Space size={8}>
                <span>{t('overview.usersCount', { count: details.users })}</span>
                <Typography.Link onClick={() => navigateTo('users')}>
                  {t('overview.manageUsers')}
                </Typography.Link>
              </Space>
            ),
          },
          {
            key: 'idle',
            label: t('overview.idleTimeout'),
            children: (
              <span data-testid="overview-idle">
                {t('overview.idleValue', { count: details.idleTimeoutMinutes })}
              </span>
            ),
          },
          {
            key: 'created',
            label: t('overview.createdAt'),
            children: formatDateTime(lang, details.createdAt),
          },
          { key: 'schema', label: t('overview.schemaVersion'), children: details.schemaVersion },
          {
            key: 'file',
            label: t('overview.file'),
            children: <span style={mono}>{details.path}</span>,
          },
        ]}
      />
    </Card>
  );
}
