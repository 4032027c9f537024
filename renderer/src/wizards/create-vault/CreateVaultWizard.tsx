// New client vault, step by step: client details → owner → where to save → create → recovery key.
// Passphrases stay in the form only until the vault exists; the recovery key only in the wizard's state
// until the person confirms it is stored. Built on the WizardSteps scaffold; its model is
// use-create-vault.ts, one file per step.
import { FileAddOutlined } from '@ant-design/icons';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { WizardSteps, type WizardStep } from '../../components/WizardSteps';
import type { WizardValues } from './details';
import { DetailsFields } from './DetailsFields';
import { LocationStep } from './LocationStep';
import { OwnerStep } from './OwnerStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { ReviewStep } from './ReviewStep';
import { CREATE_STEPS, useCreateVault, type CreateStep } from './use-create-vault';

export function CreateVaultWizard() {
  const { t } = useTranslation();
  const model = useCreateVault();
  const { form, file, created, creating } = model;
  // One form instance across the steps: its values stay while a step's fields are not shown.
  const fields = (children: ReactNode) => (
    <Form<WizardValues> form={form} layout="vertical" requiredMark="optional" disabled={creating}>
      {children}
    </Form>
  );
  const content: Record<CreateStep, Omit<WizardStep<CreateStep>, 'key' | 'title'>> = {
    client: { content: fields(<DetailsFields />) },
    owner: { content: fields(<OwnerStep />) },
    location: {
      content: (
        <LocationStep file={file} onChoose={() => void model.chooseLocation()} missing={model.fileMissing} />
      ),
    },
    create: {
      content: file ? <ReviewStep values={form.getFieldsValue(true) as WizardValues} file={file} /> : null,
      next: {
        label: t('create.createButton'),
        icon: <FileAddOutlined />,
        loading: creating,
        testId: 'wizard-create',
        onClick: () => void model.create(),
      },
    },
    recovery: {
      content: created ? (
        <RecoveryKeyStep
          recoveryKey={created.recoveryKey}
          clientName={created.clientName}
          onFinished={model.finished}
        />
      ) : null,
      nav: false,
    },
  };
  return (
    <>
      <PageHeader title={t('create.title')} subtitle={t('create.subtitle')} />
      <WizardSteps
        testId="create-wizard"
        steps={CREATE_STEPS.map((key) => ({
          key,
          title: t(`create.steps.${key}`),
          validate: model.validate[key],
          ...content[key],
        }))}
        current={model.step}
        onStep={model.setStep}
        alert={
          model.error && model.step !== 'recovery' ? (
            <ErrorAlert error={model.error} title={t('create.createFailed')} />
          ) : null
        }
        busy={creating}
        width={680}
      />
    </>
  );
}
