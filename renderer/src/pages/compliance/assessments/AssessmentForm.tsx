// The assessment's own sections, written by people: purposes, lawfulness, impact, likelihood and
// severity, measures, proportionality, conclusion, residual risk, the DPO's advice and the review date.
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UiMessages } from '../../../i18n/zh-CN';
import type { AssessmentBody } from '../../../../../shared/contract';
import { RISK_LEVEL_TEXT } from '../../../../../shared/compliance/labels';
import { useBi } from '../../../i18n/bilingual';

const NARRATIVE = ['purposes', 'lawfulness', 'impact', 'measures', 'proportionality', 'conclusion'] as const;
type Values = Omit<AssessmentBody, 'reviewDate'> & { reviewDate: Dayjs | null };

export function AssessmentForm({
  body,
  canSave,
  onSave,
}: {
  body: AssessmentBody;
  canSave: boolean;
  onSave: (body: AssessmentBody) => void;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = (key: keyof UiMessages['compliance']['assessments']['fields']) =>
    t(`compliance.assessments.fields.${key}`);
  return (
    <Form<Values>
      layout="vertical"
      disabled={!canSave}
      initialValues={{ ...body, reviewDate: body.reviewDate ? dayjs(body.reviewDate) : null }}
      onFinish={(v) =>
        onSave({ ...v, dpoAdvice: v.dpoAdvice ?? '', reviewDate: v.reviewDate?.format('YYYY-MM-DD') ?? null })
      }
    >
      {NARRATIVE.map((key) => (
        <Form.Item key={key} name={key} label={label(key)}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={8000}
            data-testid={`assessment-${key}`}
          />
        </Form.Item>
      ))}
      <Flex gap={16} wrap>
        <Form.Item name="likelihood" label={label('likelihood')}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        <Form.Item name="severity" label={label('severity')}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
        <Form.Item name="residualRisk" label={label('residualRisk')}>
          <Select
            style={{ width: 120 }}
            options={(['low', 'medium', 'high'] as const).map((l) => ({
              value: l,
              label: bi(RISK_LEVEL_TEXT[l]),
            }))}
          />
        </Form.Item>
        <Form.Item name="reviewDate" label={label('reviewDate')}>
          <DatePicker />
        </Form.Item>
      </Flex>
      <Form.Item name="dpoAdvice" label={label('dpoAdvice')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={8000} />
      </Form.Item>
      {canSave ? (
        <Button htmlType="submit" data-testid="assessment-save">
          {t('compliance.assessments.save')}
        </Button>
      ) : null}
    </Form>
  );
}
