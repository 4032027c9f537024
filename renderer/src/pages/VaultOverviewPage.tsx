// The open vault at a glance: the client's details and stage, the vault itself, its audit chain and the
// company certificate, the recovery-key warning while unconfirmed, and Edit details for owners. Each card
// is its own component in overview/; the page's data is its model (overview/use-overview.ts).
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, VaultDetails } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { baseName } from '../i18n/format';
import { useSession } from '../session/session-context';
import { AuditCard } from './overview/AuditCard';
import { ClientCard } from './overview/ClientCard';
import { EditDetailsDrawer } from './overview/EditDetailsDrawer';
import { IdentityCard } from './overview/IdentityCard';
import { RecoveryKeyWarning } from './overview/RecoveryKeyWarning';
import { useOverview } from './overview/use-overview';
import { VaultCard } from './overview/VaultCard';
import { VaultCheckCard } from './overview/VaultCheckCard';

function Overview({ details, onChange }: { details: VaultDetails; onChange: (d: VaultDetails) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [editing, setEditing] = useState(false);

  return (
    <>
      <PageHeader
        title={details.clientName}
        subtitle={baseName(details.path)}
        extra={
          <Space wrap>
            <Button icon={<TeamOutlined />} onClick={() => navigateTo('users')} data-testid="overview-users">
              {t('overview.manageUsers')}
            </Button>
            {session.can('vault.updateDetails') ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="overview-edit"
              >
                {t('overview.edit')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={24} data-testid="vault-overview">
        {!details.recoveryKeyConfirmed ? (
          <RecoveryKeyWarning
            details={details}
            onConfirmed={() => {
              onChange({ ...details, recoveryKeyConfirmed: true });
              void message.success(t('overview.confirmed'));
            }}
          />
        ) : null}
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={14}>
            <ClientCard details={details} />
          </Col>
          <Col xs={24} xl={10}>
            <VaultCard details={details} />
          </Col>
          <Col xs={24} xl={14}>
            <IdentityCard details={details} />
          </Col>
          <Col xs={24} xl={10}>
            <AuditCard details={details} />
          </Col>
        </Row>
        <VaultCheckCard />
      </Flex>
      <EditDetailsDrawer
        details={details}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(next) => {
          setEditing(false);
          onChange(next);
          void session.refresh();
          void message.success(t('overview.saved'));
        }}
      />
    </>
  );
}

export function VaultOverviewPage({ session }: { session: SessionInfo }) {
  // What the page changed since it loaded (edits, the confirmation) replaces what vault.info said.
  const { error, details, change } = useOverview(session);
  if (error) return <ErrorAlert error={error} />;
  if (!details) return <Skeleton active />;
  return <Overview details={details} onChange={change} />;
}
