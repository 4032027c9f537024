// A correction request's new values, before the folder for the letter is chosen: one or more fields the
// import reads as plain text, each with its new value.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestEntry } from '../../../../shared/contract';
import { CORRECTABLE_FIELDS } from '../../../../shared/requests';

export interface Correction {
  field: string;
  value: string;
}

export function CorrectionModal({
  request,
  busy,
  onCancel,
  onFulfil,
}: {
  request: RequestEntry | null;
  busy: boolean;
  onCancel: () => void;
  onFulfil: (request: RequestEntry, corrections: Correction[]) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ corrections: Correction[] }>();
  const fields = CORRECTABLE_FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }));
  return (
    <Modal
      open={request !== null}
      title={t('requests.correction.title', { ref: request?.ref ?? '' })}
      okText={t('requests.fulfil')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'correction-ok', loading: busy }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (v && request) await onFulfil(request, v.corrections);
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ corrections: [{ field: 'name' }] }}
      >
        <Form.List name="corrections">
          {(items, { add, remove }) => (
            <Flex vertical gap={8}>
              {items.map((item) => (
                <Flex key={item.key} gap={8} align="baseline">
                  <Form.Item name={[item.name, 'field']} rules={[{ required: true }]} style={{ width: 160 }}>
                    <Select options={fields} data-testid="correction-field" />
                  </Form.Item>
                  <Form.Item name={[item.name, 'value']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input
                      maxLength={2000}
                      placeholder={t('requests.correction.value')}
                      data-testid="correction-value"
                    />
                  </Form.Item>
                  {items.length > 1 ? <MinusCircleOutlined onClick={() => remove(item.name)} /> : null}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ field: 'name' })}>
                {t('requests.correction.more')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
