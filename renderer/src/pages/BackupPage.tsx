// Backups of the open vault: back up now into a chosen folder (a job), the list of copies with their last
// verification and drills, and per copy Verify, Restore drill (with a signed certificate written to a
// chosen folder) and Restore (jobs); listed copies are named by id, never by path. Retention (owners) with
// a dry-run preview; restore into a new vault file. A failed check is loud: an error Alert that stays,
// and a Modal.
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  InfoCircleOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Modal,
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
import type { BackupCheck, BackupRecord } from '../../../shared/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { MONOSPACE } from '../components/RecoveryKeyInput';
import { RequireSession } from '../components/RequireSession';
import { useJob, useOnFinished, type JobState } from '../hooks/use-job';
import { useOperation } from '../hooks/use-operation';
import { currentLang, type Lang } from '../i18n';
import { baseName, formatDateTime, formatNumber } from '../i18n/format';
import type { ErrorValue } from '../platform/api';
import { chooseFile } from '../platform/dialogs';
import { useSession } from '../session/session-context';
import { PruneCard } from './backup/PruneCard';
import { RestorePanel, type RestoreSource } from './backup/RestorePanel';

type ActionKind = 'verify' | 'drill';

function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(lang, bytes / 1024 / 1024, 1)} MiB`;
  return `${formatNumber(lang, bytes / 1024 / 1024 / 1024, 2)} GiB`;
}

function CheckList({ checks }: { checks: BackupCheck[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="backup-checks">
      {checks.map((check, i) => (
        <li
          key={`${check.name}-${i}`}
          data-testid="backup-check"
          data-name={check.name}
          data-ok={String(check.ok)}
          style={{ padding: '2px 0' }}
        >
          <Space align="start">
            <Typography.Text type={check.ok ? 'success' : 'danger'} strong aria-hidden>
              {check.ok ? '✓' : '✗'}
            </Typography.Text>
            <Typography.Text code>{check.name}</Typography.Text>
            <Typography.Text
              type={check.ok ? 'secondary' : 'danger'}
              style={{ fontSize: 12, wordBreak: 'break-all' }}
            >
              {check.detail}
            </Typography.Text>
          </Space>
        </li>
      ))}
    </ul>
  );
}

interface CheckOutcome {
  kind: ActionKind;
  file: string;
  ok: boolean;
  checks: BackupCheck[];
}

/** What a verification or drill found: every named check; a failure is an error Alert and a Modal. */
function CheckResult({
  outcome,
  jobId,
  testId = 'backup-result',
}: {
  outcome: CheckOutcome;
  jobId: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const failed = outcome.checks.filter((c) => !c.ok);
  const headline = outcome.ok
    ? t('backup.resultOk', { count: outcome.checks.length })
    : t('backup.resultFailed', { failed: failed.length, names: failed.map((c) => c.name).join(', ') });
  return (
    <>
      <Alert
        type={outcome.ok ? 'success' : 'error'}
        showIcon
        icon={outcome.ok ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
        data-testid={testId}
        data-kind={outcome.kind}
        data-ok={String(outcome.ok)}
        title={headline}
        description={
          <Flex vertical gap={8}>
            <Typography.Text type="secondary" style={{ fontFamily: MONOSPACE, fontSize: 12 }}>
              {t('backup.checkedFile', { name: outcome.file })}
            </Typography.Text>
            <CheckList checks={outcome.checks} />
          </Flex>
        }
      />
      <Modal
        open={!outcome.ok && dismissed !== jobId}
        title={
          <Space>
            <CloseCircleOutlined style={{ color: '#cf1322' }} />
            {outcome.kind === 'verify' ? t('backup.failureModalVerify') : t('backup.failureModalDrill')}
          </Space>
        }
        onCancel={() => setDismissed(jobId)}
        onOk={() => setDismissed(jobId)}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
        okButtonProps={{ danger: true, 'data-testid': 'backup-failure-close' }}
        width={640}
        data-testid="backup-failure-modal"
      >
        <Flex vertical gap={12} data-testid="backup-failure">
          <Alert type="error" showIcon title={headline} description={t('backup.failureHint')} />
          <Typography.Text type="secondary" style={{ fontFamily: MONOSPACE, fontSize: 12 }}>
            {t('backup.checkedFile', { name: outcome.file })}
          </Typography.Text>
          <CheckList checks={failed} />
        </Flex>
      </Modal>
    </>
  );
}

/** A job that ended in an error (not a list of checks) is loud too: the Alert of JobProgress and a Modal. */
function JobErrorModal({ state, kind }: { state: JobState<unknown>; kind: ActionKind }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (state.status !== 'finished' || state.outcome !== 'failed' || !state.error) return null;
  const id = state.id;
  return (
    <Modal
      open={dismissed !== id}
      title={kind === 'verify' ? t('backup.failureModalVerify') : t('backup.failureModalDrill')}
      onCancel={() => setDismissed(id)}
      onOk={() => setDismissed(id)}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      data-testid="backup-failure-modal"
    >
      <ErrorAlert error={state.error} />
    </Modal>
  );
}

function About() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      icon={<InfoCircleOutlined />}
      data-testid="backup-about"
      title={t('backup.about.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          <li>{t('backup.about.encrypted')}</li>
          <li>{t('backup.about.noPassphrases')}</li>
          <li>{t('backup.about.separateDisk')}</li>
        </ul>
      }
    />
  );
}

function Backups({ onRestore }: { onRestore: (source: RestoreSource) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { can } = useSession();
  const list = useOperation('backup.list', {});
  const create = useJob('backup.create');
  const verify = useJob('backup.verify');
  const drill = useJob('backup.drill');
  const [active, setActive] = useState<{ kind: ActionKind; file: string } | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [choosing, setChoosing] = useState(false);

  // The list shows each copy's last verification and drills: read it again after every job.
  useOnFinished(create.state, list.reload);
  useOnFinished(verify.state, list.reload);
  useOnFinished(drill.state, list.reload);

  // Auditors see the list only (the brief for this page); operators and owners back up, verify, drill.
  const mayCreate = can('backup.create');
  const mayAct = can('backup.drill');
  const busy =
    choosing ||
    create.state.status === 'running' ||
    verify.state.status === 'running' ||
    drill.state.status === 'running';

  const backUp = async () => {
    setError(null);
    setChoosing(true);
    const chosen = await chooseFile({ kind: 'folder', purpose: 'backup-destination' });
    setChoosing(false);
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    create.start({ dir: { handle: chosen.value.handle } });
  };

  /** A listed copy, by its id: no dialog. A drill asks only where its certificate should go. */
  const runListed = async (kind: ActionKind, record: { id: string; path: string }) => {
    setError(null);
    const file = baseName(record.path);
    if (kind === 'verify') {
      setActive({ kind, file });
      verify.start({ backup: { backupId: record.id } });
      return;
    }
    setChoosing(true);
    const folder = await chooseFile({ kind: 'folder', purpose: 'drill-certificate' });
    setChoosing(false);
    if (!folder.ok) return setError(folder.error);
    if (!folder.value) return;
    setActive({ kind, file });
    drill.start({ backup: { backupId: record.id }, certificateDir: { handle: folder.value.handle } });
  };

  const runCheck = async (kind: ActionKind, suggestedName?: string) => {
    setError(null);
    setChoosing(true);
    const chosen = await chooseFile({ kind: 'open', purpose: 'backup', suggestedName });
    setChoosing(false);
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    setActive({ kind, file: chosen.value.name });
    const input = { backup: { handle: chosen.value.handle } };
    if (kind === 'verify') verify.start(input);
    else drill.start(input);
  };

  const created = create.state.status === 'finished' ? create.state.value : undefined;
  // Copies that retention deleted stay in the vault's table (the record of every copy), not in this list.
  const all = list.state.status === 'ok' ? list.state.value : [];
  const listed = all.filter((b) => b.deletedAt === null);
  const pruned = all.length - listed.length;
  const actionJob = active?.kind === 'drill' ? drill : verify;
  const actionState = actionJob.state;
  const actionValue = actionState.status === 'finished' ? actionState.value : undefined;

  const columns: TableColumnsType<BackupRecord> = [
    {
      title: t('backup.columns.created'),
      dataIndex: 'createdAt',
      width: 150,
      render: (iso: string) => formatDateTime(lang, iso),
    },
    {
      title: t('backup.columns.file'),
      dataIndex: 'path',
      render: (path: string) => (
        <Typography.Text
          style={{ fontFamily: MONOSPACE, fontSize: 12 }}
          ellipsis={{ tooltip: baseName(path) }}
          data-testid="backup-row-file"
        >
          {baseName(path)}
        </Typography.Text>
      ),
    },
    {
      title: t('backup.columns.size'),
      dataIndex: 'size',
      width: 90,
      align: 'right',
      render: (size: number) => formatBytes(lang, size),
    },
    {
      title: t('backup.columns.present'),
      dataIndex: 'present',
      width: 80,
      render: (present: boolean) => (
        <Tag
          color={present ? 'green' : 'red'}
          data-testid="backup-row-present"
          data-present={String(present)}
        >
          {present ? t('backup.present') : t('backup.missing')}
        </Tag>
      ),
    },
    {
      title: t('backup.columns.verified'),
      key: 'verified',
      width: 150,
      render: (_: unknown, record) =>
        record.lastVerifiedAt === null ? (
          <Typography.Text type="secondary" data-testid="backup-row-verified" data-ok="never">
            {t('backup.never')}
          </Typography.Text>
        ) : (
          <Space
            size={2}
            orientation="vertical"
            data-testid="backup-row-verified"
            data-ok={String(record.lastVerifyOk)}
          >
            <Tag color={record.lastVerifyOk ? 'green' : 'red'}>
              {record.lastVerifyOk ? t('backup.verifiedOk') : t('backup.verifiedFailed')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(lang, record.lastVerifiedAt)}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('backup.columns.drills'),
      key: 'drills',
      width: 130,
      render: (_: unknown, record) => {
        const last = record.drills.at(-1);
        return (
          <Space
            size={2}
            orientation="vertical"
            data-testid="backup-row-drills"
            data-count={record.drills.length}
          >
            {last ? (
              <>
                <Tag color={last.ok ? 'green' : 'red'}>
                  {t('backup.drillsCount', { count: record.drills.length })}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(lang, last.at)}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('backup.drillsNone')}</Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];
  if (mayAct)
    columns.push({
      title: t('backup.columns.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, record) => (
        <Space size={4} wrap>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            disabled={busy || !record.present}
            onClick={() => void runListed('verify', record)}
            data-testid="backup-row-verify"
          >
            {t('backup.verify')}
          </Button>
          <Button
            size="small"
            icon={<ExperimentOutlined />}
            disabled={busy || !record.present}
            onClick={() => void runListed('drill', record)}
            data-testid="backup-row-drill"
          >
            {t('backup.drill')}
          </Button>
          <Button
            size="small"
            icon={<RollbackOutlined />}
            disabled={busy || !record.present}
            onClick={() => onRestore({ backupId: record.id, name: baseName(record.path) })}
            data-testid="backup-row-restore"
          >
            {t('backup.rowRestore')}
          </Button>
        </Space>
      ),
    });

  const createButton = (
    <Button
      type="primary"
      icon={<SaveOutlined />}
      onClick={() => void backUp()}
      disabled={!mayCreate || busy}
      loading={create.state.status === 'running'}
      data-testid="backup-create"
    >
      {t('backup.create')}
    </Button>
  );

  return (
    <Flex vertical gap={24}>
      <About />
      <Card
        size="small"
        title={
          <Space>
            <SaveOutlined />
            {t('backup.createTitle')}
          </Space>
        }
        data-testid="backup-create-card"
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('backup.createHint')}</Typography.Text>
          <div>
            {mayCreate ? (
              createButton
            ) : (
              <Tooltip title={t('backup.createNotAllowed')}>{createButton}</Tooltip>
            )}
          </div>
          {created ? null : (
            <JobProgress state={create.state} onCancel={create.cancel} cancelError={create.cancelError} />
          )}
          {created ? (
            <Alert
              type="success"
              showIcon
              icon={<FileProtectOutlined />}
              data-testid="backup-created"
              title={
                <span>
                  {t('backup.created')}{' '}
                  <Typography.Text strong data-testid="backup-created-file" style={{ fontFamily: MONOSPACE }}>
                    {baseName(created.path)}
                  </Typography.Text>
                </span>
              }
              description={
                <Flex vertical gap={8} align="flex-start">
                  <Typography.Text
                    type="secondary"
                    style={{ fontFamily: MONOSPACE, fontSize: 12, wordBreak: 'break-all' }}
                  >
                    {t('backup.createdDetails', {
                      size: formatBytes(lang, created.size),
                      sha256: created.sha256,
                    })}
                  </Typography.Text>
                  <CheckResult
                    outcome={{
                      kind: 'verify',
                      file: baseName(created.path),
                      ok: created.verification.ok,
                      checks: created.verification.checks,
                    }}
                    jobId={`created-${created.backupId}`}
                    testId="backup-created-verification"
                  />
                  <Typography.Text>{t('backup.verifyNewHint')}</Typography.Text>
                  <Button
                    icon={<SafetyCertificateOutlined />}
                    disabled={busy}
                    onClick={() => void runListed('verify', { id: created.backupId, path: created.path })}
                    data-testid="backup-verify-new"
                  >
                    {t('backup.verifyNew')}
                  </Button>
                </Flex>
              }
            />
          ) : null}
        </Flex>
      </Card>
      {error ? <ErrorAlert error={error} title={t('backup.actionFailed')} /> : null}
      {active ? (
        <Card
          size="small"
          title={active.kind === 'verify' ? t('backup.verifyTitle') : t('backup.drillTitle')}
          data-testid="backup-action-card"
        >
          <Flex vertical gap={12}>
            {actionValue ? (
              <CheckResult
                jobId={actionState.status === 'finished' ? actionState.id : ''}
                outcome={{
                  kind: active.kind,
                  file: active.file,
                  ok: actionValue.ok,
                  checks: actionValue.checks,
                }}
              />
            ) : (
              <JobProgress
                state={actionState}
                onCancel={actionJob.cancel}
                cancelError={actionJob.cancelError}
              />
            )}
            {active.kind === 'drill' &&
            actionValue &&
            'certificate' in actionValue &&
            actionValue.certificate ? (
              <Alert
                type="success"
                showIcon
                icon={<FileProtectOutlined />}
                data-testid="backup-drill-certificate"
                title={t('backup.certificateWritten')}
                description={
                  <Typography.Text style={{ fontFamily: MONOSPACE, fontSize: 12 }}>
                    {[
                      actionValue.certificate.pdf,
                      actionValue.certificate.json,
                      actionValue.certificate.signature,
                    ]
                      .map(baseName)
                      .join('  ·  ')}
                  </Typography.Text>
                }
              />
            ) : null}
            <JobErrorModal state={actionState} kind={active.kind} />
          </Flex>
        </Card>
      ) : null}
      <Card
        title={t('backup.listTitle')}
        extra={
          <Space size={4}>
            {mayAct ? (
              <Button
                size="small"
                icon={<SafetyCertificateOutlined />}
                disabled={busy}
                onClick={() => void runCheck('verify')}
                data-testid="backup-verify-file"
              >
                {t('backup.verifyFile')}
              </Button>
            ) : null}
            <Button size="small" icon={<ReloadOutlined />} onClick={list.reload} data-testid="backup-reload">
              {t('backup.reload')}
            </Button>
          </Space>
        }
        data-testid="backup-list"
      >
        {!mayAct ? (
          <Typography.Paragraph type="secondary" data-testid="backup-list-only">
            {t('backup.listOnly')}
          </Typography.Paragraph>
        ) : null}
        {list.state.status === 'loading' ? (
          <Skeleton active />
        ) : list.state.status === 'error' ? (
          <ErrorAlert error={list.state.error} />
        ) : listed.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('backup.empty')}
            data-testid="backup-empty"
          />
        ) : (
          <Table<BackupRecord>
            data-testid="backup-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={[...listed].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
            pagination={false}
            tableLayout="fixed"
          />
        )}
        {pruned > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="backup-deleted-hidden">
            {t('backup.deletedHidden', { count: pruned })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {can('backup.prune') ? <PruneCard onPruned={list.reload} /> : null}
    </Flex>
  );
}

export function BackupPage() {
  const { t } = useTranslation();
  const [restoreSource, setRestoreSource] = useState<RestoreSource | null>(null);
  return (
    <>
      <PageHeader title={t('backup.title')} subtitle={t('backup.subtitle')} />
      <Flex vertical gap={24}>
        <RequireSession>{() => <Backups onRestore={setRestoreSource} />}</RequireSession>
        <RestorePanel source={restoreSource} onSource={setRestoreSource} />
      </Flex>
    </>
  );
}
