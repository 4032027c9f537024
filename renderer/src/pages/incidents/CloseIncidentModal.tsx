// Closing an incident with what was done and learned.
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncidentEntry } from '../../../../shared/contract';

export function CloseIncidentModal(props: {
  incident: IncidentEntry | null;
  busy: boolean;
  onCancel: () => void;
  onClose: (note: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={props.incident !== null}
      title={t('incidents.closeTitle', { ref: props.incident?.ref ?? '' })}
      okText={t('incidents.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.busy, 'data-testid': 'incident-close-ok' }}
      onCancel={props.onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v) await props.onClose(v.note);
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('incidents.closeNote')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
