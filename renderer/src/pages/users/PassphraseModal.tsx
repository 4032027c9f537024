// Set a user's passphrase (an owner for anyone, everyone else for themselves).
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseFields } from '../../components/PassphraseFields';
import { useCall } from '../../hooks/use-call';

export function PassphraseModal({
  user,
  onClose,
  onChanged,
}: {
  user: UserInfo | null;
  onClose: () => void;
  onChanged: (u: UserInfo) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase?: string }>();
  const { run, busy, error, setError } = useCall();

  const change = async (passphrase: string) => {
    if (!user) return;
    if (!(await run('users.setPassphrase', { name: user.name, passphrase }))) return;
    form.resetFields();
    onChanged(user);
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.setPassphraseTitle', { name: user.name }) : null}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'set-passphrase-submit' }}
      data-testid="set-passphrase-modal"
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onFinish={(v) => void change(v.passphrase ?? '')}
      >
        <PassphraseFields />
      </Form>
      {error ? <ErrorAlert error={error} title={t('users.failed')} /> : null}
    </Modal>
  );
}
