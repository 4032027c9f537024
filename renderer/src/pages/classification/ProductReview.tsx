// The product review on the Classification page: the vault's product/service values with their counts,
// category now and the taxonomy's suggestion; accept or change one value, or tick many and set their
// category at once. Each choice is stored as a product rule (owners), so a reimport or a new file reuses it.
import { Button, Card, Flex, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { currentLang } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { categoryOptions } from '../../i18n/category';
import { productColumns } from './product-columns';
import { useProductReview } from './use-product-review';

export function ProductReview({ isOwner, onFiled }: { isOwner: boolean; onFiled: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const model = useProductReview(onFiled);
  const { list, selected, filing, busy } = model;
  const [bulk, setBulk] = useState<string | null>(null);
  const values = list.status === 'ok' ? list.value.values : [];
  const options = categoryOptions(values.flatMap((v) => (v.category ? [v.category] : [])));

  return (
    <Card title={t('classification.products.title')} data-testid="product-review">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('classification.products.hint')}
        </Typography.Paragraph>
        {list.status === 'ok' ? (
          <Typography.Text
            data-testid="product-summary"
            data-records={list.value.records}
            data-unmatched={list.value.unmatched}
          >
            {t('classification.products.summary', {
              distinct: formatNumber(lang, list.value.distinct),
              records: formatNumber(lang, list.value.records),
              unmatched: formatNumber(lang, list.value.unmatched),
            })}
          </Typography.Text>
        ) : null}
        {list.status === 'error' ? <ErrorAlert error={list.error} /> : null}
        <Flex gap={8} wrap align="center">
          <Switch
            checked={model.unmatchedOnly}
            onChange={model.setUnmatchedOnly}
            data-testid="product-unmatched-only"
          />
          {t('classification.products.unmatchedOnly')}
          {isOwner ? (
            <>
              <Select
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 200, marginLeft: 16 }}
                placeholder={t('classification.products.bulkCategory')}
                value={bulk}
                onChange={setBulk}
                options={options}
                data-testid="product-bulk-category"
              />
              <Button
                type="primary"
                disabled={busy || bulk === null || selected.length === 0}
                onClick={() => model.file(selected, bulk)}
                data-testid="product-bulk-apply"
              >
                {t('classification.products.bulkApply', { count: selected.length })}
              </Button>
            </>
          ) : null}
        </Flex>
        {filing.state.status !== 'idle' ? (
          <JobProgress state={filing.state} onCancel={filing.cancel} cancelError={filing.cancelError} />
        ) : null}
        <Table
          size="small"
          rowKey="value"
          loading={list.status === 'loading'}
          dataSource={values}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="product-table"
          onRow={(v) => ({ 'data-testid': 'product-row', 'data-value': v.value }) as object}
          rowSelection={
            isOwner
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => model.setSelected(keys as string[]),
                  getCheckboxProps: (v) =>
                    ({ 'data-testid': 'product-check', 'data-value': v.value }) as object,
                }
              : undefined
          }
          columns={productColumns(t, {
            canFile: isOwner,
            busy,
            options,
            onFile: (value, category) => model.file([value], category),
          })}
        />
      </Flex>
    </Card>
  );
}
