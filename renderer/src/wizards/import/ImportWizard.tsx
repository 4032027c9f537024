// The Import wizard: choose customer files (handles from the open dialog, never paths) → what was
// detected (format, encoding, sheet; each can be changed) → the column mapping with a live preview of the
// first rows as they will be stored (invalid values highlighted) and templates → import as one job with
// progress and cancel → counts, quarantined rows with export, and the offer to delete the plaintext files.
// Built on the WizardSteps scaffold; its data and actions are its model (use-import.ts), one file per step.
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { RequireSession } from '../../components/RequireSession';
import { WizardSteps, type WizardStep } from '../../components/WizardSteps';
import { FilesStep } from './FilesStep';
import { MappingStep } from './MappingStep';
import { ResultStep } from './ResultStep';
import { IMPORT_STEPS, useImport, type ImportStep } from './use-import';

/** The Import page: its header shows while the vault is locked too, saying what the page is for. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.import')} subtitle={t('importWizard.subtitle')} />
      <RequireSession>{() => <ImportWizard />}</RequireSession>
    </>
  );
}

function ImportWizard() {
  const { t } = useTranslation();
  const model = useImport();
  const { run, result, ready } = model;
  const progress = <JobProgress state={run.state} onCancel={run.cancel} cancelError={run.cancelError} />;
  const content: Record<ImportStep, Omit<WizardStep<ImportStep>, 'key' | 'title'>> = {
    files: {
      content: <FilesStep model={model} />,
      back: false,
      next: { label: t('importWizard.next'), testId: 'import-next', disabled: !ready },
    },
    mapping: {
      content: <MappingStep model={model} />,
      back: { label: t('importWizard.back') },
      next: {
        label: t('importWizard.run'),
        testId: 'import-run',
        disabled: !ready || (model.sameSource.length > 0 && !model.allowSame),
        onClick: model.startImport,
      },
    },
    // A failed or cancelled import leaves the vault as it was: back to the mapping to try again.
    import: {
      content: progress,
      next: false,
      back: {
        label: t('importWizard.back'),
        testId: 'import-back-to-mapping',
        hidden: run.state.status !== 'finished' || !!result,
      },
    },
    result: {
      content: (
        <Flex vertical gap={16}>
          {progress}
          {result ? <ResultStep result={result} files={model.files} onRestart={model.restart} /> : null}
        </Flex>
      ),
      nav: false,
    },
  };
  return (
    <WizardSteps
      testId="import-wizard"
      ids="import"
      steps={IMPORT_STEPS.map((key) => ({ key, title: t(`importWizard.steps.${key}`), ...content[key] }))}
      current={model.step}
      onStep={model.setStep}
      alert={model.error ? <ErrorAlert error={model.error} /> : null}
    />
  );
}
