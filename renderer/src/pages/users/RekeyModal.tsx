// Removing a person or rotating the keys: a job that re-encrypts the vault (progress, cancel), then the
// new recovery key shown once with the create-vault wizard's recovery-key step, and a word about the
// backups made before, which open only with the keys of their time.
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RekeyOutcome } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/use-job';
import { RecoveryKeyStep } from '../../wizards/create-vault/RecoveryKeyStep';

export type RekeyTarget = { kind: 'remove'; name: string } | { kind: 'rotate' };

function Outcome({
  outcome,
  clientName,
  onClose,
}: {
  outcome: RekeyOutcome;
  clientName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="rekey-done">
      <Typography.Text strong>{t('users.rekey.done', { generation: outcome.generation })}</Typography.Text>
      {outcome.usersWithoutAccess.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('users.rekey.lostAccess', { names: outcome.usersWithoutAccess.join(', ') })}
        />
      ) : null}
      <Alert
        type="info"
        showIcon
        title={t('users.rekey.backups')}
        action={
          <Button size="small" onClick={() => navigateTo('backup')} data-testid="rekey-to-backup">
            {t('users.rekey.toBackup')}
          </Button>
        }
        data-testid="rekey-backups-note"
      />
      <RecoveryKeyStep recoveryKey={outcome.recoveryKey} clientName={clientName} onFinished={onClose} />
    </Flex>
  );
}

export function RekeyModal({
  target,
  clientName,
  onClose,
  onDone,
}: {
  target: RekeyTarget | null;
  clientName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const remove = useJob('users.remove');
  const rotate = useJob('vault.rotateKeys');
  const job = target?.kind === 'remove' ? remove : rotate;
  const state = job.state;
  const outcome =
    state.status === 'finished' && state.outcome === 'succeeded' ? (state.value as RekeyOutcome) : null;
  const reported = useRef<string | null>(null);
  useEffect(() => {
    // Once per finished job: the users list reloads behind the modal.
    if (outcome && state.status === 'finished' && reported.current !== state.id) {
      reported.current = state.id;
      onDone();
    }
  }, [outcome, state, onDone]);

  const start = () => (target?.kind === 'remove' ? remove.start({ name: target.name }) : rotate.start({}));
  const running = state.status === 'running';
  return (
    <Modal
      open={target !== null}
      title={
        target?.kind === 'remove'
          ? t('users.rekey.removeTitle', { name: target.name })
          : t('users.rekey.rotateTitle')
      }
      onCancel={running || outcome ? undefined : onClose}
      closable={!running && !outcome}
      maskClosable={false}
      footer={null}
      destroyOnHidden
      width={720}
      data-testid="rekey-modal"
    >
      {outcome ? (
        <Outcome outcome={outcome} clientName={clientName} onClose={onClose} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Paragraph>{t('users.rekey.intro')}</Typography.Paragraph>
          {state.status === 'idle' ? (
            <div>
              <Button
                type="primary"
                danger={target?.kind === 'remove'}
                onClick={start}
                data-testid="rekey-start"
              >
                {target?.kind === 'remove' ? t('users.remove') : t('users.rekey.start')}
              </Button>
            </div>
          ) : (
            <JobProgress state={state} onCancel={job.cancel} cancelError={job.cancelError} />
          )}
        </Flex>
      )}
    </Modal>
  );
}
