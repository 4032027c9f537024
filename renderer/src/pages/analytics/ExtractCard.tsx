// The de-identified extract: the fields to keep, the warning that it is still personal data, and the
// button that writes it (with its notice) to a file the person chooses.
import { Alert, Button, Card, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXTRACT_FIELDS, type ExtractField } from '../../../../shared/analytics/dimensions';
import type { useAnalytics } from './use-analytics';

export function ExtractCard({ m, canExtract }: { m: ReturnType<typeof useAnalytics>; canExtract: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('analytics.extract.title')} size="small" data-testid="analytics-extract">
      <Flex vertical gap={12}>
        <Alert
          type="warning"
          showIcon
          title={t('analytics.extract.warning')}
          data-testid="analytics-extract-warning"
        />
        <Flex gap={8} wrap align="center">
          <span>{t('analytics.extract.fields')}</span>
          <Select<ExtractField[]>
            mode="multiple"
            style={{ minWidth: 360 }}
            value={m.fields}
            onChange={m.setFields}
            data-testid="analytics-extract-fields"
            options={EXTRACT_FIELDS.map((f) => ({ value: f, label: t(`analytics.dimensions.${f}`) }))}
          />
          <Button
            type="primary"
            disabled={!canExtract || m.busy || m.fields.length === 0}
            onClick={() => void m.extract()}
            data-testid="analytics-extract-run"
          >
            {t('analytics.extract.run')}
          </Button>
        </Flex>
        {m.extracted ? (
          <Alert
            type="success"
            showIcon
            data-testid="analytics-extracted"
            title={t('analytics.extract.done', { ...m.extracted })}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
