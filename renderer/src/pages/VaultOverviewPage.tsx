// The open vault at a glance: the client's details and stage, the vault itself, its audit chain and the
// company certificate, the recovery-key warning while unconfirmed, and Edit details for owners.
import {
  AuditOutlined,
  CheckOutlined,
  EditOutlined,
  FilePdfOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, VaultDetails } from '../../../shared/contract';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { MONOSPACE } from '../components/RecoveryKeyInput';
import { RoleTag } from '../components/RoleTag';
import { useOperation } from '../hooks/use-operation';
import { useRecoverySheet } from '../hooks/use-recovery-sheet';
import { currentLang } from '../i18n';
import { baseName, formatDate, formatDateTime } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { useSession } from '../session/session-context';
import { EditDetailsDrawer } from './overview/EditDetailsDrawer';
import { VaultCheckCard } from './overview/VaultCheckCard';

const mono = { fontFamily: MONOSPACE, fontSize: 12, wordBreak: 'break-all' } as const;

function RecoveryKeyWarning({ details, onConfirmed }: { details: VaultDetails; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const sheet = useRecoverySheet(details.clientName);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirm = async () => {
    setConfirming(true);
    setError(null);
    const result = await api.call('vault.confirmRecoveryKey', {});
    setConfirming(false);
    if (!result.ok) return setError(result.error);
    onConfirmed();
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="recovery-unconfirmed"
      title={t('overview.recoveryNotConfirmed')}
      description={
        <Flex vertical gap={12}>
          <span>{t('overview.recoveryNotConfirmedBody')}</span>
          {can('vault.confirmRecoveryKey') ? (
            <Space wrap>
              <Button icon={<FilePdfOutlined />} loading={sheet.saving} onClick={() => void sheet.save()}>
                {t('create.saveSheet')}
              </Button>
              <Button icon={<CheckOutlined />} loading={confirming} onClick={() => void confirm()}>
                {t('overview.confirmStored')}
              </Button>
              {sheet.saved ? (
                <Typography.Text type="success">
                  {t('create.sheetSaved', { name: sheet.saved })}
                </Typography.Text>
              ) : null}
            </Space>
          ) : null}
          {sheet.error ? <ErrorAlert error={sheet.error} title={t('create.sheetFailed')} /> : null}
          {error ? <ErrorAlert error={error} /> : null}
        </Flex>
      }
    />
  );
}

function Overview({ details, onChange }: { details: VaultDetails; onChange: (d: VaultDetails) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const lang = currentLang();
  // English labels are longer: give them room rather than wrap.
  const wide = lang === 'en';
  const text = (value: string | null) =>
    value ? value : <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const date = (iso: string | null | undefined) =>
    iso ? formatDate(lang, iso) : <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const you = details.session;

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
            <Card title={t('overview.client')} style={{ height: '100%' }} data-testid="overview-client">
              <Descriptions
                column={1}
                size="small"
                styles={{ label: { width: wide ? 200 : 150 } }}
                items={[
                  {
                    key: 'name',
                    label: t('create.clientName'),
                    children: <span data-testid="overview-client-name">{details.clientName}</span>,
                  },
                  {
                    key: 'code',
                    label: t('create.creditCode'),
                    children: details.creditCode ? (
                      <Typography.Text code data-testid="overview-credit-code">
                        {details.creditCode}
                      </Typography.Text>
                    ) : (
                      text(null)
                    ),
                  },
                  {
                    key: 'stage',
                    label: t('overview.stage'),
                    children: <Tag color="blue">{t(`dashboard.stages.${details.stage}`)}</Tag>,
                  },
                  { key: 'contact', label: t('create.contact'), children: text(details.contact) },
                  { key: 'reason', label: t('create.closureReason'), children: text(details.closureReason) },
                  {
                    key: 'decision',
                    label: t('create.decisionDate'),
                    children: date(details.keyDates.decisionDate),
                  },
                  {
                    key: 'deregistration',
                    label: t('create.deregistrationDate'),
                    children: date(details.keyDates.deregistrationDate),
                  },
                  {
                    key: 'deadline',
                    label: t('create.deadline'),
                    children: <span data-testid="overview-deadline">{date(details.keyDates.deadline)}</span>,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
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
          </Col>
          <Col xs={24} xl={14}>
            <Card
              title={
                <Space>
                  <SafetyCertificateOutlined />
                  {t('overview.identity')}
                </Space>
              }
              style={{ height: '100%' }}
              data-testid="overview-identity"
            >
              {details.identity ? (
                <Descriptions
                  column={1}
                  size="small"
                  styles={{ label: { width: wide ? 200 : 150 } }}
                  items={[
                    { key: 'subject', label: t('overview.subject'), children: details.identity.subject },
                    {
                      key: 'fingerprint',
                      label: t('overview.fingerprint'),
                      children: (
                        <Typography.Text
                          copyable={{ text: details.identity.fingerprintSha256 }}
                          style={mono}
                          data-testid="overview-fingerprint"
                        >
                          {details.identity.fingerprintSha256}
                        </Typography.Text>
                      ),
                    },
                    {
                      key: 'notAfter',
                      label: t('overview.notAfter'),
                      children: formatDateTime(lang, details.identity.notAfter),
                    },
                  ]}
                />
              ) : (
                <Typography.Text type="secondary">{t('overview.noIdentity')}</Typography.Text>
              )}
              {!details.recoveryRestoresCompanyKey ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('overview.recoveryV1')}
                  data-testid="overview-recovery-v1"
                  style={{ marginTop: 12 }}
                />
              ) : null}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card
              title={
                <Space>
                  <AuditOutlined />
                  {t('overview.audit')}
                </Space>
              }
              extra={
                <Typography.Link onClick={() => navigateTo('audit')}>
                  {t('overview.viewAudit')}
                </Typography.Link>
              }
              style={{ height: '100%' }}
              data-testid="overview-audit"
            >
              <Descriptions
                column={1}
                size="small"
                styles={{ label: { width: wide ? 130 : 110 } }}
                items={[
                  {
                    key: 'entries',
                    label: t('overview.entries'),
                    children: <span data-testid="overview-audit-entries">{details.audit.entries}</span>,
                  },
                  {
                    key: 'head',
                    label: t('overview.head'),
                    children: (
                      <Typography.Text copyable={{ text: details.audit.head }} style={mono}>
                        {details.audit.head}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            </Card>
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
  const { state } = useOperation('vault.info', {});
  // What the page changed since it loaded (edits, the confirmation) replaces what vault.info said.
  const [edited, setEdited] = useState<VaultDetails | null>(null);
  if (state.status === 'error') return <ErrorAlert error={state.error} />;
  const details = edited ?? (state.status === 'ok' ? state.value : null);
  if (!details || details.vaultId !== session.vaultId) return <Skeleton active />;
  return <Overview details={details} onChange={setEdited} />;
}
