// The Wipe page. A whole-vault wipe ends the session it runs in, so its job lives here, above the part
// that needs a session: its progress and its certificate stay on screen after the vault is gone.
import { Alert, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../app/use-hash-route';
import { ErrorAlert } from '../components/ErrorAlert';
import { JobProgress } from '../components/JobProgress';
import { PageHeader } from '../components/PageHeader';
import { RequireSession } from '../components/RequireSession';
import { useJob } from '../hooks/use-job';
import { WipeDone } from '../wizards/wipe/WipeDone';
import { PendingWipes } from './wipe/PendingWipes';
import { WipeTabs } from './wipe/WipeTabs';

function WipeArea({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  const vaultJob = useJob('wipe.vault');
  const state = vaultJob.state;
  const done = state.status === 'finished' && state.outcome === 'succeeded' ? state.value : undefined;
  return (
    <>
      <PageHeader title={t('wipe.title')} subtitle={t('wipe.subtitle')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="wipe-caveat"
        title={t('wipe.caveat.title')}
        description={t('wipe.caveat.body')}
      />
      <PendingWipes onResumed={onReset} />
      {state.status === 'idle' ? (
        <RequireSession>{() => <WipeTabs onVaultWipe={vaultJob.start} />}</RequireSession>
      ) : (
        <Card data-testid="wipe-vault-run">
          <Flex vertical gap={16}>
            {done ? (
              <WipeDone result={done} />
            ) : (
              <JobProgress state={state} onCancel={vaultJob.cancel} cancelError={vaultJob.cancelError} />
            )}
            {state.status === 'finished' && state.error ? <ErrorAlert error={state.error} /> : null}
            {state.status === 'finished' ? (
              <Flex justify="flex-end">
                <Button onClick={done ? () => navigateTo('dashboard') : onReset} data-testid="wipe-finish">
                  {t('wipe.done.again')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        </Card>
      )}
    </>
  );
}

export function WipePage() {
  const [round, setRound] = useState(0);
  return <WipeArea key={round} onReset={() => setRound((r) => r + 1)} />;
}
