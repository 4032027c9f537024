// New client vault, step by step: client details → owner → where to save → create → recovery key.
// Passphrases stay in the form only until the vault exists; the recovery key only in this component's
// state until the person confirms it is stored.
import { FileAddOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, Input, Steps, theme, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PassphraseFields } from '../../components/PassphraseFields';
import { currentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, type ErrorValue } from '../../platform/api';
import { chooseFile, safeFileName } from '../../platform/dialogs';
import { useSession } from '../../session/session-context';
import { DetailsFields } from './DetailsFields';
import { DETAIL_FIELDS, detailsInput, OWNER_FIELDS, type WizardValues } from './details';
import { RecoveryKeyStep } from './RecoveryKeyStep';

const STEPS = ['client', 'owner', 'location', 'create', 'recovery'] as const;
type Step = (typeof STEPS)[number];

function OwnerStep() {
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

function LocationStep({
  file,
  onChoose,
  missing,
}: {
  file: ChosenFile | null;
  onChoose: () => void;
  missing: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('create.locationIntro')}
      </Typography.Paragraph>
      <Flex
        align="center"
        justify="space-between"
        gap={16}
        style={{
          padding: '14px 16px',
          border: `1px ${file ? 'solid' : 'dashed'} ${missing ? token.colorError : token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
          background: token.colorFillQuaternary,
        }}
      >
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          <SaveOutlined
            style={{ fontSize: 20, color: file ? token.colorPrimary : token.colorTextTertiary }}
          />
          {file ? (
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('create.willSaveAs')}
              </Typography.Text>
              <div>
                <Typography.Text strong data-testid="chosen-file" ellipsis>
                  {file.name}
                </Typography.Text>
              </div>
            </div>
          ) : (
            <Typography.Text type={missing ? 'danger' : 'secondary'} data-testid="chosen-file-none">
              {missing ? t('create.locationRequired') : t('create.notChosen')}
            </Typography.Text>
          )}
        </Flex>
        <Button onClick={onChoose} type={file ? 'default' : 'primary'} data-testid="choose-location">
          {file ? t('create.chooseAgain') : t('create.choose')}
        </Button>
      </Flex>
    </Flex>
  );
}

function ReviewStep({ values, file }: { values: WizardValues; file: ChosenFile }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const details = detailsInput(values);
  const date = (iso: string | null | undefined) => (iso ? formatDate(lang, iso) : t('common.notSet'));
  const text = (value: string | null | undefined) => value || t('common.notSet');
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('create.reviewIntro')}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="review"
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'client', label: t('create.clientName'), children: details.clientName },
          { key: 'code', label: t('create.creditCode'), children: text(details.creditCode) },
          { key: 'contact', label: t('create.contact'), children: text(details.contact) },
          { key: 'reason', label: t('create.closureReason'), children: text(details.closureReason) },
          {
            key: 'decision',
            label: t('create.decisionDate'),
            children: date(details.keyDates?.decisionDate),
          },
          {
            key: 'deregistration',
            label: t('create.deregistrationDate'),
            children: date(details.keyDates?.deregistrationDate),
          },
          { key: 'deadline', label: t('create.deadline'), children: date(details.keyDates?.deadline) },
          { key: 'owner', label: t('create.ownerName'), children: values.ownerName?.trim() },
          { key: 'file', label: t('create.file'), children: file.name },
        ]}
      />
    </Flex>
  );
}

export function CreateVaultWizard() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const session = useSession();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState<Step>('client');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ recoveryKey: string; clientName: string; vaultId: string } | null>(
    null,
  );
  const index = STEPS.indexOf(step);

  // The new vault locked (idle, sleep, Lock) while its recovery key is on screen: the key goes with it.
  // The person can save the recovery sheet again from the vault's overview once unlocked.
  const openVaultId = session.session?.vaultId ?? null;
  useEffect(() => {
    if (created && openVaultId !== created.vaultId) navigateTo('unlock', created.vaultId);
  }, [created, openVaultId]);

  const next = async () => {
    setError(null);
    if (step === 'client') {
      await form.validateFields([...DETAIL_FIELDS]);
      setStep('owner');
    } else if (step === 'owner') {
      await form.validateFields([...OWNER_FIELDS]);
      setStep('location');
    } else if (step === 'location') {
      if (!file) return setFileMissing(true);
      setStep('create');
    }
  };

  const chooseLocation = async () => {
    setError(null);
    const clientName = (form.getFieldValue('clientName') as string | undefined) ?? '';
    const chosen = await chooseFile({
      kind: 'save',
      purpose: 'vault',
      suggestedName: `${safeFileName(clientName, 'client')}.cvault`,
    });
    if (!chosen.ok) return setError(chosen.error);
    if (chosen.value) {
      setFile(chosen.value);
      setFileMissing(false);
    }
  };

  const create = async () => {
    if (!file) return;
    const values = form.getFieldsValue(true) as WizardValues;
    setError(null);
    setCreating(true);
    const result = await api.call('vault.create', {
      file: { handle: file.handle },
      details: detailsInput(values),
      owner: { name: values.ownerName?.trim() ?? '', passphrase: values.passphrase ?? '' },
    });
    setCreating(false);
    if (!result.ok) return setError(result.error);
    // The passphrase has done its work: out of the form before anything else renders.
    form.setFieldsValue({ passphrase: undefined, passphraseConfirm: undefined });
    setCreated({
      recoveryKey: result.value.recoveryKey,
      clientName: result.value.session.clientName,
      vaultId: result.value.session.vaultId,
    });
    session.opened(result.value.session);
    setStep('recovery');
  };

  const finished = () => {
    setCreated(null);
    navigateTo('vault');
  };

  // Swallows the validation rejection: the form shows what is wrong next to each field.
  const onNext = () => void next().catch(() => undefined);

  return (
    <>
      <PageHeader title={t('create.title')} subtitle={t('create.subtitle')} />
      <Card data-testid="create-wizard" data-step={step}>
        <Steps
          current={index}
          size="small"
          style={{ marginBottom: 32 }}
          items={STEPS.map((key) => ({ key, title: t(`create.steps.${key}`) }))}
        />
        <div style={{ maxWidth: 680, marginInline: 'auto' }}>
          {step === 'recovery' && created ? (
            <RecoveryKeyStep
              recoveryKey={created.recoveryKey}
              clientName={created.clientName}
              onFinished={finished}
            />
          ) : (
            <>
              <Form<WizardValues> form={form} layout="vertical" requiredMark="optional" disabled={creating}>
                {step === 'client' ? <DetailsFields /> : null}
                {step === 'owner' ? <OwnerStep /> : null}
              </Form>
              {step === 'location' ? (
                <LocationStep file={file} onChoose={() => void chooseLocation()} missing={fileMissing} />
              ) : null}
              {step === 'create' && file ? (
                <ReviewStep values={form.getFieldsValue(true) as WizardValues} file={file} />
              ) : null}
              {error ? (
                <div style={{ marginTop: 16 }}>
                  <ErrorAlert error={error} title={t('create.createFailed')} />
                </div>
              ) : null}
              <Flex
                justify="space-between"
                style={{
                  marginTop: 24,
                  paddingTop: 16,
                  borderTop: `1px solid ${token.colorBorderSecondary}`,
                }}
              >
                <Button
                  onClick={() => setStep(STEPS[index - 1])}
                  disabled={index === 0 || creating}
                  data-testid="wizard-back"
                >
                  {t('common.back')}
                </Button>
                {step === 'create' ? (
                  <Button
                    type="primary"
                    icon={<FileAddOutlined />}
                    loading={creating}
                    onClick={() => void create()}
                    data-testid="wizard-create"
                  >
                    {t('create.createButton')}
                  </Button>
                ) : (
                  <Button type="primary" onClick={onNext} data-testid="wizard-next">
                    {t('common.next')}
                  </Button>
                )}
              </Flex>
            </>
          )}
        </div>
      </Card>
    </>
  );
}
