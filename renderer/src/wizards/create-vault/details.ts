// The wizard's form values and how they become vault.create's input (and vault.updateDetails').
import type { Dayjs } from 'dayjs';
import type { OpInput } from '../../../../shared/contract';

export interface DetailsValues {
  clientName?: string;
  creditCode?: string | null;
  contact?: string | null;
  closureReason?: string | null;
  decisionDate?: Dayjs | null;
  deregistrationDate?: Dayjs | null;
  deadline?: Dayjs | null;
}

export interface OwnerValues {
  ownerName?: string;
  passphrase?: string;
  passphraseConfirm?: string;
}

export type WizardValues = DetailsValues & OwnerValues;

export const DETAIL_FIELDS = [
  'clientName',
  'creditCode',
  'contact',
  'closureReason',
  'decisionDate',
  'deregistrationDate',
  'deadline',
] as const satisfies ReadonlyArray<keyof DetailsValues>;

export const OWNER_FIELDS = ['ownerName', 'passphrase', 'passphraseConfirm'] as const satisfies ReadonlyArray<
  keyof OwnerValues
>;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** A picked date as the contract wants it: ISO yyyy-mm-dd, or null when cleared. */
const isoDate = (value: Dayjs | null | undefined): string | null =>
  value ? value.format('YYYY-MM-DD') : null;

export function detailsInput(values: DetailsValues): OpInput<'vault.create'>['details'] {
  return {
    clientName: values.clientName?.trim() ?? '',
    creditCode: text(values.creditCode),
    contact: text(values.contact),
    closureReason: text(values.closureReason),
    keyDates: {
      decisionDate: isoDate(values.decisionDate),
      deregistrationDate: isoDate(values.deregistrationDate),
      deadline: isoDate(values.deadline),
    },
  };
}
