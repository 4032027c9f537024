// The closure plan: where it stands (stage, the next action), its steps and blockers, the key dates with
// the days left, the closure's own dates, the charts, and the certification once nothing blocks it.
import { App, Button, Col, DatePicker, Divider, Flex, Form, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanStep } from '../../../../../shared/contract';
import { navigateTo } from '../../../app/use-hash-route';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBi } from '../../../i18n/bilingual';
import { useSession } from '../../../session/session-context';
import { ConfirmStepModal } from './ConfirmStepModal';
import { KeyDatesTable } from './KeyDatesTable';
import { PlanSteps } from './PlanSteps';
import { ProgressCharts } from './ProgressCharts';
import { usePlan } from './use-plan';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function PlanTab() {
  const { t } = useTranslation();
  const bi = useBi();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const model = usePlan();
  const [confirming, setConfirming] = useState<PlanStep | null>(null);
  const { plan } = model;
  if (model.state.status === 'error') return <ErrorAlert error={model.state.error} />;
  if (!plan) return <Skeleton active />;
  const certifyBlockers = plan.steps.find((s) => s.id === 'certify')?.blockers ?? [];

  const certify = () =>
    modal.confirm({
      title: t('compliance.plan.certifyTitle'),
      content: t('compliance.plan.certifyBody'),
      okText: t('compliance.plan.certifyOk'),
      okButtonProps: { 'data-testid': 'plan-certify-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (await model.certify()) void message.success(t('compliance.saved'));
      },
    });

  return (
    <Flex vertical gap={16} data-testid="plan-tab" data-stage={plan.stage}>
      {model.error ? <ErrorAlert error={model.error} /> : null}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('compliance.plan.stage')}</Typography.Text>
          <Tag color={plan.stage === 'certified' ? 'green' : 'blue'} data-testid="plan-stage">
            {t(`dashboard.stages.${plan.stage}`)}
          </Tag>
          {plan.nextAction ? (
            <Button
              type="primary"
              onClick={() => navigateTo(plan.nextAction!.route)}
              data-testid="plan-next-action"
            >
              {t('compliance.plan.nextAction')}: {bi(plan.nextAction.label)}
            </Button>
          ) : null}
        </Flex>
        {plan.certified ? (
          <Tag color="green" data-testid="plan-certified">
            {t('compliance.plan.certified', {
              date: plan.certified.at.slice(0, 10),
              by: plan.certified.by ?? '—',
            })}
          </Tag>
        ) : (
          <Button
            type="primary"
            disabled={!plan.canCertify || !can('plan.certify')}
            onClick={certify}
            data-testid="plan-certify"
            title={plan.canCertify ? undefined : certifyBlockers.map((b) => bi(b.text)).join('; ')}
          >
            {t('compliance.plan.certify')}
          </Button>
        )}
      </Flex>
      <Row gutter={24}>
        <Col xs={24} xl={11}>
          <Typography.Title level={5}>{t('compliance.plan.stepsTitle')}</Typography.Title>
          <PlanSteps
            plan={plan}
            canConfirm={can('plan.confirm') && !plan.certified}
            onConfirm={setConfirming}
          />
        </Col>
        <Col xs={24} xl={13}>
          <Typography.Title level={5}>{t('compliance.plan.keyDatesTitle')}</Typography.Title>
          <KeyDatesTable dates={plan.keyDates} />
          {can('plan.setDates') && !plan.certified ? (
            <Form
              layout="inline"
              style={{ marginTop: 12 }}
              initialValues={{
                liquidationGroupDate: plan.dates.liquidationGroupDate
                  ? dayjs(plan.dates.liquidationGroupDate)
                  : null,
                objectionDeadline: plan.dates.objectionDeadline ? dayjs(plan.dates.objectionDeadline) : null,
              }}
              onFinish={(v: { liquidationGroupDate?: Dayjs | null; objectionDeadline?: Dayjs | null }) =>
                void model.setDates({
                  liquidationGroupDate: day(v.liquidationGroupDate),
                  objectionDeadline: day(v.objectionDeadline),
                })
              }
            >
              <Form.Item name="liquidationGroupDate" label={t('compliance.plan.liquidationGroupDate')}>
                <DatePicker data-testid="plan-group-date" />
              </Form.Item>
              <Form.Item name="objectionDeadline" label={t('compliance.plan.objectionDeadline')}>
                <DatePicker data-testid="plan-objection-date" />
              </Form.Item>
              <Button htmlType="submit" data-testid="plan-save-dates">
                {t('compliance.plan.saveDates')}
              </Button>
            </Form>
          ) : null}
        </Col>
      </Row>
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Title level={5}>{t('compliance.plan.chartsTitle')}</Typography.Title>
      <ProgressCharts history={model.history} />
      <ConfirmStepModal
        step={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={async (note) => {
          const done = await model.confirm({ step: confirming!.id as 'notify' | 'handover', note });
          if (done) setConfirming(null);
          return done;
        }}
      />
    </Flex>
  );
}
