// Recording that a person signed the confidentiality undertaking: the date, and the scan if there is one.
import { Button, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile, ClosurePerson } from '../../../../../shared/contract';
import { chooseFile } from '../../../platform/dialogs';

export function UndertakingModal({
  person,
  onCancel,
  onRecord,
}: {
  person: ClosurePerson | null;
  onCancel: () => void;
  onRecord: (signedOn: string, file: ChosenFile | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ signedOn: Dayjs }>();
  const [file, setFile] = useState<ChosenFile | null>(null);
  return (
    <Modal
      open={person !== null}
      title={person ? t('compliance.people.recordTitle', { name: person.name }) : ''}
      cancelText={t('common.cancel')}
      onCancel={() => {
        setFile(null);
        onCancel();
      }}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields().catch(() => null);
        if (!values) return; // the form shows what is missing
        const { signedOn } = values;
        if (await onRecord(signedOn.format('YYYY-MM-DD'), file)) setFile(null);
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ signedOn: dayjs() }}>
        <Form.Item name="signedOn" label={t('compliance.people.signedDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('compliance.people.scan')}>
          <Flex gap={8} align="center">
            <Button
              onClick={async () => {
                const chosen = await chooseFile({ kind: 'open', purpose: 'evidence-file' });
                if (chosen.ok && chosen.value) setFile(chosen.value);
              }}
            >
              {t('compliance.checklists.chooseFile')}
            </Button>
            <Typography.Text type="secondary">
              {file?.name ?? t('compliance.checklists.noFile')}
            </Typography.Text>
          </Flex>
        </Form.Item>
      </Form>
    </Modal>
  );
}
