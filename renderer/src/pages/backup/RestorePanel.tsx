// Restore on the Backup page: a listed copy (by id) or a backup file chosen in the open dialog, into a NEW
// vault file chosen in the save dialog (the engine refuses an existing one), with the open vault's keyring
// or a typed recovery key. Afterwards the restored vault is registered and opened: directly (recovery key:
// the engine unlocks it) or from the unlock screen (same passphrases). It sits outside RequireSession, so
// it works with no vault open and survives the session changing under it.
import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../../app/use-hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { MONOSPACE, RecoveryKeyInput } from '../../components/RecoveryKeyInput';
import { recoveryKeyFeedback } from '../../components/recovery-key-groups';
import { useJob } from '../../hooks/use-job';
import { baseName } from '../../i18n/format';
import type { ErrorValue } from '../../platform/api';
import { chooseFile, safeFileName } from '../../platform/dialogs';
import { useSession } from '../../session/session-context';

/** What to restore: a copy listed in the open vault's backups table, or a file chosen in a dialog. */
export type RestoreSource = { backupId: string; name: string } | { handle: string; name: string };

export function RestorePanel({
  source,
  onSource,
}: {
  source: RestoreSource | null;
  onSource: (source: RestoreSource | null) => void;
}) {
  const { t } = useTranslation();
  const { session, opened, lock, can } = useSession();
  const restore = useJob('backup.restore');
  // Restoring with the open vault's keyring is an owner's act; anyone else restores with the recovery key.
  const mayUseLive = session !== null && can('backup.restore');
  // Until the person picks, the open vault's keyring when there is one (the session may arrive after mount).
  const [picked, setMode] = useState<'live' | 'recovery' | null>(null);
  const mode = picked ?? (mayUseLive ? 'live' : 'recovery');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [error, setError] = useState<ErrorValue | null>(null);
  const [choosing, setChoosing] = useState(false);
  const useLive = mode === 'live' && mayUseLive;
  const card = useRef<HTMLDivElement>(null);
  // A row's Restore button fills this card further down the page: bring it into view.
  useEffect(() => {
    if (source) card.current?.scrollIntoView({ block: 'nearest' });
  }, [source]);
  const running = restore.state.status === 'running';
  const result = restore.state.status === 'finished' ? restore.state.value : undefined;

  // Open what was restored: the engine already unlocked it (recovery key), or the unlock screen for its
  // vault id, which the registry now points at the restored file.
  useEffect(() => {
    if (!result) return;
    if (result.session) {
      opened(result.session);
      navigateTo('vault');
    } else if (result.registered) {
      void lock().then(() => navigateTo('unlock', result.vaultId));
    }
    // Once per result: `opened` and `lock` change with the session this very effect replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const pickFile = async () => {
    setError(null);
    setChoosing(true);
    const chosen = await chooseFile({ kind: 'open', purpose: 'backup' });
    setChoosing(false);
    if (!chosen.ok) return setError(chosen.error);
    if (chosen.value) onSource({ handle: chosen.value.handle, name: chosen.value.name });
  };

  const start = async () => {
    if (!source) return;
    setError(null);
    setChoosing(true);
    const stem = safeFileName(session?.clientName ?? source.name.replace(/\.cobackup$/, ''), 'vault');
    const target = await chooseFile({
      kind: 'save',
      purpose: 'vault',
      suggestedName: `${stem}-restored.cvault`,
    });
    setChoosing(false);
    if (!target.ok) return setError(target.error);
    if (!target.value) return;
    const backup = 'backupId' in source ? { backupId: source.backupId } : { handle: source.handle };
    restore.start({
      backup,
      to: { handle: target.value.handle },
      ...(useLive ? {} : { recoveryKey: recoveryKey.trim() }),
    });
  };

  const keyReady = useLive || recoveryKeyFeedback(recoveryKey).complete;

  return (
    <Card
      ref={card}
      size="small"
      title={
        <Space>
          <RollbackOutlined />
          {t('backup.restore.title')}
        </Space>
      }
      data-testid="restore-card"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('backup.restore.hint')}</Typography.Text>
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
              {mayUseLive ? (
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as 'live' | 'recovery')}
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
                  {t(session ? 'backup.restore.notOwner' : 'backup.restore.noSession')}
                </Typography.Text>
              )}
            </Flex>
            {useLive ? null : <RecoveryKeyInput value={recoveryKey} onChange={setRecoveryKey} />}
            <Space>
              <Button
                type="primary"
                icon={<RollbackOutlined />}
                onClick={() => void start()}
                disabled={!keyReady || choosing || running}
                loading={running}
                data-testid="restore-start"
              >
                {t('backup.restore.chooseTarget')}
              </Button>
              <Button
                onClick={() => {
                  onSource(null);
                  setRecoveryKey('');
                }}
                disabled={running}
              >
                {t('backup.restore.cancel')}
              </Button>
            </Space>
          </Flex>
        ) : (
          <div>
            <Button
              icon={<RollbackOutlined />}
              onClick={() => void pickFile()}
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
      </Flex>
    </Card>
  );
}
