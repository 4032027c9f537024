// The copy being verified or drilled on the Backup page: the job's progress, then what it found, and for a
// drill the signed certificate's files (names only) in the folder the person chose.
import { FileProtectOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { baseName } from '../../i18n/format';
import { CheckResult, JobErrorModal } from './CheckResult';
import type { BackupsModel } from './use-backups';

export function ActionCard({ model }: { model: BackupsModel }) {
  const { t } = useTranslation();
  const { active, actionJob, actionValue } = model;
  if (!active) return null;
  const actionState = actionJob.state;
  return (
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
          <JobProgress state={actionState} onCancel={actionJob.cancel} cancelError={actionJob.cancelError} />
        )}
        {active.kind === 'drill' && actionValue && 'certificate' in actionValue && actionValue.certificate ? (
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
  );
}
