// Edit details (owner): the client company's details, key dates and the vault's idle timeout, written
// with vault.updateDetails. This is also where the vault's settings live.
import { Button, Divider, Drawer, Flex, Form, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { VaultDetails } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../hooks/use-call';
import { DetailsFields } from '../../wizards/create-vault/DetailsFields';
import { detailsInput, type DetailsValues } from '../../wizards/create-vault/details';

interface EditValues extends DetailsValues {
  idleTimeoutMinutes?: number;
}

const asDate = (iso: string | null | undefined) => (iso ? dayjs(iso) : null);

export function EditDetailsDrawer({
  details,
  open,
  onClose,
  onSaved,
}: {
  details: VaultDetails;
  open: boolean;
  onClose: () => void;
  onSaved: (details: VaultDetails) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const { run, busy: saving, error } = useCall();

  const save = async (values: EditValues) => {
    const saved = await run('vault.updateDetails', {
      ...detailsInput(values),
      idleTimeoutMinutes: values.idleTimeoutMinutes,
    });
    if (saved) onSaved(saved);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('overview.editTitle')}
      size={560}
      destroyOnHidden
      data-testid="edit-details"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="edit-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<EditValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => void save(values)}
        initialValues={{
          clientName: details.clientName,
          creditCode: details.creditCode,
          contact: details.contact,
          closureReason: details.closureReason,
          decisionDate: asDate(details.keyDates.decisionDate),
          deregistrationDate: asDate(details.keyDates.deregistrationDate),
          deadline: asDate(details.keyDates.deadline),
          idleTimeoutMinutes: details.idleTimeoutMinutes,
        }}
      >
        <DetailsFields />
        <Divider titlePlacement="start" plain style={{ marginBlock: '4px 12px' }}>
          {t('overview.settingsSection')}
        </Divider>
        <Form.Item
          name="idleTimeoutMinutes"
          label={t('overview.idleTimeoutField')}
          extra={t('overview.idleTimeoutHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: 240 }]}
        >
          <InputNumber
            min={1}
            max={240}
            precision={0}
            style={{ width: 140 }}
            data-testid="field-idle-timeout"
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} title={t('overview.saveFailed')} /> : null}
    </Drawer>
  );
}
