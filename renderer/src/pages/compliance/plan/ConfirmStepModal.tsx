// Confirming by hand a step the vault holds no evidence for (notices sent, handover received): a note
// saying how it was done, kept with the plan and in the audit chain.
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanStep } from '../../../../../shared/contract';
import { useBi } from '../../../i18n/bilingual';

export function ConfirmStepModal({
  step,
  onCancel,
  onConfirm,
}: {
  step: PlanStep | null;
  onCancel: () => void;
  onConfirm: (note: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={step !== null}
      title={step ? t('compliance.plan.confirmTitle', { step: bi(step.title) }) : ''}
      okText={t('compliance.plan.confirmOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'plan-confirm-ok' }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (!values) return; // the form shows what is missing
        const { note } = values;
        if (await onConfirm(note)) form.resetFields();
      }}
    >
      <Typography.Paragraph type="secondary">{t('compliance.plan.confirmHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={t('compliance.plan.confirmNote')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="plan-confirm-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
