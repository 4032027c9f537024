// Step 1: the recipient (organisation, credit code, contact, address, country) and how its package is
// locked: its own certificate (fingerprint and validity shown for a phone check), a kit made here, or a
// password only. Creates the handover, or saves changes to it.
import { Alert, Button, Descriptions, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile, HandoverDetail, HandoverKit } from '../../../../shared/contract';
import { KEY_MODES, type HandoverRoute, type KeyMode } from '../../../../shared/handover';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import { useAction } from './use-handover';

interface Values {
  organisation: string;
  creditCode?: string;
  contactPerson?: string;
  contact?: string;
  address?: string;
  country: string;
  keyMode: KeyMode;
}

export function RecipientStep({
  detail,
  onCreated,
  onChanged,
}: {
  detail: HandoverDetail | null;
  onCreated: (d: HandoverDetail) => void;
  onChanged: (d?: HandoverDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const [certificate, setCertificate] = useState<ChosenFile | null>(null);
  const [kit, setKit] = useState<HandoverKit | null>(null);
  const keyMode = Form.useWatch('keyMode', form) ?? detail?.keyMode ?? 'certificate';
  const country = (Form.useWatch('country', form) ?? 'CN').toUpperCase();

  const save = async (v: Values) => {
    const recipient = {
      organisation: v.organisation,
      creditCode: v.creditCode?.trim() || null,
      contactPerson: v.contactPerson ?? '',
      contact: v.contact ?? '',
      address: v.address ?? '',
      country: v.country,
    };
    const cert = certificate ? { certificate: { file: { handle: certificate.handle } } } : {};
    if (!detail) {
      const route: HandoverRoute = v.country.toUpperCase() === 'CN' ? 'succession' : 'cross-border';
      const made = await action.run('handover.create', { recipient, route, keyMode: v.keyMode, ...cert });
      if (made) onCreated(made);
    } else {
      const handoverId = detail.handoverId;
      const next = await action.run('handover.update', {
        handoverId,
        recipient,
        keyMode: v.keyMode,
        ...cert,
      });
      if (next) onChanged(next);
    }
  };

  const pickCertificate = async () => {
    const picked = await chooseFile({ kind: 'open', purpose: 'handover-certificate' });
    if (picked.ok && picked.value) setCertificate(picked.value);
  };

  const makeKit = async () => {
    if (!detail) return;
    const folder = await chooseFile({ kind: 'folder', purpose: 'handover-output' });
    if (!folder.ok || !folder.value) return;
    const made = await action.run('handover.kit', {
      handoverId: detail.handoverId,
      out: { handle: folder.value.handle },
    });
    if (made) {
      setKit(made);
      onChanged();
    }
  };

  const r = detail?.recipient;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      onFinish={(v) => void save(v)}
      initialValues={{
        organisation: r?.organisation,
        creditCode: r?.creditCode ?? '',
        contactPerson: r?.contactPerson,
        contact: r?.contact,
        address: r?.address,
        country: r?.country ?? 'CN',
        keyMode: detail?.keyMode ?? 'certificate',
      }}
    >
      <Form.Item
        name="organisation"
        label={t('handover.recipient.organisation')}
        rules={[{ required: true }]}
      >
        <Input data-testid="handover-organisation" />
      </Form.Item>
      <Form.Item name="creditCode" label={t('handover.recipient.creditCode')}>
        <Input data-testid="handover-credit-code" />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('handover.recipient.contactPerson')}>
        <Input data-testid="handover-contact-person" />
      </Form.Item>
      <Form.Item name="contact" label={t('handover.recipient.contact')}>
        <Input data-testid="handover-contact" />
      </Form.Item>
      <Form.Item name="address" label={t('handover.recipient.address')}>
        <Input data-testid="handover-address" />
      </Form.Item>
      <Form.Item name="country" label={t('handover.recipient.country')} rules={[{ required: true, len: 2 }]}>
        <Input data-testid="handover-country" maxLength={2} style={{ width: 80 }} />
      </Form.Item>
      {country !== 'CN' ? <Alert type="info" showIcon title={t('handover.recipient.crossBorder')} /> : null}
      <Form.Item name="keyMode" label={t('handover.recipient.keyMode')}>
        <Radio.Group data-testid="handover-key-mode">
          {KEY_MODES.map((m) => (
            <Radio key={m} value={m} data-testid={`handover-key-mode-${m}`}>
              {t(`handover.recipient.keyModes.${m}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {keyMode === 'certificate' ? (
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Button onClick={() => void pickCertificate()} data-testid="handover-choose-certificate">
            {t('handover.recipient.chooseCertificate')}
          </Button>
          <Typography.Text type="secondary">
            {certificate?.name ?? t('handover.recipient.certificateHint')}
          </Typography.Text>
        </Flex>
      ) : null}
      {keyMode === 'password' ? (
        <Typography.Paragraph>{t('handover.recipient.passwordNote')}</Typography.Paragraph>
      ) : null}
      {detail?.certificate ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          data-testid="handover-certificate"
        >
          <Descriptions.Item label={detail.certificate.subject}>
            {t('handover.recipient.validity', {
              from: detail.certificate.notBefore.slice(0, 10),
              to: detail.certificate.notAfter.slice(0, 10),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.recipient.fingerprint')}>
            <Typography.Text code data-testid="handover-fingerprint">
              {detail.certificate.fingerprintSha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={action.busy} data-testid="handover-recipient-save">
          {detail ? t('handover.recipient.save') : t('handover.recipient.create')}
        </Button>
        {detail && keyMode === 'kit' ? (
          <Button onClick={() => void makeKit()} data-testid="handover-kit">
            {t('handover.recipient.kit')}
          </Button>
        ) : null}
      </Flex>
      {kit ? (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          data-testid="handover-kit-done"
          title={t('handover.recipient.kitWritten', { file: kit.p12.split(/[\\/]/).pop() })}
          description={
            kit.generatedPassword ? (
              <>
                {t('handover.recipient.kitPassword')}{' '}
                <Typography.Text code copyable data-testid="handover-kit-password">
                  {kit.generatedPassword}
                </Typography.Text>
              </>
            ) : null
          }
        />
      ) : null}
    </Form>
  );
}
