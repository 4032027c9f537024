// The create-vault wizard's model: the form (kept across steps), the step, the file chosen in the save
// dialog, vault.create, and the recovery key, held here only until the person confirms it is stored. The
// passphrase leaves the form as soon as the vault exists.
import { Form } from 'antd';
import { useEffect, useState } from 'react';
import type { ChosenFile } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { useChooseFile } from '../../hooks/use-choose-file';
import { api, type ErrorValue } from '../../platform/api';
import { safeFileName } from '../../platform/dialogs';
import { useSession } from '../../session/session-context';
import { DETAIL_FIELDS, detailsInput, OWNER_FIELDS, type WizardValues } from './details';

export const CREATE_STEPS = ['client', 'owner', 'location', 'create', 'recovery'] as const;
export type CreateStep = (typeof CREATE_STEPS)[number];

export function useCreateVault() {
  const session = useSession();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState<CreateStep>('client');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const dialog = useChooseFile();
  const [createError, setCreateError] = useState<ErrorValue | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ recoveryKey: string; clientName: string; vaultId: string } | null>(
    null,
  );

  // The new vault locked (idle, sleep, Lock) while its recovery key is on screen: the key goes with it.
  // The person can save the recovery sheet again from the vault's overview once unlocked.
  const openVaultId = session.session?.vaultId ?? null;
  useEffect(() => {
    if (created && openVaultId !== created.vaultId) navigateTo('unlock', created.vaultId);
  }, [created, openVaultId]);

  /** Each step's check before Next: the form's fields (shown next to each), or the chosen file. */
  const validate: Partial<Record<CreateStep, () => Promise<boolean> | boolean>> = {
    client: () => form.validateFields([...DETAIL_FIELDS]).then(() => true),
    owner: () => form.validateFields([...OWNER_FIELDS]).then(() => true),
    location: () => {
      if (!file) setFileMissing(true);
      return file !== null;
    },
  };

  const chooseLocation = async () => {
    setCreateError(null);
    const clientName = (form.getFieldValue('clientName') as string | undefined) ?? '';
    const chosen = await dialog.choose({
      kind: 'save',
      purpose: 'vault',
      suggestedName: `${safeFileName(clientName, 'client')}.cvault`,
    });
    if (chosen) {
      setFile(chosen);
      setFileMissing(false);
    }
  };

  const create = async () => {
    if (!file) return;
    const values = form.getFieldsValue(true) as WizardValues;
    dialog.setError(null);
    setCreateError(null);
    setCreating(true);
    const result = await api.call('vault.create', {
      file: { handle: file.handle },
      details: detailsInput(values),
      owner: { name: values.ownerName?.trim() ?? '', passphrase: values.passphrase ?? '' },
    });
    setCreating(false);
    if (!result.ok) return setCreateError(result.error);
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

  return {
    form,
    step,
    setStep,
    validate,
    file,
    fileMissing,
    chooseLocation,
    creating,
    create,
    created,
    finished,
    error: createError ?? dialog.error,
  };
}
