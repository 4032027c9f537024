// Destroy records, step by step: scope (DESTROY and ANONYMISE records; the quarantine, the exports) → the
// dry run's plan → the certificate (folder, trigger, people) → run (a job) → the certificate shown.
import { Button, Checkbox, Flex, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, WipeResult } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/use-job';
import { api, type ErrorValue } from '../../platform/api';
import { CertificateStep } from './CertificateStep';
import { PlanView } from './PlanView';
import { WipeDone } from './WipeDone';
import { certificateInput, NO_CHOICE, type CertificateChoice } from './wipe-input';

const STEPS = ['scope', 'plan', 'certificate', 'run'] as const;

export function RecordsWipeWizard({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [scope, setScope] = useState({ quarantine: true, outputs: false });
  const [plan, setPlan] = useState<WipeResult | null>(null);
  const [planning, setPlanning] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [choice, setChoice] = useState<CertificateChoice>(NO_CHOICE);
  const [missing, setMissing] = useState(false);
  const job = useJob('wipe.records');

  const input = (dryRun: boolean): OpInput<'wipe.records'> => ({
    ...scope,
    ...(dryRun ? {} : certificateInput(choice)),
    dryRun,
  });
  const dryRun = async () => {
    setPlanning(true);
    setError(null);
    const result = await api.call('wipe.records', input(true));
    setPlanning(false);
    if (!result.ok) return setError(result.error);
    setPlan(result.value);
    setStep(1);
  };
  const start = () => {
    if (!choice.folder) return setMissing(true);
    setStep(3);
    job.start(input(false));
  };
  const state = job.state;
  const finished = state.status === 'finished' && state.outcome === 'succeeded' && state.value;

  return (
    <Flex vertical gap={24} data-testid="wipe-records-wizard">
      <Steps
        current={step}
        size="small"
        items={STEPS.map((k) => ({ key: k, title: t(`wipe.steps.${k}`) }))}
      />
      {step === 0 ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('wipe.scope.intro')}
          </Typography.Paragraph>
          <Checkbox
            checked={scope.quarantine}
            onChange={(e) => setScope({ ...scope, quarantine: e.target.checked })}
            data-testid="wipe-quarantine"
          >
            {t('wipe.scope.quarantine')}
          </Checkbox>
          <Checkbox
            checked={scope.outputs}
            onChange={(e) => setScope({ ...scope, outputs: e.target.checked })}
            data-testid="wipe-outputs"
          >
            {t('wipe.scope.outputs')}
          </Checkbox>
          {error ? <ErrorAlert error={error} /> : null}
          <Flex justify="flex-end">
            <Button
              type="primary"
              loading={planning}
              onClick={() => void dryRun()}
              data-testid="wipe-dry-run"
            >
              {t('wipe.plan.run')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 1 && plan ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('wipe.plan.intro')}
          </Typography.Paragraph>
          <PlanView plan={plan.plan} />
          <Flex justify="space-between">
            <Button onClick={() => setStep(0)}>{t('wipe.back')}</Button>
            <Button type="primary" onClick={() => setStep(2)} data-testid="wipe-next">
              {t('wipe.next')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 2 ? (
        <Flex vertical gap={12}>
          <CertificateStep value={choice} onChange={setChoice} missing={missing} />
          <Flex justify="space-between">
            <Button onClick={() => setStep(1)}>{t('wipe.back')}</Button>
            <Button type="primary" danger onClick={start} data-testid="wipe-start">
              {t('wipe.run.records')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 3 ? (
        <Flex vertical gap={16}>
          {finished ? (
            <WipeDone result={finished} />
          ) : (
            <JobProgress state={state} onCancel={job.cancel} cancelError={job.cancelError} />
          )}
          {state.status === 'finished' && state.error ? <ErrorAlert error={state.error} /> : null}
          {state.status === 'finished' ? (
            <Flex justify="flex-end">
              <Button onClick={onFinished} data-testid="wipe-finish">
                {t('wipe.done.again')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
