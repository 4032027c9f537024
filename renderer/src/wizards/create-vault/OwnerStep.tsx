// The create-vault wizard's owner step: the owner's name and passphrase, with the strength meter.
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PassphraseFields } from '../../components/PassphraseFields';

export function OwnerStep() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('create.ownerIntro')}</Typography.Paragraph>
      <Form.Item
        name="ownerName"
        label={t('create.ownerName')}
        rules={[{ required: true, whitespace: true, message: t('create.ownerNameRequired') }, { max: 100 }]}
      >
        <Input autoComplete="off" style={{ maxWidth: 320 }} data-testid="field-owner-name" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('strength.hint')}
      </Typography.Paragraph>
      <PassphraseFields />
    </>
  );
}
