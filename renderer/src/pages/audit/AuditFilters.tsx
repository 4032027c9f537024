// The audit log's filters: user, operation, date range, and Clear while any is set.
import { Button, DatePicker, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FILTER_OPS, type AuditModel } from './use-audit';

export function AuditFilters({ model }: { model: AuditModel }) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Select
        allowClear
        showSearch
        placeholder={t('audit.filters.user')}
        options={model.userOptions}
        value={model.userName}
        onChange={(value?: string) => model.setUserName(value)}
        style={{ width: 180 }}
        data-testid="audit-filter-user"
        aria-label={t('audit.filters.user')}
      />
      <Select
        allowClear
        showSearch
        placeholder={t('audit.filters.op')}
        options={FILTER_OPS.map((name) => ({ value: name, label: name }))}
        value={model.op}
        onChange={(value?: string) => model.setOp(value)}
        style={{ width: 240 }}
        data-testid="audit-filter-op"
        aria-label={t('audit.filters.op')}
      />
      <span data-testid="audit-filter-range">
        <DatePicker.RangePicker
          value={model.range}
          onChange={(value) => model.setRange(value)}
          allowEmpty={[true, true]}
          aria-label={t('audit.filters.range')}
        />
      </span>
      {model.filtered ? (
        <Button type="link" onClick={model.clear} data-testid="audit-filter-clear">
          {t('audit.filters.clear')}
        </Button>
      ) : null}
    </Flex>
  );
}
