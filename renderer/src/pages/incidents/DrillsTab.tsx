// The emergency drills held (date, scenario, participants, findings), newest first, and a form to log one.
import { Button, Flex, Form, Input, List, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import { INCIDENT_KINDS } from '../../../../shared/incidents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../hooks/use-call';
import { useOperation } from '../../hooks/use-operation';
import { useSession } from '../../session/session-context';

type Values = Omit<OpInput<'incidents.logDrill'>, 'participants'> & { participants: string };

export function DrillsTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const drills = useOperation('incidents.drills', {});
  const call = useCall();
  const [form] = Form.useForm<Values>();
  if (drills.state.status === 'error') return <ErrorAlert error={drills.state.error} />;
  if (drills.state.status === 'loading') return <Skeleton active />;
  const log = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const participants = v.participants
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (await call.run('incidents.logDrill', { ...v, participants })) {
      form.resetFields();
      drills.reload();
    }
  };
  return (
    <Flex vertical gap={12} data-testid="incident-drills">
      {call.error ? <ErrorAlert error={call.error} /> : null}
      {can('incidents.logDrill') ? (
        <Form
          form={form}
          layout="inline"
          initialValues={{ heldOn: new Date().toISOString().slice(0, 10), kind: 'lost-backup' }}
        >
          <Form.Item name="heldOn" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder={t('incidents.drills.heldOn')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 180 }}
              options={INCIDENT_KINDS.map((v) => ({ value: v, label: t(`incidents.kinds.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="scenario" rules={[{ required: true }]}>
            <Input placeholder={t('incidents.drills.scenario')} data-testid="drill-scenario" />
          </Form.Item>
          <Form.Item name="participants" rules={[{ required: true }]}>
            <Input placeholder={t('incidents.drills.participants')} data-testid="drill-participants" />
          </Form.Item>
          <Form.Item name="findings" rules={[{ required: true }]}>
            <Input placeholder={t('incidents.drills.findings')} data-testid="drill-findings" />
          </Form.Item>
          <Button type="primary" loading={call.busy} onClick={() => void log()} data-testid="drill-log">
            {t('incidents.drills.log')}
          </Button>
        </Form>
      ) : null}
      <List
        data-testid="drill-list"
        dataSource={drills.state.value}
        locale={{ emptyText: t('incidents.drills.empty') }}
        renderItem={(d) => (
          <List.Item>
            <Flex vertical>
              <Typography.Text strong>
                {d.heldOn} · {t(`incidents.kinds.${d.kind}`)} · {d.scenario}
              </Typography.Text>
              <Typography.Text type="secondary">{d.participants.join(', ')}</Typography.Text>
              <Typography.Text>{d.findings}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
