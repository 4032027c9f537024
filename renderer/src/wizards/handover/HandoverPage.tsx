// The Handover page: the vault's handovers (continue one, or start another) and the wizard for the one
// being worked on, one step at a time (antd Steps; each step is its own component).
import { Button, Card, Empty, List, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigateTo } from '../../app/use-hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequireSession } from '../../components/RequireSession';
import { AgreementStep } from './AgreementStep';
import { NoticesStep } from './NoticesStep';
import { PackageStep } from './PackageStep';
import { PipiaStep } from './PipiaStep';
import { ReceiptStep } from './ReceiptStep';
import { RecipientStep } from './RecipientStep';
import { ResponsesStep } from './ResponsesStep';
import { RouteStep } from './RouteStep';
import { HANDOVER_STEPS, useHandover, type HandoverStep, type StepProps } from './use-handover';

export function HandoverPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('nav.handover')}
        subtitle={t('handover.subtitle')}
        extra={
          <Button onClick={() => navigateTo('receive')} data-testid="handover-receive">
            {t('handover.receive.entry')}
          </Button>
        }
      />
      <RequireSession>{() => <HandoverWizard />}</RequireSession>
    </>
  );
}

const STEP_VIEWS: Record<Exclude<HandoverStep, 'recipient'>, (p: StepProps) => React.JSX.Element> = {
  route: RouteStep,
  agreement: AgreementStep,
  pipia: PipiaStep,
  notices: NoticesStep,
  responses: ResponsesStep,
  package: PackageStep,
  receipt: ReceiptStep,
};

function HandoverWizard() {
  const { t } = useTranslation();
  const h = useHandover();
  const index = HANDOVER_STEPS.indexOf(h.step);
  const View = h.step === 'recipient' ? null : STEP_VIEWS[h.step];
  return (
    <>
      <Card
        title={t('handover.list.title')}
        style={{ marginBottom: 24 }}
        extra={
          <Button onClick={h.startNew} data-testid="handover-new">
            {t('handover.list.new')}
          </Button>
        }
      >
        {h.listError ? <ErrorAlert error={h.listError} /> : null}
        {h.summaries.length === 0 ? (
          <Empty description={t('handover.list.empty')} />
        ) : (
          <List
            data-testid="handover-list"
            dataSource={h.summaries}
            renderItem={(s) => (
              <List.Item
                data-testid="handover-row"
                data-state={s.state}
                actions={[
                  <Button
                    key="open"
                    size="small"
                    onClick={() => h.select(s.handoverId)}
                    data-testid="handover-open"
                  >
                    {t('handover.list.open')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={s.organisation}
                  description={
                    s.progress.blockers.length
                      ? s.progress.blockers.map((b) => t(`handover.blockers.${b}`)).join('；')
                      : t('handover.list.ready')
                  }
                />
                <Tag>{t(`handover.route.routes.${s.route}`).split(/[（(]/)[0]}</Tag>
                <Tag color={s.state === 'closed' ? 'green' : 'blue'}>
                  {t(`handover.list.state.${s.state}`)}
                </Tag>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card>
        <Steps
          size="small"
          current={index}
          data-testid="handover-steps"
          onChange={(i) => h.detail && h.setStep(HANDOVER_STEPS[i])}
          items={HANDOVER_STEPS.map((s) => ({
            title: t(`handover.steps.${s}`),
            disabled: !h.detail && s !== 'recipient',
          }))}
          style={{ marginBottom: 24 }}
        />
        <div data-testid="handover-step" data-step={h.step}>
          {h.step === 'recipient' ? (
            <RecipientStep
              key={h.detail?.handoverId ?? 'new'}
              detail={h.detail}
              onCreated={h.created}
              onChanged={h.changed}
            />
          ) : View && h.detail ? (
            <View key={h.detail.handoverId} detail={h.detail} onChanged={h.changed} />
          ) : null}
        </div>
        {h.detail && index < HANDOVER_STEPS.length - 1 ? (
          <Button
            style={{ marginTop: 24 }}
            onClick={() => h.setStep(HANDOVER_STEPS[index + 1])}
            data-testid="handover-next"
          >
            {t(`handover.steps.${HANDOVER_STEPS[index + 1]}`)} →
          </Button>
        ) : null}
      </Card>
    </>
  );
}
