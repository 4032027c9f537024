// Registering a request: kind, law, channel, the day received, the customer's record (or none found),
// the identity check done (what was seen), PIPL's working days and a note without personal data.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../shared/contract';
import {
  IDENTITY_CHECKS,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_REGIMES,
} from '../../../../shared/requests';

type Values = Required<Omit<OpInput<'requests.add'>, 'recordId' | 'workingDays'>> & {
  recordId?: number | null;
  workingDays?: number | null;
};

const today = () => new Date().toISOString().slice(0, 10);

export function AddRequestModal({
  open,
  busy,
  onCancel,
  onAdd,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onAdd: (input: OpInput<'requests.add'>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const regime = Form.useWatch('regime', form);
  return (
    <Modal
      open={open}
      title={t('requests.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'request-save', loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        await onAdd({
          ...v,
          recordId: v.recordId ?? null,
          workingDays: v.regime === 'pipl' ? (v.workingDays ?? undefined) : undefined,
          note: v.note ?? '',
        });
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          kind: 'access',
          regime: 'pipl',
          channel: 'email',
          receivedOn: today(),
          identityCheck: 'id-document-seen',
        }}
      >
        <Form.Item name="kind" label={t('requests.form.kind')}>
          <Select
            data-testid="request-kind"
            options={REQUEST_KINDS.map((v) => ({ value: v, label: t(`requests.kinds.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="regime" label={t('requests.form.regime')}>
          <Select
            data-testid="request-regime"
            options={REQUEST_REGIMES.map((v) => ({ value: v, label: t(`requests.regimes.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('requests.form.channel')}>
          <Select options={REQUEST_CHANNELS.map((v) => ({ value: v, label: t(`requests.channels.${v}`) }))} />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('requests.form.receivedOn')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
        >
          <Input data-testid="request-received" maxLength={10} />
        </Form.Item>
        <Form.Item name="recordId" label={t('requests.form.recordId')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="request-record" />
        </Form.Item>
        <Form.Item name="identityCheck" label={t('requests.form.identityCheck')}>
          <Select options={IDENTITY_CHECKS.map((v) => ({ value: v, label: t(`requests.identity.${v}`) }))} />
        </Form.Item>
        {regime === 'pipl' ? (
          <Form.Item name="workingDays" label={t('requests.form.workingDays')}>
            <InputNumber min={1} max={60} precision={0} placeholder="15" />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('requests.form.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
