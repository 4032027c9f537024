// Add a user: name, role (with what each role may do) and a first passphrase.
import { Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserInfo } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseFields } from '../../components/PassphraseFields';
import { useCall } from '../../hooks/use-call';

interface AddValues {
  name?: string;
  role?: Role;
  passphrase?: string;
}

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({
    value: role,
    label: (
      <Flex justify="space-between" gap={16}>
        <span>{t(`roles.${role}`)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`roleHints.${role}`)}
        </Typography.Text>
      </Flex>
    ),
  }));
}

export function AddUserModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (u: UserInfo) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddValues>();
  const { run, busy, error } = useCall();
  const options = useRoleOptions();

  const add = async (values: AddValues) => {
    const added = await run('users.add', {
      name: values.name?.trim() ?? '',
      role: values.role ?? 'operator',
      passphrase: values.passphrase ?? '',
    });
    if (!added) return;
    form.resetFields();
    onAdded(added);
  };

  return (
    <Modal
      open={open}
      title={t('users.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.add')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'add-user-submit' }}
      data-testid="add-user-modal"
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'operator' }}
        onFinish={(values) => void add(values)}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }, { max: 100 }]}
        >
          <Input autoComplete="off" data-testid="add-user-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')}>
          <Select
            options={options}
            data-testid="add-user-role"
            labelRender={(selected) => t(`roles.${selected.value as Role}`)}
          />
        </Form.Item>
        <PassphraseFields />
      </Form>
      {error ? <ErrorAlert error={error} title={t('users.failed')} /> : null}
    </Modal>
  );
}
