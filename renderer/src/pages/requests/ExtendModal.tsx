// Extending a request's period, with the reason told to the person: GDPR +2 months and CCPA +45 days
// once; PIPL by a new count of working days.
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput, RequestEntry } from '../../../../shared/contract';

export function ExtendModal({
  request,
  busy,
  onCancel,
  onExtend,
}: {
  request: RequestEntry | null;
  busy: boolean;
  onCancel: () => void;
  onExtend: (input: OpInput<'requests.extend'>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; workingDays?: number }>();
  return (
    <Modal
      open={request !== null}
      title={t('requests.extendTitle', { ref: request?.ref ?? '' })}
      okText={t('requests.extend')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'extend-ok', loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v && request) await onExtend({ id: request.id, reason: v.reason, workingDays: v.workingDays });
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('requests.extendReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="extend-reason" />
        </Form.Item>
        {request?.regime === 'pipl' ? (
          <Form.Item name="workingDays" label={t('requests.form.workingDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
