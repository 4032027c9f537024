// Restore on the Backup page: a listed copy (by id) or a backup file chosen in the open dialog, into a NEW
// vault file chosen in the save dialog (the engine refuses an existing one), with the open vault's keyring
// or a typed recovery key. Afterwards the restored vault is registered and opened: directly (recovery key:
// the engine unlocks it) or from the unlock screen (same passphrases). It sits outside RequireSession, so
// it works with no vault open and survives the session changing under it.
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Radio, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { MONOSPACE, RecoveryKeyInput } from '../../components/RecoveryKeyInput';
import { ToolCard } from '../../components/ToolCard';
import { baseName } from '../../i18n/format';
import { useRestore, type RestoreSource } from './use-restore';

export function RestorePanel({
  source,
  onSource,
}: {
  source: RestoreSource | null;
  onSource: (source: RestoreSource | null) => void;
}) {
  const { t } = useTranslation();
  const model = useRestore(source, onSource);
  const { restore, result, running, choosing, error, mode, useLive, recoveryKey } = model;
  const card = useRef<HTMLDivElement>(null);
  // A row's Restore button fills this card further down the page: bring it into view.
  useEffect(() => {
    if (source) card.current?.scrollIntoView({ block: 'nearest' });
  }, [source]);

  return (
    <ToolCard
      icon={<RollbackOutlined />}
      title={t('backup.restore.title')}
      hint={t('backup.restore.hint')}
      testId="restore-card"
      ref={card}
    >
      {source ? (
        <Flex vertical gap={12} data-testid="restore-form">
          <Typography.Text>
            {t('backup.restore.source')}{' '}
            <Typography.Text strong style={{ fontFamily: MONOSPACE }} data-testid="restore-source">
              {source.name}
            </Typography.Text>
          </Typography.Text>
          <Flex vertical gap={4}>
            <Typography.Text>{t('backup.restore.keyLabel')}</Typography.Text>
            {model.mayUseLive ? (
              <Radio.Group
                value={mode}
                onChange={(e) => model.setMode(e.target.value as 'live' | 'recovery')}
                data-testid="restore-key-mode"
              >
                <Radio value="live" data-testid="restore-key-live">
                  {t('backup.restore.keyLive')}
                </Radio>
                <Radio value="recovery" data-testid="restore-key-recovery">
                  {t('backup.restore.keyRecovery')}
                </Radio>
              </Radio.Group>
            ) : (
              <Typography.Text type="secondary">
                {t(model.hasSession ? 'backup.restore.notOwner' : 'backup.restore.noSession')}
              </Typography.Text>
            )}
          </Flex>
          {useLive ? null : <RecoveryKeyInput value={recoveryKey} onChange={model.setRecoveryKey} />}
          <Space>
            <Button
              type="primary"
              icon={<RollbackOutlined />}
              onClick={() => void model.start()}
              disabled={!model.keyReady || choosing || running}
              loading={running}
              data-testid="restore-start"
            >
              {t('backup.restore.chooseTarget')}
            </Button>
            <Button onClick={model.cancel} disabled={running}>
              {t('backup.restore.cancel')}
            </Button>
          </Space>
        </Flex>
      ) : (
        <div>
          <Button
            icon={<RollbackOutlined />}
            onClick={() => void model.pickFile()}
            disabled={choosing || running}
            data-testid="restore-from-file"
          >
            {t('backup.restore.fromFile')}
          </Button>
        </div>
      )}
      {error ? <ErrorAlert error={error} title={t('backup.restore.failed')} /> : null}
      {result ? (
        <Alert
          type="success"
          showIcon
          data-testid="restore-done"
          title={
            <span>
              {t('backup.restore.done')}{' '}
              <Typography.Text strong style={{ fontFamily: MONOSPACE }} data-testid="restore-done-file">
                {baseName(result.path)}
              </Typography.Text>
            </span>
          }
          description={result.session ? null : t('backup.restore.doneUnlock')}
        />
      ) : (
        <JobProgress state={restore.state} onCancel={restore.cancel} cancelError={restore.cancelError} />
      )}
    </ToolCard>
  );
}
