// "Back up now" on the Backup page: choose a folder on another disk, follow the job, then the new copy
// with its size, hash and the verification it passed when read back, and a button to verify it again.
import { FileProtectOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { JobProgress } from '../../components/JobProgress';
import { MONOSPACE } from '../../components/RecoveryKeyInput';
import { ToolCard } from '../../components/ToolCard';
import { currentLang } from '../../i18n';
import { baseName } from '../../i18n/format';
import { CheckResult } from './CheckResult';
import { formatBytes } from './format-bytes';
import type { BackupsModel } from './use-backups';

export function CreateCard({ model }: { model: BackupsModel }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const { create, created, mayCreate, busy } = model;

  const createButton = (
    <Button
      type="primary"
      icon={<SaveOutlined />}
      onClick={() => void model.backUp()}
      disabled={!mayCreate || busy}
      loading={create.state.status === 'running'}
      data-testid="backup-create"
    >
      {t('backup.create')}
    </Button>
  );

  return (
    <ToolCard
      icon={<SaveOutlined />}
      title={t('backup.createTitle')}
      hint={t('backup.createHint')}
      testId="backup-create-card"
    >
      <div>
        {mayCreate ? createButton : <Tooltip title={t('backup.createNotAllowed')}>{createButton}</Tooltip>}
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
                onClick={() => void model.runListed('verify', { id: created.backupId, path: created.path })}
                data-testid="backup-verify-new"
              >
                {t('backup.verifyNew')}
              </Button>
            </Flex>
          }
        />
      ) : null}
    </ToolCard>
  );
}
