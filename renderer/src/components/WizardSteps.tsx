// The scaffold every wizard is built on (create-vault and import; handover, wipe and compliance next): the
// steps bar, the current step's content, and Back / Next with per-step validation and a final act.
//
//   <WizardSteps
//     testId="import-wizard"   data-testid of the card; its data-step is the current step's key
//     ids="import"             prefix of the buttons' test ids: `import-back`, `import-next` (default "wizard")
//     steps={[ … ]}            in order, each a WizardStep:
//       key                    names the step (data-step, the steps bar)
//       title                  its title in the steps bar
//       content                what it shows
//       validate?              asked on Next: false or a rejection stays on the step (which shows why)
//       next?                  the forward button { label, icon, testId, disabled, loading, onClick };
//                              onClick replaces "go to the next step": the final act (create, import);
//                              false: no forward button (a step that moves on by itself)
//       back?                  the back button { label, testId, hidden, disabled }, to the previous step;
//                              false: none. On the first step it is shown disabled.
//       nav?                   false: no button row at all (a step with buttons of its own)
//     current="files"          the step shown. The caller owns it and every step's data, so a wizard resumes
//                              wherever its saved state says (the handover wizard's lives in the vault)
//     onStep={(key) => …}      Back, and Next once validated, ask for another step
//     alert={…}                shown above the buttons (e.g. the last error)
//     busy                     while the final act runs: Back is disabled
//     width={680}              the content's maximum width, centred; none: the card's width
//   />
import { Button, Card, Flex, Steps, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface NextButton {
  label?: ReactNode;
  icon?: ReactNode;
  testId?: string;
  disabled?: boolean;
  loading?: boolean;
  /** Instead of moving to the next step (after validation): the step's act. */
  onClick?: () => void;
}

interface BackButton {
  label?: ReactNode;
  testId?: string;
  hidden?: boolean;
  disabled?: boolean;
}

export interface WizardStep<K extends string> {
  key: K;
  title: ReactNode;
  content: ReactNode;
  validate?: () => boolean | Promise<boolean>;
  next?: NextButton | false;
  back?: BackButton | false;
  nav?: false;
}

export interface WizardStepsProps<K extends string> {
  testId: string;
  ids?: string;
  steps: ReadonlyArray<WizardStep<K>>;
  current: K;
  onStep: (key: K) => void;
  alert?: ReactNode;
  busy?: boolean;
  width?: number;
}

export function WizardSteps<K extends string>({
  testId,
  ids = 'wizard',
  steps,
  current,
  onStep,
  alert,
  busy = false,
  width,
}: WizardStepsProps<K>) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const index = Math.max(
    0,
    steps.findIndex((s) => s.key === current),
  );
  const step = steps[index];

  const forward = async () => {
    try {
      if (step.validate && !(await step.validate())) return;
    } catch {
      // A rejected validation (e.g. antd's validateFields) is shown by the step itself, next to each field.
      return;
    }
    if (step.next && step.next.onClick) step.next.onClick();
    else if (index + 1 < steps.length) onStep(steps[index + 1].key);
  };

  const back =
    step.back === false || step.back?.hidden ? null : (
      <Button
        onClick={() => onStep(steps[index - 1].key)}
        disabled={index === 0 || busy || step.back?.disabled}
        data-testid={step.back?.testId ?? `${ids}-back`}
      >
        {step.back?.label ?? t('common.back')}
      </Button>
    );
  const next =
    step.next === false ? null : (
      <Button
        type="primary"
        icon={step.next?.icon}
        loading={step.next?.loading}
        disabled={step.next?.disabled}
        onClick={() => void forward()}
        data-testid={step.next?.testId ?? `${ids}-next`}
      >
        {step.next?.label ?? t('common.next')}
      </Button>
    );

  return (
    <Card data-testid={testId} data-step={step.key} style={{ minWidth: 0 }}>
      <Steps
        current={index}
        size="small"
        style={{ marginBottom: 32 }}
        items={steps.map((s) => ({ key: s.key, title: s.title }))}
      />
      <div style={width ? { maxWidth: width, marginInline: 'auto' } : undefined}>
        {step.content}
        {alert ? <div style={{ marginTop: 16 }}>{alert}</div> : null}
        {step.nav === false || (!back && !next) ? null : (
          <Flex
            justify="space-between"
            gap={8}
            style={{ marginTop: 24, paddingTop: 16, borderTop: `1px solid ${token.colorBorderSecondary}` }}
            data-testid={`${ids}-nav`}
          >
            {back ?? <span />}
            {next}
          </Flex>
        )}
      </div>
    </Card>
  );
}
