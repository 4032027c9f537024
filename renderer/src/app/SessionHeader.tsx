// The header's view of the open vault: the client's name (to its overview), who is signed in with which
// role, and Lock. Nothing is shown while no vault is open.
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Modal, theme, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { RoleTag } from '../components/RoleTag';
import type { ErrorValue } from '../platform/api';
import { useSession } from '../session/session-context';
import { navigateTo } from './use-hash-route';

export function SessionHeader() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { session, lock } = useSession();
  const [locking, setLocking] = useState(false);
  // A failed lock is rare (the engine is gone), and worth saying plainly.
  const [error, setError] = useState<ErrorValue | null>(null);
  if (!session) return null;

  const onLock = async () => {
    setLocking(true);
    setError(await lock());
    setLocking(false);
  };

  return (
    <Flex align="center" gap={12} data-testid="session-header" aria-label={t('session.label')} role="group">
      <Button
        type="text"
        icon={<SafetyOutlined style={{ color: token.colorSuccess }} />}
        onClick={() => navigateTo('vault')}
        data-testid="session-client"
        style={{ maxWidth: 300, paddingInline: 8 }}
      >
        <Typography.Text strong ellipsis style={{ maxWidth: 250 }}>
          {session.clientName}
        </Typography.Text>
      </Button>
      <Flex align="center" gap={6} data-testid="session-user">
        <UserOutlined style={{ color: token.colorTextSecondary }} />
        <Typography.Text data-testid="session-user-name">
          {session.viaRecoveryKey ? t('session.viaRecoveryKey') : session.userName}
        </Typography.Text>
        <RoleTag role={session.role} />
      </Flex>
      <Tooltip title={t('session.lockHint')}>
        <Button icon={<LockOutlined />} onClick={() => void onLock()} loading={locking} data-testid="lock">
          {t('session.lock')}
        </Button>
      </Tooltip>
      <Divider orientation="vertical" style={{ height: 24, marginInline: 4 }} />
      <Modal
        open={error !== null}
        title={t('session.lockFailed')}
        onCancel={() => setError(null)}
        footer={<Button onClick={() => setError(null)}>{t('common.close')}</Button>}
      >
        {error ? <ErrorAlert error={error} /> : null}
      </Modal>
    </Flex>
  );
}
