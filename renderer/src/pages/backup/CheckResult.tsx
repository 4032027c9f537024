// What a verification or restore drill found, shown loud: every named check ✓/✗, and for a failure an error
// Alert that stays and a Modal; a job that ended in an error (not a list of checks) gets the Modal too.
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Flex, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCheck } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import type { JobState } from '../../hooks/use-job';
import type { ActionKind } from './use-backups';

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
export function CheckResult({
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
export function JobErrorModal({ state, kind }: { state: JobState<unknown>; kind: ActionKind }) {
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
