// Answering by hand a checklist item the vault holds no evidence for: a conclusion, a note saying on
// what basis, and an optional evidence file (hashed and kept encrypted in the vault).
import { Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_STATUSES,
  type ChecklistItem,
  type ChosenFile,
  type OpInput,
} from '../../../../../shared/contract';
import { ITEM_STATUS_TEXT } from '../../../../../shared/compliance/labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useBi } from '../../../i18n/bilingual';
import type { ErrorValue } from '../../../platform/api';
import { chooseFile } from '../../../platform/dialogs';

type Answer = OpInput<'compliance.answer'>;
interface Values {
  status: Answer['status'];
  note: string;
}

export function AnswerModal({
  item,
  onCancel,
  onAnswer,
}: {
  item: ChecklistItem | null;
  onCancel: () => void;
  onAnswer: (answer: Answer) => Promise<ErrorValue | null>;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const close = () => {
    setFile(null);
    setError(null);
    onCancel();
  };
  const pick = async () => {
    const chosen = await chooseFile({ kind: 'open', purpose: 'evidence-file' });
    if (!chosen.ok) return setError(chosen.error);
    if (chosen.value) setFile(chosen.value);
  };
  return (
    <Modal
      open={item !== null}
      title={item ? t('compliance.checklists.answerTitle', { item: bi(item.title) }) : ''}
      okText={t('compliance.checklists.answerOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'answer-ok' }}
      onCancel={close}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (!values) return; // the form shows what is missing
        const failed = await onAnswer({
          itemId: item!.id,
          ...values,
          ...(file ? { file: { handle: file.handle } } : {}),
        });
        if (failed) setError(failed);
        else close();
      }}
    >
      {item ? <Typography.Paragraph type="secondary">{item.article}</Typography.Paragraph> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ status: item?.answer?.status, note: item?.answer?.note }}
      >
        <Form.Item name="status" label={t('compliance.checklists.answerStatus')} rules={[{ required: true }]}>
          <Select
            data-testid="answer-status"
            options={ANSWER_STATUSES.map((s) => ({ value: s, label: bi(ITEM_STATUS_TEXT[s]) }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('compliance.checklists.answerNote')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={4000}
            placeholder={t('compliance.checklists.answerNoteHint')}
            data-testid="answer-note"
          />
        </Form.Item>
        <Form.Item label={t('compliance.checklists.answerFile')} extra={t('compliance.checklists.fileKept')}>
          <Flex gap={8} align="center">
            <Button onClick={() => void pick()} data-testid="answer-file">
              {t('compliance.checklists.chooseFile')}
            </Button>
            <Typography.Text type="secondary" data-testid="answer-file-name">
              {file ? file.name : t('compliance.checklists.noFile')}
            </Typography.Text>
          </Flex>
        </Form.Item>
      </Form>
    </Modal>
  );
}
