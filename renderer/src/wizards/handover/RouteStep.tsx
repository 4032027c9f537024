// Step 2: the legal route (Art. 22 succession, Art. 23 provision, Art. 38–39 cross-border), the recorded
// reasoning, who the route lets travel, and the cross-border checklist when the route is cross-border.
import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import {
  CROSS_BORDER_MECHANISMS,
  HANDOVER_ROUTES,
  type CrossBorderChecklist,
  type HandoverRoute,
} from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, type StepProps } from './use-handover';

interface Values {
  route: HandoverRoute;
  reasoning: string;
  crossBorder: CrossBorderChecklist;
}

export function RouteStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const route = Form.useWatch('route', form) ?? detail.route;

  const save = async (v: Values) => {
    const next = await action.run('handover.update', {
      handoverId: detail.handoverId,
      route: v.route,
      reasoning: v.reasoning ?? '',
      ...(v.route === 'cross-border' ? { crossBorder: { ...detail.crossBorder, ...v.crossBorder } } : {}),
    });
    if (next) onChanged(next);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      onFinish={(v) => void save(v)}
      initialValues={{ route: detail.route, reasoning: detail.reasoning, crossBorder: detail.crossBorder }}
    >
      <Form.Item name="route" label={t('handover.route.label')}>
        <Radio.Group data-testid="handover-route">
          {HANDOVER_ROUTES.map((r) => (
            <Radio key={r} value={r} data-testid={`handover-route-${r}`} style={{ display: 'block' }}>
              {t(`handover.route.routes.${r}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="handover-route-rule"
        title={t('handover.route.who', { rule: t(`handover.route.rules.${route}`) })}
      />
      <Form.Item name="reasoning" label={t('handover.route.reasoning')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} data-testid="handover-reasoning" />
      </Form.Item>
      {route === 'cross-border' ? (
        <>
          <Form.Item name={['crossBorder', 'mechanism']} label={t('handover.route.mechanism')}>
            <Select
              data-testid="handover-mechanism"
              style={{ maxWidth: 320 }}
              options={CROSS_BORDER_MECHANISMS.map((m) => ({
                value: m,
                label: t(`handover.route.mechanisms.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item name={['crossBorder', 'protectionEquivalent']} valuePropName="checked">
            <Checkbox>{t('handover.route.protectionEquivalent')}</Checkbox>
          </Form.Item>
          <Form.Item name={['crossBorder', 'rightsExplained']} valuePropName="checked">
            <Checkbox>{t('handover.route.rightsExplained')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="handover-route-save">
        {t('handover.route.save')}
      </Button>
    </Form>
  );
}
