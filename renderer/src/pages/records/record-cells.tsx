// Small pieces of a record shown in the table and in the detail: a field's validation status, the flags.
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord, FieldStatus } from '../../../../shared/customer';
import { phoneEntryText } from '../../../../shared/customer/phones';

const STATUS_COLOURS: Record<FieldStatus, string> = {
  valid: 'green',
  invalid: 'red',
  missing: 'default',
  legacy: 'gold',
};

export function StatusTag({ status }: { status: FieldStatus }) {
  const { t } = useTranslation();
  if (status === 'valid') return null;
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`records.statusValue.${status}`)}
    </Tag>
  );
}

/** A record's flags as tags: key, colour and label (also the cell's full text on hover). */
export function flagTags(record: CustomerRecord, t: TFunction): Array<[string, string, string]> {
  const f = record.flags;
  const tags: Array<[string, string, string]> = [];
  if (f.sensitive.length)
    tags.push([
      'sensitive',
      'magenta',
      `${t('records.flags.sensitive')}: ${f.sensitive.map((k) => t(`records.sensitiveKinds.${k}`)).join('、')}`,
    ]);
  if (f.minor) tags.push(['minor', 'red', t('records.flags.minor')]);
  if (f.stale) tags.push(['stale', 'default', t('records.flags.stale')]);
  if (f.formulaLike) tags.push(['formulaLike', 'volcano', t('records.flags.formulaLike')]);
  if (f.incomplete) tags.push(['incomplete', 'default', t('records.flags.incomplete')]);
  if (f.typeDoubtful) tags.push(['typeDoubtful', 'gold', t('records.flags.typeDoubtful')]);
  if (f.regionConflict) tags.push(['regionConflict', 'gold', t('records.flags.regionConflict')]);
  if (f.hiddenCharacters) tags.push(['hiddenCharacters', 'purple', t('records.flags.hiddenCharacters')]);
  if (f.malformed)
    tags.push([
      'malformed',
      'volcano',
      `${t('records.flags.malformed')}: ${t(`records.malformedKinds.${f.malformed}`, { defaultValue: f.malformed })}`,
    ]);
  return tags;
}

export function FlagTags({ record }: { record: CustomerRecord }) {
  const { t } = useTranslation();
  return (
    <span data-testid="record-flags">
      {flagTags(record, t).map(([key, colour, label]) => (
        <Tag key={key} color={colour} data-flag={key}>
          {label}
        </Tag>
      ))}
    </span>
  );
}

/** Every number of the phone cell, when there is more than the phone: further numbers, extensions. */
export function PhoneNumbers({ record }: { record: CustomerRecord }) {
  const { t } = useTranslation();
  if (record.phones.length < 2 && !record.phones[0]?.extension) return null;
  return (
    <ol
      data-testid="record-phones"
      aria-label={t('records.detail.phones')}
      style={{ margin: 0, paddingInlineStart: 20, width: '100%' }}
    >
      {record.phones.map((p, i) => (
        <li key={i} data-testid="record-phones-entry">
          {phoneEntryText(p)} <StatusTag status={p.status} />
        </li>
      ))}
    </ol>
  );
}
