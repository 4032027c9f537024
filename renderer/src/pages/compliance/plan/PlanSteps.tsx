// The eight steps of the closure, each with its state, where its state comes from, what blocks it and
// the button that goes to the page doing it (or confirms it by hand where the vault has no evidence).
import { Button, Flex, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClosurePlan, PlanStep } from '../../../../../shared/contract';
import { navigateTo } from '../../../app/use-hash-route';
import { useBi } from '../../../i18n/bilingual';

const STATUS: Record<PlanStep['state'], 'finish' | 'process' | 'wait'> = {
  done: 'finish',
  current: 'process',
  todo: 'wait',
  'not-needed': 'finish',
};

function StepDetail({
  step,
  onConfirm,
  canConfirm,
}: {
  step: PlanStep;
  onConfirm: () => void;
  canConfirm: boolean;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  return (
    <Flex
      vertical
      gap={2}
      data-testid={`plan-step-${step.id}`}
      data-state={step.state}
      data-source={step.source}
    >
      <Typography.Text type="secondary">{bi(step.summary)}</Typography.Text>
      {step.blockers.map((b) => (
        <Typography.Text key={b.code} type="danger" data-testid="plan-blocker" data-code={b.code}>
          {bi(b.text)}
        </Typography.Text>
      ))}
      {step.warnings.map((w) => (
        <Typography.Text key={w.code} type="warning" data-testid="plan-warning">
          {bi(w.text)}
        </Typography.Text>
      ))}
      {step.confirmation ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('compliance.plan.confirmed', {
            by: step.confirmation.by ?? '—',
            date: step.confirmation.at.slice(0, 10),
            note: step.confirmation.note,
          })}
        </Typography.Text>
      ) : null}
      <Flex gap={8} wrap>
        <Tag color={step.source === 'evidence' ? 'blue' : step.source === 'hand' ? 'purple' : 'default'}>
          {t(`compliance.plan.sources.${step.source}`)}
        </Tag>
        {step.action && step.id !== 'certify' ? (
          <Button
            size="small"
            onClick={() => navigateTo(step.action!.route)}
            data-testid={`plan-go-${step.id}`}
          >
            {bi(step.action.label)}
          </Button>
        ) : null}
        {step.source !== 'evidence' && canConfirm && step.state !== 'done' ? (
          <Button size="small" onClick={onConfirm} data-testid={`plan-confirm-${step.id}`}>
            {t('compliance.plan.confirm')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}

export function PlanSteps({
  plan,
  canConfirm,
  onConfirm,
}: {
  plan: ClosurePlan;
  canConfirm: boolean;
  onConfirm: (step: PlanStep) => void;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  return (
    <Steps
      direction="vertical"
      size="small"
      data-testid="plan-steps"
      items={plan.steps.map((step) => ({
        status: STATUS[step.state],
        title: (
          <Flex gap={8} align="center">
            <span>{bi(step.title)}</span>
            <Tag
              color={step.state === 'current' ? 'processing' : step.state === 'done' ? 'success' : 'default'}
            >
              {t(`compliance.plan.states.${step.state}`)}
            </Tag>
          </Flex>
        ),
        description: <StepDetail step={step} canConfirm={canConfirm} onConfirm={() => onConfirm(step)} />,
      }))}
    />
  );
}
