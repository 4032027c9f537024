// Filters on every classification and flag of the Records page: selects for type, region, category,
// disposition and each field's validation status; checkboxes for the flags (checked = only those).
import { Button, Checkbox, Flex, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_TYPES,
  DISPOSITIONS,
  REGIONS,
  VALIDATED_FIELDS,
  statusesOf,
  type FieldStatus,
  type ValidatedField,
} from '../../../../shared/customer';
import type { RecordFilter } from '../../../../shared/records';
import { cleanFilter } from './filter-hash';

const FLAGS = [
  'stale',
  'minor',
  'sensitive',
  'formulaLike',
  'incomplete',
  'typeDoubtful',
  'regionConflict',
  'hiddenCharacters',
  'malformed',
] as const;
/** Select values for "none": null cannot be a Select value. */
const NONE = '__none__';

export function RecordFilters({
  filter,
  onChange,
}: {
  filter: RecordFilter;
  onChange: (filter: RecordFilter) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<RecordFilter>) => onChange(cleanFilter({ ...filter, ...patch }));
  const setFlag = (flag: (typeof FLAGS)[number], on: boolean) =>
    set({ flags: { ...filter.flags, [flag]: on ? true : undefined } });
  const setStatus = (field: ValidatedField, value: string | undefined) =>
    set({ status: { ...filter.status, [field]: value as FieldStatus | undefined } });
  const active = Object.keys(cleanFilter(filter)).length > 0;

  return (
    <Flex vertical gap={10} data-testid="records-filters">
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          placeholder={t('records.filters.type')}
          aria-label={t('records.filters.type')}
          data-testid="records-filter-type"
          style={{ width: 150 }}
          value={filter.type}
          onChange={(type) => set({ type })}
          options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`records.type.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t('records.filters.region')}
          aria-label={t('records.filters.region')}
          data-testid="records-filter-region"
          style={{ width: 170 }}
          value={filter.region}
          onChange={(region) => set({ region })}
          options={REGIONS.map((v) => ({ value: v, label: t(`records.region.${v}`) }))}
        />
        <Input
          allowClear
          placeholder={t('records.filters.country')}
          aria-label={t('records.filters.country')}
          data-testid="records-filter-country"
          style={{ width: 110 }}
          maxLength={2}
          value={filter.regionCountry ?? ''}
          onChange={(e) => {
            const v = e.target.value.trim().toUpperCase();
            set({ regionCountry: /^[A-Z]{2}$/.test(v) ? v : undefined });
          }}
        />
        <Input
          allowClear
          placeholder={t('records.filters.category')}
          aria-label={t('records.filters.category')}
          data-testid="records-filter-category"
          style={{ width: 160 }}
          disabled={filter.category === null}
          value={filter.category ?? ''}
          onChange={(e) => set({ category: e.target.value.trim() || undefined })}
        />
        <Select
          allowClear
          placeholder={t('records.filters.disposition')}
          aria-label={t('records.filters.disposition')}
          data-testid="records-filter-disposition"
          style={{ width: 170 }}
          value={filter.disposition === null ? NONE : filter.disposition}
          onChange={(v?: string) =>
            set({ disposition: v === NONE ? null : (v as RecordFilter['disposition']) })
          }
          options={[
            { value: NONE, label: t('records.filters.noDisposition') },
            ...DISPOSITIONS.map((d) => ({ value: d, label: t(`records.disposition.${d}`) })),
          ]}
        />
        {VALIDATED_FIELDS.map((field) => (
          <Select
            key={field}
            allowClear
            placeholder={t(`fields.${field}`)}
            aria-label={t(`fields.${field}`)}
            data-testid={`records-filter-status-${field}`}
            style={{ width: 150 }}
            value={filter.status?.[field]}
            onChange={(v?: string) => setStatus(field, v)}
            options={statusesOf(field).map((s) => ({
              value: s,
              label: `${t(`fields.${field}`)}: ${t(`records.statusValue.${s}`)}`,
            }))}
          />
        ))}
      </Flex>
      <Flex gap={12} wrap align="center">
        {FLAGS.map((flag) => (
          <Checkbox
            key={flag}
            checked={filter.flags?.[flag] === true}
            onChange={(e) => setFlag(flag, e.target.checked)}
            data-testid={`records-filter-flag-${flag}`}
          >
            {t(`records.flags.${flag}`)}
          </Checkbox>
        ))}
        <Checkbox
          checked={filter.category === null}
          onChange={(e) => set({ category: e.target.checked ? null : undefined })}
          data-testid="records-filter-unmatched"
        >
          {t('records.filters.unmatched')}
        </Checkbox>
        <Checkbox
          checked={filter.cluster === true}
          onChange={(e) => set({ cluster: e.target.checked ? true : undefined })}
          data-testid="records-filter-cluster"
        >
          {t('records.filters.inCluster')}
        </Checkbox>
        <Checkbox
          checked={filter.includeMerged === true}
          onChange={(e) => set({ includeMerged: e.target.checked ? true : undefined })}
          data-testid="records-filter-merged"
        >
          {t('records.filters.includeMerged')}
        </Checkbox>
        {typeof filter.cluster === 'number' ? (
          <Tag closable onClose={() => set({ cluster: undefined })} data-testid="records-filter-cluster-id">
            {t('records.filters.cluster', { id: filter.cluster })}
          </Tag>
        ) : null}
        {filter.sourceId ? (
          <Tag closable onClose={() => set({ sourceId: undefined })} data-testid="records-filter-source">
            {t('records.filters.source')}
          </Tag>
        ) : null}
        {active ? (
          <Button type="link" onClick={() => onChange({})} data-testid="records-filter-clear">
            {t('records.filters.clear')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
