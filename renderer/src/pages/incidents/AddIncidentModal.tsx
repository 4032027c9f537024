// Registering an incident: kind, when it was discovered, what happened (no personal data), what data it
// touched — a lost backup, a handover package sent to the wrong recipient, the whole vault, or a count —
// whether the key went too, and the laws (empty: the engine decides from who is affected).
import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import { INCIDENT_KINDS, INCIDENT_REGIMES } from '../../../../shared/incidents';
import { useOperation } from '../../hooks/use-operation';

type From = NonNullable<OpInput<'incidents.add'>['source']>['from'];
const SOURCES: readonly From[] = ['backup', 'package', 'vault', 'entered'];

interface Values {
  kind: OpInput<'incidents.add'>['kind'];
  discoveredAt: string;
  description: string;
  from: From;
  backupId?: string;
  transferId?: number;
  records?: number;
  keyExposed?: boolean;
  regimes?: Array<(typeof INCIDENT_REGIMES)[number]>;
}

/** Now as the local "YYYY-MM-DDTHH:mm" a person reads and types. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function sourceOf(v: Values): OpInput<'incidents.add'>['source'] {
  switch (v.from) {
    case 'backup':
      return { from: 'backup', backupId: v.backupId ?? '' };
    case 'package':
      return { from: 'package', transferId: v.transferId ?? 0 };
    case 'vault':
      return { from: 'vault' };
    case 'entered':
      return { from: 'entered', records: v.records ?? 0 };
  }
}

export function AddIncidentModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onAdd: (input: OpInput<'incidents.add'>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch('from', form);
  const backups = useOperation('backup.list', {});
  const backupOptions =
    backups.state.status === 'ok'
      ? backups.state.value.map((b) => ({
          value: b.id,
          label: `${b.createdAt.slice(0, 16)} · ${b.id.slice(0, 8)}`,
        }))
      : [];
  return (
    <Modal
      open={props.open}
      title={t('incidents.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'incident-save', loading: props.busy }}
      onCancel={props.onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        await props.onAdd({
          kind: v.kind,
          discoveredAt: new Date(v.discoveredAt).toISOString(),
          description: v.description,
          source: sourceOf(v),
          keyExposed: v.keyExposed === true,
          regimes: v.regimes?.length ? v.regimes : undefined,
        });
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'lost-backup', discoveredAt: localNow(), from: 'backup' }}
      >
        <Form.Item name="kind" label={t('incidents.form.kind')}>
          <Select
            data-testid="incident-kind"
            options={INCIDENT_KINDS.map((v) => ({ value: v, label: t(`incidents.kinds.${v}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="discoveredAt"
          label={t('incidents.form.discoveredAt')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/ }]}
        >
          <Input data-testid="incident-discovered" maxLength={16} placeholder="YYYY-MM-DDTHH:mm" />
        </Form.Item>
        <Form.Item name="description" label={t('incidents.form.description')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="incident-description" />
        </Form.Item>
        <Form.Item name="from" label={t('incidents.form.source')}>
          <Select
            data-testid="incident-source"
            options={SOURCES.map((v) => ({ value: v, label: t(`incidents.form.sources.${v}`) }))}
          />
        </Form.Item>
        {from === 'backup' ? (
          <Form.Item name="backupId" label={t('incidents.form.backup')} rules={[{ required: true }]}>
            <Select data-testid="incident-backup" options={backupOptions} />
          </Form.Item>
        ) : null}
        {from === 'package' ? (
          <Form.Item name="transferId" label={t('incidents.form.transferId')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {from === 'entered' ? (
          <Form.Item name="records" label={t('incidents.form.records')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="incident-records" />
          </Form.Item>
        ) : null}
        <Form.Item name="keyExposed" valuePropName="checked">
          <Checkbox>{t('incidents.form.keyExposed')}</Checkbox>
        </Form.Item>
        <Form.Item name="regimes" label={t('incidents.form.regimes')}>
          <Select
            mode="multiple"
            data-testid="incident-regimes"
            options={INCIDENT_REGIMES.map((v) => ({ value: v, label: t(`incidents.regimes.${v}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
