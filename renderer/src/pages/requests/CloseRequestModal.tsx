// Closing a request with its outcome and a note (a refusal says why).
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpInput, RequestEntry } from '../../../../shared/contract';
import { REQUEST_OUTCOMES } from '../../../../shared/requests';

type Values = Pick<OpInput<'requests.close'>, 'outcome' | 'note'>;

export function CloseRequestModal({
  request,
  busy,
  onCancel,
  onClose,
}: {
  request: RequestEntry | null;
  busy: boolean;
  onCancel: () => void;
  onClose: (input: OpInput<'requests.close'>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={request !== null}
      title={t('requests.closeTitle', { ref: request?.ref ?? '' })}
      okText={t('requests.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'request-close-ok', loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v && request) await onClose({ id: request.id, outcome: v.outcome, note: v.note || undefined });
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ outcome: 'granted' }}>
        <Form.Item name="outcome" label={t('requests.outcome')}>
          <Select
            data-testid="request-outcome"
            options={REQUEST_OUTCOMES.map((o) => ({ value: o, label: t(`requests.outcomes.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('requests.outcomeNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
