// Wipe the whole vault (owner), step by step: the dry run (backups included or not) → the key copies and
// legal holds (the paper recovery sheet logged, held records kept elsewhere) → the certificate → the
// client's name typed to confirm. The job itself is run by the page, which outlives the session it ends.
import { Alert, Button, Checkbox, Flex, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, WipeResult } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, type ErrorValue } from '../../platform/api';
import { CertificateStep } from './CertificateStep';
import { PlanView } from './PlanView';
import { certificateInput, NO_CHOICE, sameName, type CertificateChoice } from './wipe-input';

const STEPS = ['plan', 'keys', 'certificate', 'confirm'] as const;

export function VaultWipeWizard({
  onStart,
  onPaperLog,
}: {
  onStart: (input: OpInput<'wipe.vault'>) => void;
  onPaperLog: () => void;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [includeBackups, setIncludeBackups] = useState(true);
  const [plan, setPlan] = useState<WipeResult | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [keptElsewhere, setKeptElsewhere] = useState(false);
  const [choice, setChoice] = useState<CertificateChoice>(NO_CHOICE);
  const [missing, setMissing] = useState(false);
  const [typed, setTyped] = useState('');

  const dryRun = async () => {
    setError(null);
    const result = await api.call('wipe.vault', { dryRun: true, includeBackups });
    if (!result.ok) return setError(result.error);
    setPlan(result.value);
  };
  const p = plan?.plan;
  const sheet = p?.keyCopies.find((k) => k.kind === 'recovery-sheet');
  const heldOk = !p || p.records.keptTotal === 0 || keptElsewhere;
  const nav = (
    back: number | null,
    next: () => void,
    nextLabel = t('wipe.next'),
    ok = true,
    danger = false,
  ) => (
    <Flex justify="space-between">
      {back === null ? <span /> : <Button onClick={() => setStep(back)}>{t('wipe.back')}</Button>}
      <Button
        type="primary"
        danger={danger}
        disabled={!ok}
        onClick={next}
        data-testid={danger ? 'wipe-start' : 'wipe-next'}
      >
        {nextLabel}
      </Button>
    </Flex>
  );

  return (
    <Flex vertical gap={24} data-testid="wipe-vault-wizard">
      <Steps
        current={step}
        size="small"
        items={STEPS.map((k) => ({ key: k, title: t(`wipe.steps.${k}`) }))}
      />
      {step === 0 ? (
        <Flex vertical gap={12}>
          <Checkbox
            checked={includeBackups}
            onChange={(e) => {
              setIncludeBackups(e.target.checked);
              setPlan(null);
            }}
            data-testid="wipe-include-backups"
          >
            {t('wipe.keys.includeBackups')}
          </Checkbox>
          <Flex>
            <Button onClick={() => void dryRun()} data-testid="wipe-dry-run">
              {t('wipe.plan.run')}
            </Button>
          </Flex>
          {error ? <ErrorAlert error={error} /> : null}
          {p ? <PlanView plan={p} /> : null}
          {nav(null, () => setStep(1), t('wipe.next'), p !== undefined)}
        </Flex>
      ) : null}
      {step === 1 && p ? (
        <Flex vertical gap={12}>
          {sheet?.action === 'exists' ? (
            <Alert
              type="warning"
              showIcon
              data-testid="wipe-sheet-exists"
              title={t('wipe.keys.sheetExists')}
              action={<Button onClick={onPaperLog}>{t('wipe.tabs.paper')}</Button>}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              data-testid="wipe-sheet-logged"
              title={t('wipe.keys.sheetLogged')}
            />
          )}
          {p.records.keptTotal > 0 ? (
            <Flex vertical gap={8}>
              <Typography.Text>{t('wipe.keys.retained', { count: p.records.keptTotal })}</Typography.Text>
              <Checkbox
                checked={keptElsewhere}
                onChange={(e) => setKeptElsewhere(e.target.checked)}
                data-testid="wipe-kept-elsewhere"
              >
                {t('wipe.keys.retainedKeptElsewhere')}
              </Checkbox>
            </Flex>
          ) : null}
          {nav(0, () => setStep(2), t('wipe.next'), heldOk)}
        </Flex>
      ) : null}
      {step === 2 ? (
        <Flex vertical gap={12}>
          <CertificateStep value={choice} onChange={setChoice} missing={missing} />
          {nav(1, () => (choice.folder ? setStep(3) : setMissing(true)))}
        </Flex>
      ) : null}
      {step === 3 && p ? (
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={t('wipe.confirm.warning')} />
          <Typography.Text>{t('wipe.confirm.label', { name: p.clientName })}</Typography.Text>
          <Input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            status={typed && !sameName(typed, p.clientName) ? 'error' : undefined}
            data-testid="wipe-confirm-name"
            style={{ maxWidth: 420 }}
          />
          {nav(
            2,
            () =>
              onStart({
                confirm: typed,
                includeBackups,
                retainedKeptElsewhere: keptElsewhere,
                ...certificateInput(choice),
              }),
            t('wipe.run.vault'),
            sameName(typed, p.clientName),
            true,
          )}
        </Flex>
      ) : null}
    </Flex>
  );
}
