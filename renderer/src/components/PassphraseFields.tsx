// A new passphrase, twice, with the strength meter. Form items for an antd Form whose fields are
// `passphrase` and `passphraseConfirm`; the form refuses a passphrase below MIN_SCORE.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { assessPassphrase, MIN_SCORE } from '../../../shared/passphrase-strength';
import { PassphraseStrength } from './PassphraseStrength';

export function PassphraseFields({ label }: { label?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const passphrase = (Form.useWatch('passphrase', form) as string | undefined) ?? '';
  return (
    <>
      <Form.Item
        name="passphrase"
        label={label ?? t('passphrase.label')}
        extra={<PassphraseStrength passphrase={passphrase} />}
        validateFirst
        rules={[
          { required: true, message: t('passphrase.required') },
          {
            validator: (_rule, value: string | undefined) =>
              value && assessPassphrase(value).score < MIN_SCORE
                ? Promise.reject(new Error(t('strength.tooWeak')))
                : Promise.resolve(),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="passphrase" style={{ maxWidth: 420 }} />
      </Form.Item>
      <Form.Item
        name="passphraseConfirm"
        label={t('passphrase.confirm')}
        dependencies={['passphrase']}
        validateFirst
        rules={[
          { required: true, message: t('passphrase.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('passphrase')
                ? Promise.resolve()
                : Promise.reject(new Error(t('passphrase.mismatch'))),
          }),
        ]}
      >
        <Input.Password
          autoComplete="new-password"
          data-testid="passphrase-confirm"
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
    </>
  );
}
