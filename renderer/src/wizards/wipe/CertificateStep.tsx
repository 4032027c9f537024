// The certificate step of both wipe wizards: the folder it goes to (kept apart from the data), the legal
// trigger, and the people NIST SP 800-88 §4.8 names on it (the operator is the session's user).
import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PIPL_TRIGGERS } from '../../../../shared/wipe';
import { ErrorAlert } from '../../components/ErrorAlert';
import { chooseFile } from '../../platform/dialogs';
import type { ErrorValue } from '../../platform/api';
import { useState } from 'react';
import type { CertificateChoice } from './wipe-input';

export function CertificateStep({
  value,
  onChange,
  missing,
}: {
  value: CertificateChoice;
  onChange: (next: CertificateChoice) => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorValue | null>(null);
  const set = (patch: Partial<CertificateChoice>) => onChange({ ...value, ...patch });
  const choose = async () => {
    const picked = await chooseFile({ kind: 'folder', purpose: 'wipe-certificate' });
    if (!picked.ok) setError(picked.error);
    else if (picked.value) set({ folder: picked.value });
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('wipe.certificateDir.intro')}
      </Typography.Paragraph>
      <Flex align="center" gap={12}>
        <Button icon={<FolderOpenOutlined />} onClick={() => void choose()} data-testid="wipe-choose-folder">
          {value.folder ? t('wipe.certificateDir.again') : t('wipe.certificateDir.choose')}
        </Button>
        <Typography.Text
          type={missing && !value.folder ? 'danger' : undefined}
          data-testid="wipe-folder"
          data-chosen={value.folder ? 'true' : 'false'}
        >
          {value.folder
            ? value.folder.name
            : missing
              ? t('wipe.certificateDir.required')
              : t('wipe.certificateDir.none')}
        </Typography.Text>
      </Flex>
      {error ? <ErrorAlert error={error} /> : null}
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t('wipe.trigger.label')}>
          <Select
            value={value.trigger}
            onChange={(trigger) => set({ trigger })}
            data-testid="wipe-trigger"
            options={PIPL_TRIGGERS.map((k) => ({ value: k, label: t(`wipe.trigger.${k}`) }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t('wipe.people.title')} style={{ flex: 1 }}>
            <Input value={value.title} onChange={(e) => set({ title: e.target.value })} maxLength={100} />
          </Form.Item>
          <Form.Item label={t('wipe.people.location')} style={{ flex: 1 }}>
            <Input
              value={value.location}
              onChange={(e) => set({ location: e.target.value })}
              maxLength={200}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('wipe.people.contact')}>
          <Input value={value.contact} onChange={(e) => set({ contact: e.target.value })} maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label={t('wipe.people.verifier')} style={{ flex: 1 }}>
            <Input
              value={value.verifier}
              onChange={(e) => set({ verifier: e.target.value })}
              maxLength={100}
              data-testid="wipe-verifier"
            />
          </Form.Item>
          <Form.Item label={t('wipe.people.verifierTitle')} style={{ flex: 1 }}>
            <Input
              value={value.verifierTitle}
              onChange={(e) => set({ verifierTitle: e.target.value })}
              maxLength={100}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Flex>
  );
}
