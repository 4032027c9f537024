// Step 6: objections and consents, each with its evidence; the selection shown as it now stands
// (TRANSFER to this recipient − objectors − those missing a required consent) and the deadline.
import { Alert, Button, Checkbox, Flex, Form, InputNumber, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile, ResponseRecorded } from '../../../../shared/contract';
import type { ResponseKind } from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import { useAction, type StepProps } from './use-handover';

interface Values {
  recordId: number;
  kind: ResponseKind;
  guardian: boolean;
}

export function ResponsesStep({ detail, onChanged }: StepProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [form] = Form.useForm<Values>();
  const [evidence, setEvidence] = useState<ChosenFile | null>(null);
  const [last, setLast] = useState<ResponseRecorded | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'objection';

  const pickEvidence = async () => {
    const picked = await chooseFile({ kind: 'open', purpose: 'handover-document' });
    if (picked.ok && picked.value) setEvidence(picked.value);
  };

  const save = async (v: Values) => {
    const done = await action.run('handover.respond', {
      handoverId: detail.handoverId,
      recordId: v.recordId,
      kind: v.kind,
      ...(v.kind === 'consent' ? { consentType: v.guardian ? 'guardian' : 'separate' } : {}),
      ...(evidence ? { evidence: { handle: evidence.handle } } : {}),
    });
    if (!done) return;
    setLast(done);
    setEvidence(null);
    form.resetFields(['recordId']);
    onChanged();
  };

  const s = detail.selection;
  return (
    <>
      <Typography.Paragraph data-testid="handover-deadline-status">
        {detail.deadline ? t('handover.responses.deadline', { date: detail.deadline }) : null}
        {detail.progress.deadlinePassed ? ` · ${t('handover.responses.deadlinePassed')}` : ''}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="handover-selection"
        data-selected={s.selected}
        title={t('handover.responses.selection', { ...s })}
      />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void save(v)}
        initialValues={{ kind: 'objection', guardian: false }}
      >
        <Form.Item name="recordId" label={t('handover.responses.record')} rules={[{ required: true }]}>
          <InputNumber min={1} data-testid="handover-response-record" />
        </Form.Item>
        <Form.Item name="kind">
          <Radio.Group>
            <Radio value="objection" data-testid="handover-response-objects">
              {t('handover.responses.objects')}
            </Radio>
            <Radio value="consent" data-testid="handover-response-consents">
              {t('handover.responses.consents')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'consent' ? (
          <Form.Item name="guardian" valuePropName="checked">
            <Checkbox>{t('handover.responses.guardian')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
      <Flex gap={8} align="center" style={{ marginTop: 16 }}>
        <Button onClick={() => void pickEvidence()}>{t('handover.responses.evidence')}</Button>
        <Typography.Text type="secondary">{evidence?.name}</Typography.Text>
        <Button
          type="primary"
          loading={action.busy}
          onClick={() => form.submit()}
          data-testid="handover-response-save"
        >
          {t('handover.responses.save')}
        </Button>
      </Flex>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {last ? (
        <Alert
          type="success"
          style={{ marginTop: 16 }}
          data-testid="handover-response-recorded"
          title={t('handover.responses.recorded', {
            record: last.recordId,
            kind: t(`handover.responses.kinds.${last.kind}`),
          })}
        />
      ) : null}
    </>
  );
}
