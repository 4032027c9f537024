// Wipes that began and did not finish (a kill, a crash, a pulled disk), from their journals: each with a
// button to finish it — at once when its keys are already destroyed, else once its vault is unlocked.
import { Alert, Button, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJob } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';

export function PendingWipes({ onResumed }: { onResumed: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { state, reload } = useOperation('wipe.pending', {});
  const job = useJob('wipe.resume');
  const finished = job.state.status === 'finished';
  useEffect(() => {
    if (!finished) return;
    reload();
    onResumed();
  }, [finished, reload, onResumed]);
  if (state.status !== 'ok' || state.value.length === 0) return null;
  const running = job.state.status === 'running';
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="wipe-pending">
      {state.value.map((p) => {
        const canResume = !p.needsVault || session?.vaultId === p.vaultId;
        return (
          <Alert
            key={p.wipeId}
            type="warning"
            showIcon
            title={t('wipe.pending.title')}
            description={
              <>
                {t('wipe.pending.body', {
                  kind: t(`wipe.pending.kind.${p.kind}`),
                  client: p.clientName,
                  step: p.step,
                })}
                {canResume ? '' : ` ${t('wipe.pending.needsVault')}`}
              </>
            }
            action={
              canResume ? (
                <Button
                  loading={running}
                  data-testid="wipe-resume"
                  onClick={() => job.start({ wipeId: p.wipeId })}
                >
                  {t('wipe.pending.resume')}
                </Button>
              ) : null
            }
          />
        );
      })}
      {job.state.status === 'finished' && job.state.error ? <ErrorAlert error={job.state.error} /> : null}
    </Flex>
  );
}
