// Adding a risk, or changing one's likelihood, impact, owner, treatment and status.
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_CATEGORIES, RISK_STATUSES, type Risk } from '../../../../../shared/contract';
import { RISK_CATEGORY_TEXT, RISK_STATUS_TEXT } from '../../../../../shared/compliance/labels';
import { useBi } from '../../../i18n/bilingual';

export interface RiskValues {
  title: string;
  description: string;
  category: Risk['category'];
  likelihood: number;
  impact: number;
  owner: string | null;
  treatment: string | null;
  status: Risk['status'];
}

/** `risk` undefined: closed; null: a new risk; a risk: editing it. */
export function RiskModal({
  risk,
  onCancel,
  onSave,
}: {
  risk: Risk | null | undefined;
  onCancel: () => void;
  onSave: (values: RiskValues) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const [form] = Form.useForm<RiskValues>();
  const adding = risk === null;
  const scale = (name: 'likelihood' | 'impact') => (
    <Form.Item name={name} label={t(`compliance.risks.${name}`)} rules={[{ required: true }]}>
      <InputNumber min={1} max={5} precision={0} data-testid={`risk-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={risk !== undefined}
      title={adding ? t('compliance.risks.add') : t('compliance.risks.editTitle')}
      okText={t('compliance.risks.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'risk-save' }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (values && (await onSave(values))) form.resetFields();
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          risk
            ? { ...risk, title: bi(risk.title), description: bi(risk.description) }
            : { category: 'leakage', likelihood: 3, impact: 3, status: 'open' }
        }
      >
        {adding ? (
          <>
            <Form.Item
              name="title"
              label={t('compliance.risks.title')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={300} data-testid="risk-title" />
            </Form.Item>
            <Form.Item name="description" label={t('compliance.risks.description')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="category" label={t('compliance.risks.category')}>
              <Select
                options={RISK_CATEGORIES.map((c) => ({ value: c, label: bi(RISK_CATEGORY_TEXT[c]) }))}
              />
            </Form.Item>
          </>
        ) : null}
        {scale('likelihood')}
        {scale('impact')}
        <Form.Item name="owner" label={t('compliance.risks.owner')}>
          <Input maxLength={100} data-testid="risk-owner" />
        </Form.Item>
        <Form.Item name="treatment" label={t('compliance.risks.treatment')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="risk-treatment" />
        </Form.Item>
        {adding ? null : (
          <Form.Item name="status" label={t('compliance.risks.status')}>
            <Select
              data-testid="risk-status"
              options={RISK_STATUSES.map((s) => ({ value: s, label: bi(RISK_STATUS_TEXT[s]) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
