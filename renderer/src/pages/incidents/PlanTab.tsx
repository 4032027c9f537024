// The emergency plan: contacts (name, how to reach them), the steps per kind of incident (one per line),
// the drill period; saved into the vault, exported as a PDF into a chosen folder.
import { Alert, Button, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyPlan } from '../../../../shared/contract';
import { editablePlan } from '../../../../shared/emergency-plan';
import { INCIDENT_KINDS } from '../../../../shared/incidents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../hooks/use-call';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useOperation } from '../../hooks/use-operation';
import { currentLang } from '../../i18n';
import { api } from '../../platform/api';
import { useSession } from '../../session/session-context';

type Values = Omit<EmergencyPlan, 'steps' | 'updatedAt' | 'updatedBy'> & { steps: Record<string, string> };

const toValues = (p: EmergencyPlan): Values => ({
  ...editablePlan(p),
  steps: Object.fromEntries(INCIDENT_KINDS.map((k) => [k, p.steps[k].join('\n')])),
});

export function PlanTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const plan = useOperation('incidents.plan', { language: currentLang() });
  const call = useCall();
  const chooser = useChooseFile();
  const [form] = Form.useForm<Values>();
  const [exported, setExported] = useState<string | null>(null);
  if (plan.state.status === 'error') return <ErrorAlert error={plan.state.error} />;
  if (plan.state.status === 'loading') return <Skeleton active />;
  const p = plan.state.value;
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const steps = Object.fromEntries(
      INCIDENT_KINDS.map((k) => [
        k,
        (v.steps[k] ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    ) as EmergencyPlan['steps'];
    const roles = p.roles.map((r, i) => ({ role: r.role, duty: v.roles?.[i]?.duty ?? r.duty }));
    if (await call.run('incidents.savePlan', { ...editablePlan(p), ...v, roles, steps })) plan.reload();
  };
  const exportPdf = async () => {
    const done = await chooser.chooseAndCall({ purpose: 'incident-output', kind: 'folder' }, (folder) =>
      api.call('incidents.exportPlan', { out: { handle: folder.handle } }),
    );
    if (done) setExported(done.file);
  };
  return (
    <Flex vertical gap={12} data-testid="incident-plan">
      <Typography.Text type="secondary">
        {p.updatedAt
          ? t('incidents.plan.updated', { at: p.updatedAt.slice(0, 16), by: p.updatedBy ?? '—' })
          : t('incidents.plan.template')}
      </Typography.Text>
      {(call.error ?? chooser.error) ? <ErrorAlert error={(call.error ?? chooser.error)!} /> : null}
      {exported ? (
        <Alert type="success" showIcon title={t('incidents.plan.exported', { file: exported })} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={toValues(p)}
        key={p.updatedAt ?? 'template'}
        disabled={!can('incidents.savePlan')}
      >
        <Typography.Title level={5}>{t('incidents.plan.contacts')}</Typography.Title>
        {p.contacts.map((c, i) => (
          <Flex key={i} gap={8}>
            <Form.Item name={['contacts', i, 'role']} style={{ flex: 1 }}>
              <Input placeholder={t('incidents.plan.role')} />
            </Form.Item>
            <Form.Item name={['contacts', i, 'name']} style={{ flex: 1 }}>
              <Input placeholder={t('incidents.plan.name')} data-testid={`plan-contact-name-${i}`} />
            </Form.Item>
            <Form.Item name={['contacts', i, 'contact']} style={{ flex: 1 }}>
              <Input placeholder={t('incidents.plan.contact')} />
            </Form.Item>
          </Flex>
        ))}
        <Typography.Title level={5}>{t('incidents.plan.roles')}</Typography.Title>
        {p.roles.map((r, i) => (
          <Form.Item key={i} name={['roles', i, 'duty']} label={r.role}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('incidents.plan.steps')}</Typography.Title>
        {INCIDENT_KINDS.map((k) => (
          <Form.Item key={k} name={['steps', k]} label={t(`incidents.kinds.${k}`)}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        ))}
        <Form.Item name="drillPeriodMonths" label={t('incidents.plan.period')}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
      </Form>
      <Flex gap={8}>
        {can('incidents.savePlan') ? (
          <Button type="primary" loading={call.busy} onClick={() => void save()} data-testid="plan-save">
            {t('incidents.plan.save')}
          </Button>
        ) : null}
        <Button
          loading={chooser.choosing || chooser.calling}
          onClick={() => void exportPdf()}
          data-testid="plan-export"
        >
          {t('incidents.plan.export')}
        </Button>
      </Flex>
    </Flex>
  );
}
